package dev.signozha.core.plan;

import dev.signozha.core.schedule.SimNode;
import dev.signozha.core.topology.Topology.Capacity;
import dev.signozha.core.topology.Topology.NodePool;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The nodes a topology's capacity section declares: count nodes per pool, spread over its zones. */
public final class DeclaredNodes {

    static final int DEFAULT_PODS_PER_NODE = 110;

    private DeclaredNodes() {}

    public static List<SimNode> of(Capacity capacity) {
        List<SimNode> nodes = new ArrayList<>();
        if (capacity == null || capacity.nodePools() == null) {
            return nodes;
        }
        for (NodePool pool : capacity.nodePools()) {
            for (int i = 0; i < pool.count(); i++) {
                nodes.add(node(pool, i));
            }
        }
        return nodes;
    }

    private static SimNode node(NodePool pool, int index) {
        String name = pool.name() + "-" + index;
        Map<String, String> labels = pool.zones() == null || pool.zones().isEmpty()
                ? Map.of("kubernetes.io/hostname", name, "signoz-ha/node-pool", pool.name())
                : Map.of(
                        "kubernetes.io/hostname",
                        name,
                        "signoz-ha/node-pool",
                        pool.name(),
                        "topology.kubernetes.io/zone",
                        pool.zones().get(index % pool.zones().size()));
        return SimNode.of(
                name,
                labels,
                pool.cpu().amount().multiply(BigDecimal.valueOf(1000)).longValue(),
                pool.memory().amount().longValue(),
                pool.pods() == null ? DEFAULT_PODS_PER_NODE : pool.pods());
    }
}
