package dev.signozha.core.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places pods onto nodes one at a time, in order, the way kube-scheduler would. Existing pods (bound to
 * one of the nodes) use up resources and count for pod affinity in both directions, as do the pods placed
 * before. Each node goes through kube-scheduler's filters in its order, and the first that rejects the
 * node gives its reason: NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit (every
 * missing resource), InterPodAffinity. Among the nodes left the least allocated wins, ties going to the
 * earlier node.
 *
 * <p>Pure. Per pod, each node costs a few array reads: node-only verdicts are shared by pods with the same
 * node requirements, and inter-pod rules read counts kept per topology domain.
 */
public final class Scheduler {

    private final List<SimNode> nodes;
    private final NodeFilters nodeFilters;
    private final ResourceLedger resources;
    private final InterPodAffinity interPodAffinity;

    private Scheduler(List<SimNode> nodes) {
        this.nodes = nodes;
        this.nodeFilters = new NodeFilters(nodes);
        this.resources = new ResourceLedger(nodes);
        this.interPodAffinity = new InterPodAffinity(new TopologyIndex(nodes));
    }

    /** Places {@code podsToPlace} in order onto empty {@code nodes}. */
    public static Placement place(List<SimNode> nodes, List<SimPod> podsToPlace) {
        return place(nodes, List.of(), podsToPlace);
    }

    /**
     * Places {@code podsToPlace} in order onto {@code nodes} that already run {@code existingPods}. An
     * existing pod whose node name is not one of the nodes (or is null) is not running and counts for nothing.
     */
    public static Placement place(List<SimNode> nodes, List<SimPod> existingPods, List<SimPod> podsToPlace) {
        Scheduler scheduler = new Scheduler(List.copyOf(nodes));
        scheduler.bindExisting(existingPods);
        List<Placement.Assignment> assignments = new ArrayList<>();
        List<Placement.Unplaced> unplaced = new ArrayList<>();
        for (SimPod pod : podsToPlace) {
            Filters filters = scheduler.filtersFor(pod);
            int node = filters.leastAllocatedFit();
            if (node < 0) {
                unplaced.add(new Placement.Unplaced(pod, filters.fitError()));
            } else {
                scheduler.bind(pod, node);
                assignments.add(new Placement.Assignment(pod, scheduler.nodes.get(node)));
            }
        }
        return new Placement(List.copyOf(assignments), List.copyOf(unplaced));
    }

    private void bindExisting(List<SimPod> existingPods) {
        Map<String, Integer> nodeIndex = new HashMap<>();
        for (int node = 0; node < nodes.size(); node++) {
            nodeIndex.putIfAbsent(nodes.get(node).name(), node);
        }
        for (SimPod pod : existingPods) {
            Integer node = pod.nodeName() == null ? null : nodeIndex.get(pod.nodeName());
            if (node != null) {
                bind(pod, node);
            }
        }
    }

    private Filters filtersFor(SimPod pod) {
        return new Filters(pod, nodeFilters.reasons(pod), interPodAffinity.check(pod));
    }

    private void bind(SimPod pod, int node) {
        resources.add(pod, node);
        interPodAffinity.bind(pod, node);
    }

    /** Every filter for one pod, resolved once and then asked node by node. */
    private final class Filters {
        private final SimPod pod;
        private final String[] nodeReasons;
        private final InterPodAffinity.Check interPod;

        Filters(SimPod pod, String[] nodeReasons, InterPodAffinity.Check interPod) {
            this.pod = pod;
            this.nodeReasons = nodeReasons;
            this.interPod = interPod;
        }

        /** The least allocated node that passes every filter, or -1. */
        int leastAllocatedFit() {
            int best = -1;
            double bestFree = 0;
            for (int node = 0; node < nodes.size(); node++) {
                if (passes(node)) {
                    double free = resources.freeShare(pod, node);
                    if (best < 0 || free > bestFree) {
                        best = node;
                        bestFree = free;
                    }
                }
            }
            return best;
        }

        /** For a pod no node takes: how many nodes each reason rejected. */
        String fitError() {
            FitError error = new FitError(nodes.size());
            for (int node = 0; node < nodes.size(); node++) {
                firstFailure(node).forEach(error::add);
            }
            return error.message();
        }

        private boolean passes(int node) {
            return nodeReasons[node] == null
                    && resources.shortfalls(pod, node).isEmpty()
                    && interPod.reason(node) == null;
        }

        /** The reasons of the first filter that rejects the node; none when every filter passes. */
        private List<String> firstFailure(int node) {
            if (nodeReasons[node] != null) {
                return List.of(nodeReasons[node]);
            }
            List<String> shortfalls = resources.shortfalls(pod, node);
            if (!shortfalls.isEmpty()) {
                return shortfalls;
            }
            String interPodReason = interPod.reason(node);
            return interPodReason == null ? List.of() : List.of(interPodReason);
        }
    }
}
