package dev.signozha.core.schedule;

import java.util.List;
import java.util.Map;

/**
 * A pod as the simulation sees it: identity, labels, requests, the node it is bound to (null for a pod
 * still to place) and its scheduling constraints. The {@code with...} methods replace one constraint.
 */
public record SimPod(
        String name,
        String namespace,
        String component,
        Map<String, String> labels,
        Requests requests,
        String nodeName,
        Constraints constraints) {

    /** The namespace {@link #of} puts a pod in. */
    public static final String DEFAULT_NAMESPACE = "default";

    public SimPod {
        labels = Map.copyOf(labels);
    }

    /** An unbound pod in the default namespace with no constraints. */
    public static SimPod of(
            String name, String component, Map<String, String> labels, long cpuMillis, long memoryBytes) {
        return new SimPod(
                name,
                DEFAULT_NAMESPACE,
                component,
                labels,
                new Requests(cpuMillis, memoryBytes),
                null,
                Constraints.NONE);
    }

    /** This pod in {@code otherNamespace}; affinity terms look at pods of their own pod's namespace. */
    public SimPod inNamespace(String otherNamespace) {
        return new SimPod(name, otherNamespace, component, labels, requests, nodeName, constraints);
    }

    /** This pod already running on {@code node}, as an existing pod is. */
    public SimPod boundTo(String node) {
        return new SimPod(name, namespace, component, labels, requests, node, constraints);
    }

    /** This pod tolerating exactly {@code tolerations}. */
    public SimPod withTolerations(Toleration... tolerations) {
        Constraints c = constraints;
        return with(new Constraints(
                List.of(tolerations), c.nodeSelector(), c.nodeAffinity(), c.podAffinity(), c.podAntiAffinity()));
    }

    /** This pod requiring every {@code nodeSelector} label on its node. */
    public SimPod withNodeSelector(Map<String, String> nodeSelector) {
        Constraints c = constraints;
        return with(
                new Constraints(c.tolerations(), nodeSelector, c.nodeAffinity(), c.podAffinity(), c.podAntiAffinity()));
    }

    /** This pod requiring a node that matches one of {@code terms}. */
    public SimPod withNodeAffinity(NodeSelectorTerm... terms) {
        Constraints c = constraints;
        return with(new Constraints(
                c.tolerations(), c.nodeSelector(), List.of(terms), c.podAffinity(), c.podAntiAffinity()));
    }

    /** This pod requiring, for each term, a matching pod in the same domain. */
    public SimPod withAffinity(PodAffinityTerm... terms) {
        Constraints c = constraints;
        return with(new Constraints(
                c.tolerations(), c.nodeSelector(), c.nodeAffinity(), List.of(terms), c.podAntiAffinity()));
    }

    /** This pod refusing, for each term, a domain that holds a matching pod. */
    public SimPod withAntiAffinity(PodAffinityTerm... terms) {
        Constraints c = constraints;
        return with(
                new Constraints(c.tolerations(), c.nodeSelector(), c.nodeAffinity(), c.podAffinity(), List.of(terms)));
    }

    private SimPod with(Constraints other) {
        return new SimPod(name, namespace, component, labels, requests, nodeName, other);
    }

    /** CPU in millicores and memory in bytes, as the scheduler counts them. */
    public record Requests(long cpuMillis, long memoryBytes) {}
}
