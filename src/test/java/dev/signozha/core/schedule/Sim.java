package dev.signozha.core.schedule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Short builders for the scheduling tests: nodes labelled with their hostname, and placements as strings. */
final class Sim {

    static final long GI = 1024L * 1024 * 1024;
    static final String HOSTNAME = "kubernetes.io/hostname";
    static final String ZONE = "topology.kubernetes.io/zone";

    private Sim() {}

    /** A 4-core, 8Gi node with its hostname label and the given extra label pairs. */
    static SimNode node(String name, String... extraLabels) {
        return node(name, 4000, 8 * GI, extraLabels);
    }

    static SimNode node(String name, long cpuMillis, long memoryBytes, String... extraLabels) {
        Map<String, String> labels = new HashMap<>();
        labels.put(HOSTNAME, name);
        for (int i = 0; i < extraLabels.length; i += 2) {
            labels.put(extraLabels[i], extraLabels[i + 1]);
        }
        return SimNode.of(name, labels, cpuMillis, memoryBytes, 110);
    }

    /** A 1-core, 1Gi pod with the given label pairs (app=test when none). */
    static SimPod pod(String name, String... labels) {
        return SimPod.of(name, "test", labels.length == 0 ? Map.of("app", "test") : pairs(labels), 1000, GI);
    }

    static Map<String, String> pairs(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static List<String> bindings(Placement placement) {
        return placement.assignments().stream()
                .map(a -> a.pod().name() + "->" + a.node().name())
                .toList();
    }

    /** The reason of the only unplaced pod. */
    static String onlyReason(Placement placement) {
        if (placement.unplaced().size() != 1) {
            throw new AssertionError("expected one unplaced pod: " + placement);
        }
        return placement.unplaced().get(0).reason();
    }
}
