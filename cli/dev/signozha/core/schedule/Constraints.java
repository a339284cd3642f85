package dev.signozha.core.schedule;

import java.util.List;
import java.util.Map;

/**
 * What a pod requires of its node and of the pods around it, all "required during scheduling":
 * tolerations, nodeSelector, node affinity terms (ORed; none means any node), and pod affinity and
 * anti-affinity terms (each must hold).
 */
public record Constraints(
        List<Toleration> tolerations,
        Map<String, String> nodeSelector,
        List<NodeSelectorTerm> nodeAffinity,
        List<PodAffinityTerm> podAffinity,
        List<PodAffinityTerm> podAntiAffinity) {

    /** No tolerations and no requirements. */
    public static final Constraints NONE = new Constraints(List.of(), Map.of(), List.of(), List.of(), List.of());

    public Constraints {
        tolerations = List.copyOf(tolerations);
        nodeSelector = Map.copyOf(nodeSelector);
        nodeAffinity = List.copyOf(nodeAffinity);
        podAffinity = List.copyOf(podAffinity);
        podAntiAffinity = List.copyOf(podAntiAffinity);
    }
}
