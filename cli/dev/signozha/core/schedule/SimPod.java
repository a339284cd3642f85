package dev.signozha.core.schedule;

import java.util.List;
import java.util.Map;

/** A pod to place: its component, labels, requests and required pod anti-affinity terms. */
public record SimPod(String name, String component, Map<String, String> labels, long cpuMillis, long memoryBytes,
                     List<AntiAffinityTerm> antiAffinity) {

    /** Required anti-affinity: no pod matching {@code matchLabels} in the same {@code topologyKey} domain. */
    public record AntiAffinityTerm(String topologyKey, Map<String, String> matchLabels) {

        boolean matches(SimPod other) {
            return other.labels().entrySet().containsAll(matchLabels.entrySet());
        }
    }
}
