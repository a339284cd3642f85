package dev.signozha.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckReport;
import dev.signozha.checks.CheckResult;
import dev.signozha.checks.Readiness;
import dev.signozha.cluster.helm.ChartReference;
import dev.signozha.cluster.helm.HelmDryRun;
import dev.signozha.cluster.helm.HelmException;
import dev.signozha.cluster.helm.UpgradeRequest;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.cluster.kube.NamespaceWatch;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.plan.LivePlan;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.text.GoDuration;
import dev.signozha.core.topology.ClickHouseMode;
import dev.signozha.core.topology.Topology.Spec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a planned release phase by phase. Each phase applies its own part (server-side apply as signoz-ha,
 * or helm) and then waits on watches for its own readiness, with its own timeout; a phase stuck for a reason the
 * cluster states fails at once with the finding. External mode: namespace, clickhouse-operator (when missing),
 * ZooKeeper, ClickHouseInstallation, SigNoz chart, migration, collectors, verification. Bundled mode: the chart
 * brings ClickHouse and ZooKeeper, so it is installed right after the namespace and the rest is waited for.
 */
final class PhaseRunner {

    /** The clickhouse-operator chart installed in external mode when no operator watches the namespace. */
    static final String OPERATOR_REPOSITORY = "https://docs.altinity.com/clickhouse-operator/";

    static final String OPERATOR_CHART = "altinity-clickhouse-operator";
    static final String OPERATOR_VERSION = "0.25.6";

    private final PlanAction.Planned planned;
    private final DeployAction.Request request;
    private final DeployAction.Cluster cluster;
    private final DeployAction.Console console;
    private final Clock clock;
    private final Spec spec;
    private final List<DeployPhase> phases;
    private final PhaseJudges judges;
    /** How the outcome and the state record say a verification passed without ClickHouse's checks. */
    static final String WITHOUT_CLICKHOUSE = "verified without ClickHouse";

    private volatile DeployPhase current;
    private NamespaceWatch watch;
    private Optional<String> verifiedWithoutClickHouse = Optional.empty();

    PhaseRunner(
            PlanAction.Planned planned,
            DeployAction.Request request,
            DeployAction.Cluster cluster,
            DeployAction.Console console,
            Clock clock) {
        this.planned = planned;
        this.request = request;
        this.cluster = cluster;
        this.console = console;
        this.clock = clock;
        this.spec = planned.spec();
        this.phases = phases(spec);
        this.judges = new PhaseJudges(spec);
    }

    static List<DeployPhase> phases(Spec spec) {
        return spec.clickhouse().mode() == ClickHouseMode.EXTERNAL
                ? List.of(DeployPhase.values())
                : List.of(
                        DeployPhase.NAMESPACE,
                        DeployPhase.SIGNOZ,
                        DeployPhase.ZOOKEEPER,
                        DeployPhase.CLICKHOUSE,
                        DeployPhase.MIGRATION,
                        DeployPhase.COLLECTORS,
                        DeployPhase.VERIFICATION);
    }

    /** The phase running now, for a message about an interruption. */
    String current() {
        return current == null ? "preparation" : current.label();
    }

    void run(LeaseLock lock) throws PhaseFailure, InterruptedException {
        try {
            for (int index = 0; index < phases.size(); index++) {
                lock.ensureHeld();
                current = phases.get(index);
                runPhase(index + 1, current);
            }
        } finally {
            closeWatch();
        }
    }

    /**
     * The run's watches, opened once; opened again when the ClickHouseInstallation CRD appeared since (an operator
     * installed by this run), so installations are watched too.
     */
    private NamespaceWatch watch() {
        if (watch != null && !watch.watchesInstallations() && cluster.session().hasClickHouseCrd()) {
            closeWatch();
        }
        if (watch == null) {
            watch = cluster.session().watch(spec.namespace());
        }
        return watch;
    }

    void closeWatch() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    private void runPhase(int step, DeployPhase phase) throws PhaseFailure, InterruptedException {
        Instant start = clock.instant();
        Duration timeout = request.timeout(phase);
        switch (phase) {
            case NAMESPACE ->
                finish(step, phase, cluster.session().ensureNamespace(spec.namespace()) ? "created" : "exists", start);
            case OPERATOR -> {
                if (!operatorMissing()) {
                    finish(step, phase, "already installed", start);
                    return;
                }
                helm(
                        () -> cluster.helm()
                                .upgradeInstall(new UpgradeRequest(
                                        PhaseJudges.OPERATOR_RELEASE,
                                        spec.namespace(),
                                        ChartReference.remote(OPERATOR_CHART, OPERATOR_REPOSITORY, OPERATOR_VERSION),
                                        List.of(),
                                        timeout,
                                        HelmDryRun.NONE)),
                        phase);
                await(step, phase, timeout, start);
            }
            case ZOOKEEPER -> {
                apply(manifests(false), phase);
                await(step, phase, timeout, start);
            }
            case CLICKHOUSE -> {
                apply(manifests(true), phase);
                await(step, phase, timeout, start);
            }
            case SIGNOZ -> {
                if (releaseUnchanged()) {
                    console.progress()
                            .note("Helm release " + spec.release() + " unchanged: chart and values as last "
                                    + "deployed, so helm upgrade does not run (no new revision, no hooks)");
                } else {
                    installChart(planned.rendered(), HelmDryRun.NONE, timeout, phase);
                }
                if (spec.clickhouse().mode() == ClickHouseMode.EXTERNAL) {
                    await(step, phase, timeout, start);
                } else {
                    finish(
                            step,
                            phase,
                            "chart " + planned.rendered().chartVersion()
                                    + (releaseUnchanged() ? " unchanged" : " released"),
                            start);
                }
            }
            case MIGRATION, COLLECTORS -> await(step, phase, timeout, start);
            case VERIFICATION -> {
                prune();
                verify(step, timeout, start);
            }
            default -> throw new IllegalStateException("no such phase " + phase);
        }
    }

    /**
     * Deletes what the plan deletes (the tool's objects it no longer renders) once everything that replaces them is
     * ready, so nothing points at a deleted object meanwhile; verification then judges the result.
     */
    private void prune() throws PhaseFailure {
        for (LivePlan.ObjectStep step : planned.plan().objects()) {
            if (step.action() == LivePlan.Action.DELETE) {
                delete(step.id(), "no longer rendered", DeployPhase.VERIFICATION);
            }
        }
    }

    void delete(String id, String why, DeployPhase phase) throws PhaseFailure {
        try {
            boolean deleted = cluster.session().delete(id);
            console.progress().note((deleted ? "deleted " : "already gone: ") + id + " (" + why + ")");
        } catch (SignozHaException e) {
            throw new PhaseFailure(phase.label() + ": " + e.getMessage(), Optional.empty());
        }
    }

    /** Every object and the chart, validated by the API server and helm, nothing kept. */
    void serverDryRun() {
        try {
            boolean crd = cluster.session().hasClickHouseCrd();
            for (Manifest manifest : planned.rendered().manifests()) {
                if (!crd && manifest.kind().equals("ClickHouseInstallation")) {
                    console.progress().note("skipping " + manifest.id() + ": its CRD comes with clickhouse-operator");
                    continue;
                }
                cluster.session().applier().apply(manifest.body(), true);
            }
            installChart(
                    planned.rendered(), HelmDryRun.SERVER, request.timeout(DeployPhase.SIGNOZ), DeployPhase.SIGNOZ);
        } catch (PhaseFailure failure) {
            throw new SignozHaException(ExitCode.REFUSED, failure.getMessage() + "; nothing was kept");
        }
    }

    /** The ClickHouseInstallation ({@code installation}) or every other manifest (ZooKeeper's). */
    private List<Manifest> manifests(boolean installation) {
        return planned.rendered().manifests().stream()
                .filter(manifest -> manifest.kind().equals("ClickHouseInstallation") == installation)
                .toList();
    }

    void apply(List<Manifest> manifests, DeployPhase phase) throws PhaseFailure {
        for (Manifest manifest : manifests) {
            try {
                cluster.session().applier().apply(manifest.body(), false);
            } catch (SignozHaException e) {
                throw new PhaseFailure(phase.label() + ": " + e.getMessage(), Optional.empty());
            }
        }
    }

    void installChart(RenderedRelease rendered, HelmDryRun dryRun, Duration timeout, DeployPhase phase)
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

    private void helm(Runnable call, DeployPhase phase) throws PhaseFailure {
        try {
            call.run();
        } catch (HelmException e) {
            throw new PhaseFailure(phase.label() + ": helm failed: " + e.getMessage(), Optional.empty());
        }
    }

    /**
     * The release's latest revision is deployed with the chart version and values this run would give it: an
     * upgrade would only make a new revision and run the chart's hooks (the schema migration Job) again.
     */
    private boolean releaseUnchanged() {
        return planned.plan().values().action() == LivePlan.Action.UNCHANGED;
    }

    private boolean operatorMissing() {
        return !cluster.session().hasClickHouseCrd()
                || planned.preflight().results().stream()
                        .anyMatch(result -> result.spec() == CheckCatalog.OPERATOR_MISSING && result.isError());
    }

    /** Waits for {@code phase}, which began at {@code start} (its helm run or apply counts in its time), on the run's watches. */
    void await(int step, DeployPhase phase, Duration timeout, Instant start) throws PhaseFailure, InterruptedException {
        await(step, phases.size(), phase, timeout, start, judges);
    }

    /** Waits for {@code phase} as {@code judges} judge it, those of the topology a rollback returns to. */
    void awaitRollback(int step, int steps, DeployPhase phase, Duration timeout, PhaseJudges judges)
            throws PhaseFailure, InterruptedException {
        await(step, steps, phase, timeout, clock.instant(), judges);
    }

    private void await(int step, int steps, DeployPhase phase, Duration timeout, Instant start, PhaseJudges judges)
            throws PhaseFailure, InterruptedException {
        Duration before = Duration.between(start, clock.instant());
        PhaseWaiter.Outcome outcome = new PhaseWaiter(clock)
                .await(
                        new PhaseWaiter.Phase(phase.label(), judges.judge(phase)),
                        watch(),
                        timeout,
                        (state, waited) -> console.progress().update(step, steps, phase, state, before.plus(waited)));
        Duration took = before.plus(outcome.waited());
        switch (outcome.result()) {
            case READY -> console.progress().finish(step, steps, phase, outcome.progress(), took);
            case STUCK -> {
                Readiness.Stuck stuck = outcome.stuck().orElseThrow();
                console.progress()
                        .finish(step, steps, phase, "stuck: " + stuck.code().code(), took);
                throw new PhaseFailure(
                        "[" + step + "/" + steps + "] " + phase.label() + " is stuck: "
                                + stuck.code().code() + " " + stuck.object() + ": " + stuck.reason(),
                        Optional.of(stuck.code()));
            }
            default -> {
                console.progress().finish(step, steps, phase, "timed out at " + outcome.progress(), took);
                throw new PhaseFailure(
                        "[" + step + "/" + steps + "] " + phase.label() + " was not ready within "
                                + GoDuration.format(timeout) + " (" + outcome.progress()
                                + "); --phase-timeout " + phase.label() + "=DURATION gives it longer",
                        Optional.empty());
            }
        }
    }

    /**
     * The doctor's checks, Kubernetes and ClickHouse level, again on every change until none fails or time is up.
     * ClickHouse not answering fails verification like a failing check, unless the run was told to verify without
     * it (--no-clickhouse): then it passes on the Kubernetes checks and says so.
     */
    private void verify(int step, Duration timeout, Instant start) throws PhaseFailure, InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        NamespaceWatch watch = watch();
        while (true) {
            long seen = watch.version();
            DoctorAction.Result result = new DoctorAction()
                    .run(new DoctorAction.Request(
                            cluster.session().gateway()::inventory,
                            spec.namespace(),
                            planned.loaded(),
                            cluster.clickhouse()));
            CheckReport report = result.report();
            List<CheckResult> errors =
                    report.results().stream().filter(CheckResult::isError).toList();
            Optional<String> unseen = result.clickhouseUnseen();
            boolean clickhouseMissing = unseen.isPresent() && !request.safety().withoutClickHouse();
            Duration waited = Duration.between(start, clock.instant());
            if (errors.isEmpty() && !clickhouseMissing) {
                verifiedWithoutClickHouse = unseen;
                console.report().verification(report, unseen);
                console.progress()
                        .finish(
                                step,
                                phases.size(),
                                DeployPhase.VERIFICATION,
                                report.passed()
                                        + " checks passed, " + report.warnings() + " warning(s)"
                                        + unseen.map(why -> ", " + WITHOUT_CLICKHOUSE + " (" + why + ")")
                                                .orElse(""),
                                waited);
                return;
            }
            List<String> failing = new ArrayList<>(
                    errors.stream().map(error -> error.spec().code()).toList());
            if (clickhouseMissing) {
                failing.add("ClickHouse did not answer");
            }
            console.progress()
                    .update(
                            step,
                            phases.size(),
                            DeployPhase.VERIFICATION,
                            failing.size() + " failing: " + String.join(", ", failing),
                            waited);
            if (!clock.instant().isBefore(deadline)) {
                console.report().verification(report, request.safety().withoutClickHouse() ? unseen : Optional.empty());
                throw new PhaseFailure(
                        "verification still fails after " + GoDuration.format(timeout) + ":\n  "
                                + describe(errors, clickhouseMissing ? unseen : Optional.empty()),
                        errors.stream().findFirst().map(CheckResult::spec));
            }
            Duration left = Duration.between(clock.instant(), deadline);
            watch.awaitChange(seen, left.compareTo(PhaseWaiter.HEARTBEAT) < 0 ? left : PhaseWaiter.HEARTBEAT);
        }
    }

    private static String describe(List<CheckResult> errors, Optional<String> clickhouseUnseen) {
        List<String> lines = new ArrayList<>();
        errors.forEach(result ->
                result.findings().forEach(finding -> lines.add(result.spec().code() + ": " + finding.detail())));
        clickhouseUnseen.ifPresent(why -> lines.add("ClickHouse could not be asked (" + why + "), so its checks "
                + "(hosts, replication, DDL queue, migrations, ingestion) did not run; --no-clickhouse verifies "
                + "without them"));
        return String.join("\n  ", lines);
    }

    /** Why verification passed without looking inside ClickHouse (--no-clickhouse); empty when it looked. */
    Optional<String> verifiedWithoutClickHouse() {
        return verifiedWithoutClickHouse;
    }

    private void finish(int step, DeployPhase phase, String result, Instant start) {
        console.progress().finish(step, phases.size(), phase, result, Duration.between(start, clock.instant()));
    }
}
