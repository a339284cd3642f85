package dev.signozha.core.schedule;

import java.util.List;

/** Pods of one namespace matched by every one of some label selectors: whom affinity terms count. */
record Selection(String namespace, List<LabelSelector> selectors) {

    static Selection of(String namespace, List<PodAffinityTerm> terms) {
        return new Selection(
                namespace, terms.stream().map(PodAffinityTerm::selector).toList());
    }

    boolean matches(SimPod pod) {
        if (!namespace.equals(pod.namespace())) {
            return false;
        }
        for (LabelSelector selector : selectors) {
            if (!selector.matches(pod.labels())) {
                return false;
            }
        }
        return true;
    }
}
