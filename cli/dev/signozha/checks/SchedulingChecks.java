package dev.signozha.checks;

import dev.signozha.core.inventory.Inventory;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Pods kept Pending: by required anti-affinity, or by too little CPU, memory or pod room. */
final class SchedulingChecks {

    private SchedulingChecks() {
    }

    static List<Check> all() {
        return List.of(
                Check.of(CheckCatalog.ANTI_AFFINITY_UNSCHEDULABLE,
                        context -> pending(context, reason -> reason.contains("affinity"), "anti-affinity")),
                Check.of(CheckCatalog.INSUFFICIENT_CAPACITY,
                        context -> pending(context, reason -> reason.contains("Insufficient") || reason.contains("Too many pods"),
                                "capacity")));
    }

    private static Outcome pending(CheckContext context, Predicate<String> cause, String what) {
        List<Finding> findings = new ArrayList<>();
        for (Pod pod : unscheduled(context.view())) {
            schedulingMessage(context.view(), pod).filter(cause)
                    .ifPresent(message -> findings.add(Finding.of("Pending: " + message, Inventory.id(pod))));
        }
        return Outcome.of(findings, "no pod Pending for " + what);
    }

    static List<Pod> unscheduled(ClusterView view) {
        return view.local(view.inventory().pods()).stream()
                .filter(pod -> pod.getSpec() != null && pod.getSpec().getNodeName() == null)
                .filter(pod -> pod.getStatus() == null || "Pending".equals(pod.getStatus().getPhase()))
                .toList();
    }

    /** The scheduler's latest word on the pod: its PodScheduled condition, else its newest FailedScheduling event. */
    static Optional<String> schedulingMessage(ClusterView view, Pod pod) {
        Optional<String> condition = Optional.ofNullable(pod.getStatus()).map(s -> s.getConditions()).orElse(List.of())
                .stream().filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
                .map(PodCondition::getMessage).filter(m -> m != null && !m.isBlank()).findFirst();
        if (condition.isPresent()) {
            return condition;
        }
        return view.local(view.inventory().events()).stream()
                .filter(e -> "FailedScheduling".equals(e.getReason()) && e.getInvolvedObject() != null
                        && "Pod".equals(e.getInvolvedObject().getKind())
                        && pod.getMetadata().getName().equals(e.getInvolvedObject().getName()))
                .max(Comparator.comparing(SchedulingChecks::eventTime))
                .map(Event::getMessage);
    }

    private static String eventTime(Event event) {
        return Optional.ofNullable(event.getLastTimestamp()).orElse(Optional.ofNullable(event.getFirstTimestamp()).orElse(""));
    }
}
