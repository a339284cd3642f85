package dev.signozha.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.Intended;
import dev.signozha.cluster.helm.ChartReference;
import dev.signozha.cluster.helm.HelmDryRun;
import dev.signozha.cluster.helm.HelmException;
import dev.signozha.cluster.helm.UpgradeRequest;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.backup.BackupGate;
import dev.signozha.core.plan.Disruption;
import dev.signozha.core.plan.LivePlan;
import dev.signozha.core.render.ImageReference;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.topology.Topology.Spec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one factory of a run's phases, built from its plan: {@link #phases()}. External mode: namespace,
 * clickhouse-operator (when missing), ZooKeeper, ClickHouseInstallation, ClickHouse at its version on every host,
 * the schema migration as the tool's own Job, SigNoz chart, collectors, verification. Bundled mode: the chart brings
 * ClickHouse and ZooKeeper, so it is installed right after the namespace and the rest is waited for. Existing mode:
 * ClickHouse and ZooKeeper belong to someone else, so only the chart is applied. Each phase applies its own part
 * (server-side apply as signoz-ha, or helm);
 * {@link PhaseRunner} then waits for its judge.
 */
final class DeployPhases {

    /** The clickhouse-operator chart installed in external mode when no operator watches the namespace. */
    static final String OPERATOR_REPOSITORY = "https://docs.altinity.com/clickhouse-operator/";

    static final String OPERATOR_CHART = "altinity-clickhouse-operator";
    static final String OPERATOR_VERSION = "0.25.6";

    private final PlanAction.Planned planned;
    private final DeployAction.Request request;
    private final DeployAction.Cluster cluster;
    private final Writes writes;
    private final Progress progress;
    private final Spec spec;
    private final PhaseJudges judges;
    private final VerificationJudge verification;
    private final BackupGate.Decision backup;
    private final BackupRun backupRun;
    private final LeaseLock.Timing timing;

    DeployPhases(
            PlanAction.Planned planned,
            DeployAction.Request request,
            DeployAction.Cluster cluster,
            DeployAction.Console console,
            LeaseLock.Timing timing) {
        this.timing = timing;
        this.planned = planned;
        this.request = request;
        this.cluster = cluster;
        this.progress = console.progress();
        this.writes = new Writes(cluster.kube(), progress);
        this.spec = planned.spec();
        this.judges = new PhaseJudges(spec);
        this.verification = new VerificationJudge(
                new DoctorAction.Request(
                        cluster.kube().gateway()::inventory, spec.namespace(), planned.loaded(), cluster.clickhouse()),
                request.safety().withoutClickHouse(),
                console.report());
        this.backup = Gates.backup(request, planned);
        this.backupRun = new BackupRun(
                cluster.data().apply(planned.loaded()), cluster.kube().gateway(), spec, timing.clock());
    }

    /** The phases of this run, in order: a deploy's and an upgrade's, external or bundled. */
    List<Phase> phases() {
        List<Phase> phases = new ArrayList<>();
        if (backup == BackupGate.Decision.TAKE) {
            phases.add(backup());
        }
        phases.add(namespace());
        phases.addAll(
                switch (spec.clickhouse().mode()) {
                    // ClickHouse first, then the tool's own migration against the converged cluster, then SigNoz.
                    case EXTERNAL ->
                        List.of(operator(), zookeeper(), clickhouse(), clickhouseVersion(), migration(), signoz());
                    // The chart owns ClickHouse and its migration hook; Gates refuses an upgrade that changes it.
                    case BUNDLED -> List.of(signoz(), zookeeper(), clickhouse(), awaited(DeployPhase.MIGRATION));
                    // Another release's ClickHouse: nothing of it is applied; the chart's hook migrates.
                    case EXISTING -> List.of(signoz(), awaited(DeployPhase.MIGRATION));
                });
        phases.addAll(List.of(awaited(DeployPhase.COLLECTORS), verification()));
        return List.copyOf(phases);
    }

    /** Why verification passed without looking inside ClickHouse (--no-clickhouse); empty when it looked. */
    Optional<String> verifiedWithoutClickHouse() {
        return verification.verifiedWithoutClickHouse();
    }

    /**
     * What the run did about a backup, for the output and the state record: the backup it takes, or that it goes
     * without one (--no-backup) on a path that needs one, and why.
     */
    Optional<String> backupNote() {
        return switch (backup) {
            case TAKE -> Optional.of(backupRun.describe());
            case SKIPPED ->
                Optional.of("no backup (--no-backup) although " + String.join("; ", Gates.backupReasons(planned)));
            case NOT_NEEDED -> Optional.empty();
        };
    }

    /** Whether {@code phase} is the backup, which runs before anything is written. */
    static boolean beforeAnyWrite(String phase) {
        return phase.equals(DeployPhase.BACKUP.label());
    }

    /** The backup a risky upgrade takes first (BACKUP ... ON CLUSTER ... ASYNC), waited for on every host. */
    private Phase backup() {
        return phase(
                DeployPhase.BACKUP,
                () -> {
                    backupRun.start();
                    return Phase.Applied.AWAIT_READINESS;
                },
                observed -> backupRun.judge(),
                Disruption.NONE);
    }

    private Phase namespace() {
        return phase(
                DeployPhase.NAMESPACE,
                () -> Phase.Applied.finished(cluster.kube().ensureNamespace(spec.namespace()) ? "created" : "exists"),
                Phase.NOT_AWAITED,
                Disruption.NONE);
    }

    private Phase operator() {
        DeployPhase name = DeployPhase.OPERATOR;
        return phase(
                name,
                () -> {
                    if (!operatorMissing()) {
                        return Phase.Applied.finished("already installed");
                    }
                    helm(
                            () -> cluster.helm()
                                    .upgradeInstall(new UpgradeRequest(
                                            PhaseJudges.OPERATOR_RELEASE,
                                            spec.namespace(),
                                            ChartReference.remote(
                                                    OPERATOR_CHART, OPERATOR_REPOSITORY, OPERATOR_VERSION),
                                            List.of(),
                                            request.timeout(name),
                                            HelmDryRun.NONE)),
                            name);
                    return Phase.Applied.AWAIT_READINESS;
                },
                judges.judge(name),
                Disruption.NONE);
    }

    private Phase zookeeper() {
        return applied(DeployPhase.ZOOKEEPER, manifest -> !isInstallation(manifest));
    }

    private Phase clickhouse() {
        return applied(DeployPhase.CLICKHOUSE, DeployPhases::isInstallation);
    }

    /** A phase that applies the rendered objects {@code part} selects and waits for them. */
    private Phase applied(DeployPhase name, Predicate<Manifest> part) {
        List<Manifest> manifests =
                planned.rendered().manifests().stream().filter(part).toList();
        List<String> ids = manifests.stream().map(Manifest::id).toList();
        return phase(
                name,
                () -> {
                    writes.apply(manifests, name);
                    return Phase.Applied.AWAIT_READINESS;
                },
                judges.judge(name),
                Disruption.max(planned.plan().objects().stream()
                        .filter(step -> ids.contains(step.id()))
                        .map(LivePlan.ObjectStep::disruption)
                        .toList()));
    }

    /**
     * Every host at the topology's ClickHouse version with replication caught up. Without a look inside ClickHouse
     * (--no-clickhouse and none to be had) there is nothing to judge: the phase says so and ends.
     */
    private Phase clickhouseVersion() {
        DeployPhase name = DeployPhase.CLICKHOUSE_VERSION;
        ClickHouseVersionJudge judge = new ClickHouseVersionJudge(
                cluster.clickhouse(),
                cluster.kube().gateway(),
                Intended.of(planned.loaded(), "topology"),
                ImageReference.parse(spec.clickhouse().image()).tag());
        return phase(
                name,
                () -> request.safety().withoutClickHouse()
                        ? judge.unseen()
                                .map(why -> Phase.Applied.finished("not checked: " + why + " (--no-clickhouse)"))
                                .orElse(Phase.Applied.AWAIT_READINESS)
                        : Phase.Applied.AWAIT_READINESS,
                judge,
                Disruption.NONE);
    }

    /** The schema migration as the tool's own Job ({@link MigrationPhase}). */
    private Phase migration() {
        MigrationPhase migration = new MigrationPhase(planned, cluster, timing);
        return phase(DeployPhase.MIGRATION, migration::start, migration::judge, Disruption.NONE);
    }

    private Phase signoz() {
        DeployPhase name = DeployPhase.SIGNOZ;
        boolean external = spec.clickhouse().mode().outsideChart();
        return phase(
                name,
                () -> {
                    if (releaseUnchanged()) {
                        progress.note("Helm release " + spec.release() + " unchanged: chart and values as last "
                                + "deployed, so helm upgrade does not run (no new revision, no hooks)");
                    } else {
                        installChart(planned.rendered(), HelmDryRun.NONE, request.timeout(name), name);
                    }
                    return external
                            ? Phase.Applied.AWAIT_READINESS
                            : Phase.Applied.finished(
                                    "chart " + planned.rendered().chartVersion()
                                            + (releaseUnchanged() ? " unchanged" : " released"));
                },
                external ? judges.judge(name) : Phase.NOT_AWAITED,
                planned.plan().values().disruption());
    }

    /** A phase with nothing to apply: what an earlier phase started is waited for. */
    private Phase awaited(DeployPhase name) {
        return phase(name, () -> Phase.Applied.AWAIT_READINESS, judges.judge(name), Disruption.NONE);
    }

    /**
     * Deletes what the plan deletes (the tool's objects it no longer renders) once everything that replaces them
     * is ready, so nothing points at a deleted object meanwhile; the doctor's checks then judge the result.
     */
    private Phase verification() {
        DeployPhase name = DeployPhase.VERIFICATION;
        List<LivePlan.ObjectStep> deletions = planned.plan().objects().stream()
                .filter(step -> step.action() == LivePlan.Action.DELETE)
                .toList();
        return phase(
                name,
                () -> {
                    for (LivePlan.ObjectStep step : deletions) {
                        writes.delete(step.id(), "no longer rendered", name);
                    }
                    return Phase.Applied.AWAIT_READINESS;
                },
                verification,
                Disruption.max(
                        deletions.stream().map(LivePlan.ObjectStep::disruption).toList()));
    }

    private Phase phase(DeployPhase name, Phase.Step step, Phase.Judge judge, Disruption disrupts) {
        return new Phase(name, step, judge, request.timeout(name), disrupts);
    }

    /** Every object and the chart, validated by the API server and helm, nothing kept. */
    void serverDryRun() {
        try {
            boolean crd = cluster.kube().hasClickHouseCrd();
            for (Manifest manifest : planned.rendered().manifests()) {
                if (!crd && isInstallation(manifest)) {
                    progress.note("skipping " + manifest.id() + ": its CRD comes with clickhouse-operator");
                    continue;
                }
                cluster.kube().apply(manifest.body(), true);
            }
            installChart(
                    planned.rendered(), HelmDryRun.SERVER, request.timeout(DeployPhase.SIGNOZ), DeployPhase.SIGNOZ);
        } catch (PhaseFailure failure) {
            throw new SignozHaException(ExitCode.REFUSED, failure.getMessage() + "; nothing was kept");
        }
    }

    private void installChart(RenderedRelease rendered, HelmDryRun dryRun, Duration timeout, DeployPhase phase)
            throws PhaseFailure {
        JsonNode values = planned.live().suppliedValues(rendered, spec);
        try (ValuesFiles files = new ValuesFiles()) {
            UpgradeRequest upgrade = new UpgradeRequest(
                    spec.release(),
                    spec.namespace(),
                    ChartReference.remote(
                            spec.chart().name(),
                            spec.chart().repository(),
                            rendered.chartVersion().toString()),
                    List.of(files.write("values.yaml", values)),
                    timeout,
                    dryRun);
            helm(() -> cluster.helm().upgradeInstall(upgrade), phase);
        }
    }

    private static void helm(Runnable call, DeployPhase phase) throws PhaseFailure {
        try {
            call.run();
        } catch (HelmException e) {
            throw new PhaseFailure(phase.label() + ": helm failed: " + e.getMessage(), Optional.empty());
        }
    }

    private static boolean isInstallation(Manifest manifest) {
        return manifest.kind().equals("ClickHouseInstallation");
    }

    /**
     * The release's latest revision is deployed with the chart version and values this run would give it: an
     * upgrade would only make a new revision and run the chart's hooks (the schema migration Job) again.
     */
    private boolean releaseUnchanged() {
        return planned.plan().values().action() == LivePlan.Action.UNCHANGED;
    }

    private boolean operatorMissing() {
        return !cluster.kube().hasClickHouseCrd()
                || planned.preflight().results().stream()
                        .anyMatch(result -> result.spec() == CheckCatalog.OPERATOR_MISSING && result.isError());
    }
}
