package dev.signozha.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.Readiness;
import dev.signozha.cluster.helm.ChartReference;
import dev.signozha.cluster.helm.HelmException;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.cluster.kube.NamespaceWatch;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.migration.MigrationJob;
import dev.signozha.core.migration.MigratorFailure;
import dev.signozha.core.migration.MigratorForm;
import dev.signozha.core.render.RenderVariables;
import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.topology.Topology.Spec;
import dev.signozha.core.versions.ChartKnowledge;
import dev.signozha.core.yaml.SourcedTree;
import dev.signozha.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The migration phase in external mode: the schema migration run by signoz-ha as its own Job, after ClickHouse has
 * converged and before SigNoz, with the chart's hook turned off through values. The step replaces the previous run's
 * Job with one shaped like the chart's (image from the chart's own rendering); the judge waits for it and, when it
 * fails, reads the failed container's log tail (and on a DDL timeout the ClickHouse servers' DDL lines) to name the
 * cause: MIGRATION_DDL_FAILED for the distributed-DDL failures, SCHEMA_MIGRATION_TOPOLOGY for any other.
 */
final class MigrationPhase {

    /** The migrator's own retry budget, as the chart sets it (telemetryStoreMigrator.timeout). */
    static final Duration MIGRATOR_TIMEOUT = Duration.ofMinutes(10);

    static final int MIGRATOR_LOG_LINES = 40;
    static final int SERVER_LOG_LINES = 300;
    private static final Duration GONE_WAIT = Duration.ofSeconds(30);

    private final PlanAction.Planned planned;
    private final DeployAction.Cluster cluster;
    private final DeletionFollowUp deletions;
    private final Spec spec;
    private final String jobId;
    /**
     * The UID of the Job this run applied: the watch may still hold the previous run's completed Job of the same
     * name for a moment after it was deleted, and that one's result is not this run's migration.
     */
    private volatile Optional<String> appliedUid = Optional.empty();

    MigrationPhase(PlanAction.Planned planned, DeployAction.Cluster cluster, LeaseLock.Timing timing) {
        this.planned = planned;
        this.cluster = cluster;
        this.deletions = new DeletionFollowUp(cluster.kube(), timing);
        this.spec = planned.spec();
        this.jobId = "Job/" + spec.namespace() + "/" + MigrationJob.NAME;
    }

    /** Replaces the previous run's Job (a Job's pod template cannot change) with this run's. */
    Phase.Applied start() throws PhaseFailure, InterruptedException {
        ChartVersion chart = planned.rendered().chartVersion();
        MigratorForm form = MigratorForm.of(chart, ChartKnowledge.bundled());
        String image = chartImage(chart, form);
        try {
            if (cluster.kube().delete(jobId)
                    && !deletions.awaitGone(List.of(jobId), GONE_WAIT).isEmpty()) {
                throw failure("the previous run's " + jobId + " is still being deleted");
            }
            cluster.kube().apply(MigrationJob.render(request(chart, form, image)), false);
            appliedUid = cluster.kube().read(jobId).map(job -> job.getMetadata().getUid());
        } catch (SignozHaException e) {
            throw failure(e.getMessage());
        }
        return Phase.Applied.AWAIT_READINESS;
    }

    private MigrationJob.Request request(ChartVersion chart, MigratorForm form, String image) {
        return new MigrationJob.Request(
                spec.namespace(),
                spec.release(),
                chart.toString(),
                form,
                image,
                spec.clickhouse().host(),
                RenderVariables.CLICKHOUSE_TCP_PORT,
                spec.clickhouse().cluster(),
                spec.clickhouse().replicas() > 1,
                spec.clickhouse().user(),
                spec.clickhouse().passwordSecret().name(),
                spec.clickhouse().passwordSecret().key(),
                MIGRATOR_TIMEOUT);
    }

    /** The image the chart itself would run the migration with: helm renders the chart with its Job turned on. */
    private String chartImage(ChartVersion chart, MigratorForm form) throws PhaseFailure {
        ObjectNode values =
                planned.live().suppliedValues(planned.rendered(), spec).deepCopy();
        values.withObject(form.valuesKey()).put("enabled", true);
        String rendered;
        try (ValuesFiles files = new ValuesFiles()) {
            rendered = cluster.helm()
                    .template(
                            spec.namespace(),
                            spec.release(),
                            ChartReference.remote(
                                    spec.chart().name(), spec.chart().repository(), chart.toString()),
                            List.of(files.write("values.yaml", values)));
        } catch (HelmException e) {
            throw failure("helm could not render the chart's migration Job: " + e.getMessage());
        }
        List<JsonNode> documents = YamlReader.readAll("helm template", rendered).stream()
                .map(SourcedTree::root)
                .filter(Objects::nonNull)
                .toList();
        return MigrationJob.chartImage(documents)
                .orElseThrow(() ->
                        failure("chart " + chart + " renders no " + form.valuesKey() + " Job to take the image from"));
    }

    /** Ready when the Job completed; stuck at once, with the cause read from the logs, when it failed. */
    Readiness.Status judge(NamespaceWatch.Observed observed) {
        Optional<Job> job = observed.jobs().stream()
                .filter(candidate -> candidate.getMetadata().getName().equals(MigrationJob.NAME))
                .filter(candidate -> appliedUid
                        .map(uid -> uid.equals(candidate.getMetadata().getUid()))
                        .orElse(true))
                .findFirst();
        if (job.isEmpty()) {
            return new Readiness.Status(false, "waiting for " + jobId, Optional.empty());
        }
        List<Pod> pods = observed.pods().stream()
                .filter(pod -> pod.getMetadata().getName().startsWith(MigrationJob.NAME + "-"))
                .toList();
        if (!hasCondition(job.get(), "Failed")) {
            return Readiness.job(job.get(), pods, observed.events());
        }
        MigratorFailure failure = cause(pods, observed.pods());
        return new Readiness.Status(
                false,
                "failed",
                Optional.of(new Readiness.Stuck(
                        failure.cause().distributedDdl()
                                ? CheckCatalog.MIGRATION_DDL_FAILED
                                : CheckCatalog.SCHEMA_MIGRATION_TOPOLOGY,
                        jobId,
                        failure.describe())));
    }

    private MigratorFailure cause(List<Pod> jobPods, List<Pod> all) {
        List<String> migratorLog = jobPods.stream()
                .flatMap(pod -> failedContainer(pod).stream()
                        .flatMap(container -> log(pod, container, MIGRATOR_LOG_LINES).stream()))
                .toList();
        MigratorFailure failure = MigratorFailure.classify(migratorLog, List.of());
        if (failure.cause() != MigratorFailure.Cause.DDL_TIMEOUT) {
            return failure;
        }
        List<String> serverLog = all.stream()
                .filter(pod -> "chop"
                        .equals(
                                pod.getMetadata().getLabels() == null
                                        ? null
                                        : pod.getMetadata().getLabels().get("clickhouse.altinity.com/app")))
                .flatMap(pod -> log(pod, "clickhouse", SERVER_LOG_LINES).stream())
                .toList();
        return MigratorFailure.classify(migratorLog, serverLog);
    }

    /** The container whose run failed: the first init or main container that terminated with a non-zero code. */
    private static Optional<String> failedContainer(Pod pod) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        return Stream.concat(
                        Optional.ofNullable(pod.getStatus().getInitContainerStatuses()).orElse(List.of()).stream(),
                        Optional.ofNullable(pod.getStatus().getContainerStatuses()).orElse(List.of()).stream())
                .filter(MigrationPhase::failed)
                .map(ContainerStatus::getName)
                .findFirst();
    }

    private static boolean failed(ContainerStatus status) {
        return status.getState() != null
                && status.getState().getTerminated() != null
                && !Integer.valueOf(0).equals(status.getState().getTerminated().getExitCode());
    }

    private List<String> log(Pod pod, String container, int lines) {
        try {
            return cluster.kube()
                    .gateway()
                    .logTail(spec.namespace(), pod.getMetadata().getName(), container, lines);
        } catch (SignozHaException e) {
            return List.of("(the log of " + pod.getMetadata().getName() + " " + container + " could not be read: "
                    + e.getMessage() + ")");
        }
    }

    private static boolean hasCondition(Job job, String type) {
        return job.getStatus() != null
                && Optional.ofNullable(job.getStatus().getConditions()).orElse(List.of()).stream()
                        .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static PhaseFailure failure(String message) {
        return new PhaseFailure(DeployPhase.MIGRATION.label() + ": " + message, Optional.empty());
    }
}
