package dev.signozha.core.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The extra pods a rolling update runs next to the old ones. A surge pod is a new pod from the same
 * template, so it carries the same labels, requests and constraints, and its anti-affinity meets the
 * pods it is about to replace: placing them with the old pods as existing shows whether a rollout can
 * start at all.
 */
public final class RollingUpdate {

    private RollingUpdate() {}

    /**
     * {@code maxSurge} unbound copies of the workload's pods, taken in turn, each named
     * {@code <pod>-surge-<n>}.
     */
    public static List<SimPod> surge(List<SimPod> workload, int maxSurge) {
        if (maxSurge < 0) {
            throw new IllegalArgumentException("maxSurge must not be negative: " + maxSurge);
        }
        List<SimPod> surge = new ArrayList<>();
        for (int n = 0; n < maxSurge && !workload.isEmpty(); n++) {
            SimPod template = workload.get(n % workload.size());
            surge.add(new SimPod(
                    template.name() + "-surge-" + n,
                    template.namespace(),
                    template.component(),
                    template.labels(),
                    template.requests(),
                    null,
                    template.constraints()));
        }
        return List.copyOf(surge);
    }
}
