package dev.signozha.core.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The N-1 question behind SINGLE_POINT_OF_FAILURE: which groups of pods would drop below the number
 * that must stay up if one node were lost, or one zone when nodes carry {@value #ZONE}. A group already
 * below its minimum is not reported; no loss can take it lower than it is. Pure and linear in nodes,
 * pods and group members.
 */
public final class FailureDomains {

    static final String ZONE = "topology.kubernetes.io/zone";

    private FailureDomains() {}

    /**
     * The losses that break a group: nodes in the given order, then zones by name; each lists its
     * shortfalls in group order. Empty when every group survives any one node or zone. A group member
     * counts as up when a bound pod of that name runs on one of the nodes.
     */
    public static List<Loss> analyse(List<SimNode> nodes, List<SimPod> boundPods, List<Group> groups) {
        Map<String, SimNode> nodeOfPod = nodeOfPod(nodes, boundPods);
        Map<String, List<Shortfall>> byNode = new HashMap<>();
        Map<String, List<Shortfall>> byZone = new TreeMap<>();
        for (Group group : groups) {
            List<SimNode> up = group.pods().stream()
                    .map(nodeOfPod::get)
                    .filter(Objects::nonNull)
                    .toList();
            if (up.size() >= group.minimum()) {
                collect(group, up.size(), count(up, SimNode::name), byNode);
                collect(group, up.size(), count(up, node -> node.label(ZONE)), byZone);
            }
        }
        List<Loss> losses = new ArrayList<>();
        for (SimNode node : nodes) {
            List<Shortfall> shortfalls = byNode.remove(node.name());
            if (shortfalls != null) {
                losses.add(new Loss(Scope.NODE, node.name(), shortfalls));
            }
        }
        byZone.forEach((zone, shortfalls) -> losses.add(new Loss(Scope.ZONE, zone, shortfalls)));
        return List.copyOf(losses);
    }

    private static Map<String, SimNode> nodeOfPod(List<SimNode> nodes, List<SimPod> boundPods) {
        Map<String, SimNode> byName = new HashMap<>();
        nodes.forEach(node -> byName.putIfAbsent(node.name(), node));
        Map<String, SimNode> nodeOfPod = new HashMap<>();
        for (SimPod pod : boundPods) {
            SimNode node = pod.nodeName() == null ? null : byName.get(pod.nodeName());
            if (node != null) {
                nodeOfPod.put(pod.name(), node);
            }
        }
        return nodeOfPod;
    }

    /** How many of the group's running members each domain holds; members outside every domain are left out. */
    private static <D> Map<D, Integer> count(List<SimNode> up, Function<SimNode, D> domainOf) {
        Map<D, Integer> counts = new HashMap<>();
        for (SimNode node : up) {
            D domain = domainOf.apply(node);
            if (domain != null) {
                counts.merge(domain, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static <D> void collect(Group group, int up, Map<D, Integer> inDomain, Map<D, List<Shortfall>> shortfalls) {
        inDomain.forEach((domain, lost) -> {
            int left = up - lost;
            if (left < group.minimum()) {
                shortfalls.computeIfAbsent(domain, d -> new ArrayList<>()).add(new Shortfall(group, left));
            }
        });
    }

    /** How many members a group needs up: one replica, or a majority of an ensemble. */
    public enum Kind {
        REPLICAS,
        QUORUM
    }

    /** Whether a node or a zone is lost. */
    public enum Scope {
        NODE,
        ZONE
    }

    /** Pods that serve together, by name, and how many of them must stay up. */
    public record Group(String name, List<String> pods, Kind kind) {

        public Group {
            pods = List.copyOf(pods);
        }

        /** The replicas of one shard: one is enough. */
        public static Group replicas(String name, List<String> pods) {
            return new Group(name, pods, Kind.REPLICAS);
        }

        /** A ZooKeeper-style ensemble: a majority, floor(n/2)+1 of n, must stay up. */
        public static Group quorum(String name, List<String> pods) {
            return new Group(name, pods, Kind.QUORUM);
        }

        /** How many members must stay up: 1 for replicas, floor(n/2)+1 for a quorum of n. */
        public int minimum() {
            return kind == Kind.REPLICAS ? 1 : pods.size() / 2 + 1;
        }
    }

    /** A group left with fewer than its minimum. */
    public record Shortfall(Group group, int left) {

        /** "shard 0: 0 of 2 replicas left", or "zookeeper: 1 of 3 left, quorum needs 2". */
        public String message() {
            String total = left + " of " + group.pods().size();
            return group.kind() == Kind.REPLICAS
                    ? group.name() + ": " + total + " replicas left"
                    : group.name() + ": " + total + " left, quorum needs " + group.minimum();
        }
    }

    /** One node or zone whose loss breaks at least one group. */
    public record Loss(Scope scope, String name, List<Shortfall> shortfalls) {

        public Loss {
            shortfalls = List.copyOf(shortfalls);
        }
    }
}
