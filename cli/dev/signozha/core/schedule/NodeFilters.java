package dev.signozha.core.schedule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters that look only at the node and the pod's own spec, in kube-scheduler's order:
 * NodeUnschedulable, TaintToleration, NodeAffinity. Their verdicts are computed once per node for each
 * distinct set of tolerations and node requirements, and shared by every pod that has that set.
 */
final class NodeFilters {

    static final String UNSCHEDULABLE = "node(s) were unschedulable";
    static final String NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
    static final String UNTOLERATED_TAINT = "node(s) had untolerated taint ";
    /** NodeUnschedulable lets a pod onto a cordoned node if it tolerates this taint. */
    private static final Taint CORDONED = new Taint("node.kubernetes.io/unschedulable", "", Taint.Effect.NO_SCHEDULE);

    private final List<SimNode> nodes;
    private final Map<NodeTerms, String[]> verdicts = new HashMap<>();

    NodeFilters(List<SimNode> nodes) {
        this.nodes = nodes;
    }

    /** For each node, the reason it cannot take the pod, or null. */
    String[] reasons(SimPod pod) {
        Constraints constraints = pod.constraints();
        return verdicts.computeIfAbsent(
                new NodeTerms(constraints.tolerations(), constraints.nodeSelector(), constraints.nodeAffinity()),
                this::evaluate);
    }

    private String[] evaluate(NodeTerms terms) {
        String[] reasons = new String[nodes.size()];
        for (int node = 0; node < reasons.length; node++) {
            reasons[node] = terms.reason(nodes.get(node));
        }
        return reasons;
    }

    /** The part of a pod's constraints these filters read. */
    private record NodeTerms(
            List<Toleration> tolerations, Map<String, String> nodeSelector, List<NodeSelectorTerm> nodeAffinity) {

        String reason(SimNode node) {
            if (node.unschedulable() && !tolerates(CORDONED)) {
                return UNSCHEDULABLE;
            }
            for (Taint taint : node.taints()) {
                if (taint.blocksScheduling() && !tolerates(taint)) {
                    return UNTOLERATED_TAINT + taint.describe();
                }
            }
            return admits(node.labels()) ? null : NODE_AFFINITY;
        }

        private boolean tolerates(Taint taint) {
            for (Toleration toleration : tolerations) {
                if (toleration.tolerates(taint)) {
                    return true;
                }
            }
            return false;
        }

        private boolean admits(Map<String, String> labels) {
            for (Map.Entry<String, String> pair : nodeSelector.entrySet()) {
                if (!pair.getValue().equals(labels.get(pair.getKey()))) {
                    return false;
                }
            }
            return nodeAffinity.isEmpty() || nodeAffinity.stream().anyMatch(term -> term.matches(labels));
        }
    }
}
