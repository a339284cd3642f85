package dev.signozha.core.schedule;

import java.util.Map;

/**
 * A required pod (anti-)affinity term: pods the selector matches, in the namespace of the pod that
 * declares the term, counted per domain of {@code topologyKey} (the value of that node label).
 */
public record PodAffinityTerm(String topologyKey, LabelSelector selector) {

    /** A term selecting pods that carry every one of {@code labels}. */
    public static PodAffinityTerm matchLabels(String topologyKey, Map<String, String> labels) {
        return new PodAffinityTerm(topologyKey, LabelSelector.matchLabels(labels));
    }
}
