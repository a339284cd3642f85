package dev.signozha.core.schedule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the domains of each topology key once, so that per-node checks compare ints: for a key,
 * each node's domain id, or -1 when the node lacks the label.
 */
final class TopologyIndex {

    private final List<SimNode> nodes;
    private final Map<String, Domains> byKey = new HashMap<>();

    TopologyIndex(List<SimNode> nodes) {
        this.nodes = nodes;
    }

    Domains domains(String topologyKey) {
        return byKey.computeIfAbsent(topologyKey, this::number);
    }

    private Domains number(String topologyKey) {
        Map<String, Integer> ids = new HashMap<>();
        int[] ofNode = new int[nodes.size()];
        for (int node = 0; node < ofNode.length; node++) {
            String value = nodes.get(node).label(topologyKey);
            ofNode[node] = value == null ? -1 : ids.computeIfAbsent(value, v -> ids.size());
        }
        return new Domains(ofNode, ids.size());
    }

    /** The domains of one topology key: each node's domain id (-1: no such label) and how many there are. */
    record Domains(int[] ofNode, int count) {

        int of(int node) {
            return ofNode[node];
        }
    }
}
