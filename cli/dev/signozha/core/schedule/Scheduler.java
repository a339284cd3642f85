package dev.signozha.core.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places pods onto nodes one at a time, in order, the way kube-scheduler would: a node must have room
 * for the pod's requests and must not already hold, in the same topology domain, a pod the new pod's
 * required anti-affinity excludes; among the nodes left, the least allocated wins (ties: the earlier node).
 * Pure and linear in nodes per pod: each domain keeps the pods placed in it.
 */
public final class Scheduler {

    static final String INSUFFICIENT_CPU = "Insufficient cpu";
    static final String INSUFFICIENT_MEMORY = "Insufficient memory";
    static final String TOO_MANY_PODS = "Too many pods";
    static final String ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";

    private final List<SimNode> nodes;
    private final long[] usedCpu;
    private final long[] usedMemory;
    private final int[] usedPods;
    /** topologyKey → domain value → pods placed there. */
    private final Map<String, Map<String, List<SimPod>>> domains = new HashMap<>();

    private Scheduler(List<SimNode> nodes) {
        this.nodes = nodes;
        this.usedCpu = new long[nodes.size()];
        this.usedMemory = new long[nodes.size()];
        this.usedPods = new int[nodes.size()];
    }

    /** Places {@code pods} in order onto {@code nodes}. */
    public static Placement place(List<SimNode> nodes, List<SimPod> pods) {
        Scheduler scheduler = new Scheduler(nodes);
        List<Placement.Assignment> assignments = new ArrayList<>();
        List<Placement.Unplaced> unplaced = new ArrayList<>();
        for (SimPod pod : pods) {
            scheduler.placeOne(pod, assignments, unplaced);
        }
        return new Placement(List.copyOf(assignments), List.copyOf(unplaced));
    }

    private void placeOne(SimPod pod, List<Placement.Assignment> assignments, List<Placement.Unplaced> unplaced) {
        Map<String, Integer> reasonCounts = new HashMap<>();
        int best = -1;
        double bestFree = -1;
        for (int i = 0; i < nodes.size(); i++) {
            List<String> reasons = unfit(pod, i);
            if (!reasons.isEmpty()) {
                reasons.forEach(reason -> reasonCounts.merge(reason, 1, Integer::sum));
                continue;
            }
            double free = freeShare(pod, i);
            if (free > bestFree) {
                best = i;
                bestFree = free;
            }
        }
        if (best < 0) {
            unplaced.add(new Placement.Unplaced(pod, reason(reasonCounts)));
            return;
        }
        bind(pod, best);
        assignments.add(new Placement.Assignment(pod, nodes.get(best)));
    }

    /**
     * Why the node cannot take the pod. Like kube-scheduler, filters run in order and the first that
     * rejects the node decides: resource fit (every missing resource named) before inter-pod anti-affinity.
     */
    private List<String> unfit(SimPod pod, int node) {
        SimNode candidate = nodes.get(node);
        List<String> reasons = new ArrayList<>(2);
        if (usedCpu[node] + pod.cpuMillis() > candidate.cpuMillis()) {
            reasons.add(INSUFFICIENT_CPU);
        }
        if (usedMemory[node] + pod.memoryBytes() > candidate.memoryBytes()) {
            reasons.add(INSUFFICIENT_MEMORY);
        }
        if (usedPods[node] + 1 > candidate.pods()) {
            reasons.add(TOO_MANY_PODS);
        }
        if (reasons.isEmpty() && violatesAntiAffinity(pod, candidate)) {
            reasons.add(ANTI_AFFINITY);
        }
        return reasons;
    }

    private boolean violatesAntiAffinity(SimPod pod, SimNode node) {
        for (SimPod.AntiAffinityTerm term : pod.antiAffinity()) {
            String domain = node.label(term.topologyKey());
            if (domain == null) {
                continue;
            }
            for (SimPod placed : domains.getOrDefault(term.topologyKey(), Map.of()).getOrDefault(domain, List.of())) {
                if (term.matches(placed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Share of CPU and memory still free after placing the pod (kube-scheduler's LeastAllocated). */
    private double freeShare(SimPod pod, int node) {
        SimNode candidate = nodes.get(node);
        double cpu = share(candidate.cpuMillis() - usedCpu[node] - pod.cpuMillis(), candidate.cpuMillis());
        double memory = share(candidate.memoryBytes() - usedMemory[node] - pod.memoryBytes(), candidate.memoryBytes());
        return (cpu + memory) / 2;
    }

    private static double share(long free, long total) {
        return total == 0 ? 0 : (double) free / total;
    }

    private void bind(SimPod pod, int node) {
        SimNode target = nodes.get(node);
        usedCpu[node] += pod.cpuMillis();
        usedMemory[node] += pod.memoryBytes();
        usedPods[node]++;
        for (Map.Entry<String, String> label : target.labels().entrySet()) {
            domains.computeIfAbsent(label.getKey(), key -> new HashMap<>())
                    .computeIfAbsent(label.getValue(), value -> new ArrayList<>()).add(pod);
        }
    }

    /** kube-scheduler's FitError wording: "count reason" strings, sorted as strings. */
    private String reason(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((reason, count) -> parts.add(count + " " + reason));
        parts.sort(null);
        return "0/" + nodes.size() + " nodes are available" + (parts.isEmpty() ? "" : ": " + String.join(", ", parts)) + ".";
    }
}
