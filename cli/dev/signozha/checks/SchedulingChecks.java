package dev.signozha.checks;

import dev.signozha.core.schedule.Placement;
import dev.signozha.core.schedule.Scheduler;
import dev.signozha.core.schedule.SimPod;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where pods run: none kept Pending (for any scheduler reason), none placed so one loss takes a shard or the quorum. */
final class SchedulingChecks {

    private SchedulingChecks() {}

    static List<Check> all() {
        return List.of(
                Check.of(
                        CheckCatalog.ANTI_AFFINITY_UNSCHEDULABLE,
                        context ->
                                PendingPods.judge(context, CheckCatalog.ANTI_AFFINITY_UNSCHEDULABLE, "anti-affinity")),
                Check.of(
                        CheckCatalog.INSUFFICIENT_CAPACITY,
                        context -> PendingPods.judge(context, CheckCatalog.INSUFFICIENT_CAPACITY, "capacity")),
                Check.of(
                        CheckCatalog.POD_UNSCHEDULABLE,
                        context -> PendingPods.judge(
                                context,
                                CheckCatalog.POD_UNSCHEDULABLE,
                                "taints, node selectors, volume zones or cordons")),
                Check.of(CheckCatalog.SINGLE_POINT_OF_FAILURE, Resilience::check));
    }

    /**
     * Pending pods and why, prefixed with where the reason came from: the scheduler's own message when it left
     * one, else what simulating the pod on the observed nodes (with the pods already bound there) says.
     */
    static Map<Pod, String> explained(ClusterView view) {
        Map<Pod, Optional<String>> said = new LinkedHashMap<>();
        unscheduled(view).forEach(pod -> said.put(pod, schedulingMessage(view, pod)));
        Map<String, String> simulated = simulate(view, said);
        Map<Pod, String> explained = new LinkedHashMap<>();
        said.forEach((pod, scheduler) -> {
            String message = scheduler.orElse(simulated.get(pod.getMetadata().getName()));
            if (message != null) {
                explained.put(
                        pod,
                        (scheduler.isPresent() ? "Pending: " : "Pending; simulated on the observed nodes: ") + message);
            }
        });
        return explained;
    }

    /** Reasons the simulation gives for the pods the scheduler left unexplained, by pod name. */
    private static Map<String, String> simulate(ClusterView view, Map<Pod, Optional<String>> said) {
        List<SimPod> unexplained = said.entrySet().stream()
                .filter(entry -> entry.getValue().isEmpty())
                .map(entry -> SimulationModel.pod(entry.getKey()))
                .toList();
        if (unexplained.isEmpty() || view.inventory().nodes().isEmpty()) {
            return Map.of();
        }
        Placement placement = Scheduler.place(
                view.inventory().nodes().stream().map(SimulationModel::node).toList(),
                SimulationModel.bound(view.inventory().pods()),
                unexplained);
        Map<String, String> reasons = new HashMap<>();
        placement.unplaced().forEach(u -> reasons.put(u.pod().name(), u.reason()));
        return reasons;
    }

    static List<Pod> unscheduled(ClusterView view) {
        return view.local(view.inventory().pods()).stream()
                .filter(pod -> pod.getSpec() != null && pod.getSpec().getNodeName() == null)
                .filter(pod -> pod.getStatus() == null
                        || "Pending".equals(pod.getStatus().getPhase()))
                .toList();
    }

    /** The scheduler's latest word on the pod: its PodScheduled condition, else its newest FailedScheduling event. */
    static Optional<String> schedulingMessage(ClusterView view, Pod pod) {
        return schedulingMessage(view.local(view.inventory().events()), pod);
    }

    /** The same, from a list of events of the pod's namespace. */
    static Optional<String> schedulingMessage(List<Event> events, Pod pod) {
        Optional<String> condition =
                Optional.ofNullable(pod.getStatus()).map(s -> s.getConditions()).orElse(List.of()).stream()
                        .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
                        .map(PodCondition::getMessage)
                        .filter(m -> m != null && !m.isBlank())
                        .findFirst();
        if (condition.isPresent()) {
            return condition;
        }
        return events.stream()
                .filter(e -> "FailedScheduling".equals(e.getReason())
                        && e.getInvolvedObject() != null
                        && "Pod".equals(e.getInvolvedObject().getKind())
                        && pod.getMetadata()
                                .getName()
                                .equals(e.getInvolvedObject().getName()))
                .max(Comparator.comparing(SchedulingChecks::eventTime))
                .map(Event::getMessage);
    }

    private static String eventTime(Event event) {
        return Optional.ofNullable(event.getLastTimestamp())
                .orElse(Optional.ofNullable(event.getFirstTimestamp()).orElse(""));
    }
}
