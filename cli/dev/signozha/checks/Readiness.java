package dev.signozha.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.inventory.Inventory;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether the objects a deploy phase waits for are ready, how far along they are ("2/3 ready"), and whether
 * they are stuck for a reason the cluster already states, with the finding code that explains it, so a wait
 * can stop at once instead of running into its timeout. Pure: the caller passes the current objects.
 */
public final class Readiness {

    private Readiness() {}

    /** Where a phase stands. */
    public record Status(boolean ready, String progress, Optional<Stuck> stuck) {}

    /** A reason to stop waiting: the finding code, the object, and what the cluster says. */
    public record Stuck(CheckSpec code, String object, String reason) {}

    public static Status statefulSet(StatefulSet set, List<Pod> pods, List<Event> events) {
        int wanted = Optional.ofNullable(set.getSpec().getReplicas()).orElse(1);
        int ready = set.getStatus() == null
                ? 0
                : Optional.ofNullable(set.getStatus().getReadyReplicas()).orElse(0);
        int updated = set.getStatus() == null
                ? 0
                : Optional.ofNullable(set.getStatus().getUpdatedReplicas()).orElse(0);
        boolean current = set.getStatus() != null
                && set.getStatus().getObservedGeneration() != null
                && set.getMetadata().getGeneration() != null
                && set.getStatus().getObservedGeneration() >= set.getMetadata().getGeneration();
        return new Status(
                current && ready == wanted && updated == wanted, ready + "/" + wanted + " ready", stuck(pods, events));
    }

    public static Status deployment(Deployment deployment, List<Pod> pods, List<Event> events) {
        int wanted = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        int available = deployment.getStatus() == null
                ? 0
                : Optional.ofNullable(deployment.getStatus().getAvailableReplicas())
                        .orElse(0);
        int updated = deployment.getStatus() == null
                ? 0
                : Optional.ofNullable(deployment.getStatus().getUpdatedReplicas())
                        .orElse(0);
        return new Status(
                available == wanted && updated == wanted, available + "/" + wanted + " available", stuck(pods, events));
    }

    /** A ClickHouseInstallation: Completed with every host completed (Completed alone is not enough). */
    public static Status installation(GenericKubernetesResource installation, List<Pod> pods, List<Event> events) {
        JsonNode status = Installations.status(installation);
        int hosts = status.path("hosts").asInt(0);
        int completed = status.path("hostsCompleted").asInt(0);
        boolean ready = "Completed".equals(status.path("status").asText()) && hosts > 0 && completed >= hosts;
        return new Status(ready, completed + "/" + hosts + " hosts ready", stuck(pods, events));
    }

    /** A Job (the schema migration): done when Complete, stuck at once when Failed. */
    public static Status job(Job job, List<Pod> pods, List<Event> events) {
        boolean complete = hasCondition(job, "Complete");
        if (hasCondition(job, "Failed")) {
            return new Status(
                    false,
                    "failed",
                    Optional.of(new Stuck(
                            CheckCatalog.SCHEMA_MIGRATION_TOPOLOGY,
                            Inventory.id(job),
                            "the Job failed; its pods' logs say why")));
        }
        return new Status(
                complete, complete ? "complete" : "running", complete ? Optional.empty() : stuck(pods, events));
    }

    /**
     * The newest schema migration Job among {@code jobs} judged as {@link #job}, with its pods; empty when there is
     * no migration Job (yet).
     */
    public static Optional<Status> migration(List<Job> jobs, List<Pod> pods, List<Event> events) {
        return jobs.stream()
                .filter(MigrationChecks::isMigration)
                .max(Comparator.comparing(
                        (Job job) -> String.valueOf(job.getMetadata().getCreationTimestamp())))
                .map(job -> job(
                        job,
                        pods.stream()
                                .filter(pod -> pod.getMetadata()
                                        .getName()
                                        .startsWith(job.getMetadata().getName() + "-"))
                                .toList(),
                        events));
    }

    /** Whether the Job has condition {@code type} (Complete, Failed) set to True. */
    static boolean hasCondition(Job job, String type) {
        return job.getStatus() != null
                && Optional.ofNullable(job.getStatus().getConditions()).orElse(List.of()).stream()
                        .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** The first pod stuck for a stated reason: unschedulable, an image that cannot be pulled, a crash loop. */
    static Optional<Stuck> stuck(List<Pod> pods, List<Event> events) {
        for (Pod pod : pods) {
            Optional<Stuck> stuck = unschedulable(pod, events).or(() -> waiting(pod));
            if (stuck.isPresent()) {
                return stuck;
            }
        }
        return Optional.empty();
    }

    private static Optional<Stuck> unschedulable(Pod pod, List<Event> events) {
        if (pod.getSpec() == null || pod.getSpec().getNodeName() != null) {
            return Optional.empty();
        }
        return SchedulingChecks.schedulingMessage(events, pod)
                .map(message -> new Stuck(
                        PendingPods.code(dev.signozha.core.schedule.SchedulingReason.parse(message)),
                        Inventory.id(pod),
                        message));
    }

    private static Optional<Stuck> waiting(Pod pod) {
        for (ContainerStatus status : ClusterView.containerStatuses(pod)) {
            String reason = status.getState() == null || status.getState().getWaiting() == null
                    ? null
                    : status.getState().getWaiting().getReason();
            if (ResourceChecks.isImagePullFailure(reason)) {
                return Optional.of(new Stuck(
                        CheckCatalog.IMAGE_PULL_FAILED,
                        Inventory.id(pod),
                        "container " + status.getName() + ": " + reason + " for " + status.getImage()));
            }
            if ("CrashLoopBackOff".equals(reason)) {
                return Optional.of(new Stuck(
                        CheckCatalog.POD_EVICTIONS,
                        Inventory.id(pod),
                        "container " + status.getName() + " is crash-looping (" + status.getRestartCount()
                                + " restarts)"));
            }
        }
        return Optional.empty();
    }
}
