package dev.signozha.actions;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.cluster.helm.HelmGateway;
import dev.signozha.cluster.kube.DeployCluster;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.cluster.kube.RecordStore;
import dev.signozha.cluster.kube.RunLock;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.plan.Disruption;
import dev.signozha.core.plan.LivePlan;
import dev.signozha.core.plan.SavedPlan;
import dev.signozha.core.render.TemplateSource;
import dev.signozha.core.state.HelmRun;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.LockHeldException;
import dev.signozha.core.state.LockHolder;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.text.GoDuration;
import dev.signozha.core.text.Messages;
import dev.signozha.core.text.Style;
import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.versions.UpgradePath;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * deploy and upgrade: plan against the cluster, refuse what is unsafe, ask, take the lock, then apply phase by
 * phase ({@link PhaseRunner}), verify, and record the run. An upgrade also tracks ingestion and, when it fails,
 * rolls back ({@link Rollback}). Nothing is changed before the lock is held, and nothing at all on a refusal.
 */
public final class DeployAction {

    /** deploy or upgrade. */
    public enum Kind {
        DEPLOY,
        UPGRADE;

        /** The subcommand's name: deploy, upgrade. */
        public String command() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** --dry-run: none, client (plan only, nothing sent), server (the API server and helm validate, nothing kept). */
    public enum DryRun {
        NONE,
        CLIENT,
        SERVER
    }

    /**
     * What was asked, built by name ({@link #builder}); {@code timeouts} overrides phases' default timeouts,
     * {@code lockTtl} is how long the lock outlives a run that died without releasing it.
     */
    public static final class Request {

        private final Kind kind;
        private final String source;
        private final String topologyText;
        private final Optional<SavedPlan> savedPlan;
        private final Optional<String> chartVersion;
        private final DryRun dryRun;
        private final Disruption allowed;
        private final boolean yes;
        private final Duration lockWait;
        private final Optional<String> forceUnlockReason;
        private final Map<DeployPhase, Duration> timeouts;
        private final Duration lockTtl;
        private final Safety safety;

        private Request(Builder builder) {
            this.kind = builder.kind;
            this.source = builder.source;
            this.topologyText = builder.topologyText;
            this.savedPlan = builder.savedPlan;
            this.chartVersion = builder.chartVersion;
            this.dryRun = builder.dryRun;
            this.allowed = builder.allowed;
            this.yes = builder.yes;
            this.lockWait = builder.lockWait;
            this.forceUnlockReason = builder.forceUnlockReason;
            this.timeouts = Map.copyOf(builder.timeouts);
            this.lockTtl = builder.lockTtl;
            this.safety = builder.safety;
        }

        /**
         * A {@code kind} run of the topology {@code topologyText}, read from {@code source} (how messages name it):
         * asks before it changes anything, allows no disruption, does not wait for a held lock, keeps the lock
         * {@link LeaseLock#DEFAULT_TTL} after its last renewal, every phase with its default timeout, every safety on
         * ({@link Safety#STRICT}), unless the builder is told otherwise.
         */
        public static Builder builder(Kind kind, String source, String topologyText) {
            return new Builder(kind, source, topologyText);
        }

        /** A builder holding everything this request says, to change a part of it. */
        public Builder toBuilder() {
            return new Builder(kind, source, topologyText)
                    .savedPlan(savedPlan)
                    .chartVersion(chartVersion)
                    .dryRun(dryRun)
                    .allowed(allowed)
                    .yes(yes)
                    .lockWait(lockWait)
                    .forceUnlockReason(forceUnlockReason)
                    .timeouts(timeouts)
                    .lockTtl(lockTtl)
                    .safety(safety);
        }

        /** The same request aimed at another chart version: one step of an upgrade path. */
        Request withChartVersion(ChartVersion chart) {
            return toBuilder().chartVersion(Optional.of(chart.toString())).build();
        }

        public Kind kind() {
            return kind;
        }

        public String source() {
            return source;
        }

        public String topologyText() {
            return topologyText;
        }

        public Optional<SavedPlan> savedPlan() {
            return savedPlan;
        }

        public Optional<String> chartVersion() {
            return chartVersion;
        }

        public DryRun dryRun() {
            return dryRun;
        }

        public Disruption allowed() {
            return allowed;
        }

        public boolean yes() {
            return yes;
        }

        public Duration lockWait() {
            return lockWait;
        }

        public Optional<String> forceUnlockReason() {
            return forceUnlockReason;
        }

        public Map<DeployPhase, Duration> timeouts() {
            return timeouts;
        }

        public Duration lockTtl() {
            return lockTtl;
        }

        public Safety safety() {
            return safety;
        }

        Duration timeout(DeployPhase phase) {
            return timeouts.getOrDefault(phase, phase.defaultTimeout());
        }

        /** Names what a request sets; see {@link Request#builder} for what is left unset. */
        public static final class Builder {

            private final Kind kind;
            private String source;
            private String topologyText;
            private Optional<SavedPlan> savedPlan = Optional.empty();
            private Optional<String> chartVersion = Optional.empty();
            private DryRun dryRun = DryRun.NONE;
            private Disruption allowed = Disruption.NONE;
            private boolean yes;
            private Duration lockWait = Duration.ZERO;
            private Optional<String> forceUnlockReason = Optional.empty();
            private Map<DeployPhase, Duration> timeouts = new EnumMap<>(DeployPhase.class);
            private Duration lockTtl = LeaseLock.DEFAULT_TTL;
            private Safety safety = Safety.STRICT;

            private Builder(Kind kind, String source, String topologyText) {
                this.kind = kind;
                this.source = source;
                this.topologyText = topologyText;
            }

            /** Apply this saved plan (--plan), refused when the cluster changed since it was made. */
            public Builder savedPlan(Optional<SavedPlan> plan) {
                this.savedPlan = plan;
                return this;
            }

            /** The topology, and how messages name where it came from. */
            public Builder topology(String source, String topologyText) {
                this.source = source;
                this.topologyText = topologyText;
                return this;
            }

            /** The chart version to install (--chart-version); empty for the topology's. */
            public Builder chartVersion(Optional<String> version) {
                this.chartVersion = version;
                return this;
            }

            public Builder dryRun(DryRun mode) {
                this.dryRun = mode;
                return this;
            }

            /** The most disruption the run may cause (--allow-disruption). */
            public Builder allowed(Disruption most) {
                this.allowed = most;
                return this;
            }

            /** Go ahead without asking (--yes). */
            public Builder yes(boolean confirmed) {
                this.yes = confirmed;
                return this;
            }

            /** How long to wait for a lock another run holds (--lock-wait). */
            public Builder lockWait(Duration wait) {
                this.lockWait = wait;
                return this;
            }

            /** Remove a held lock first, for this reason (--force-unlock). */
            public Builder forceUnlockReason(Optional<String> reason) {
                this.forceUnlockReason = reason;
                return this;
            }

            /** Phases' own timeouts (--phase-timeout), replacing any set before; the others keep their default. */
            public Builder timeouts(Map<DeployPhase, Duration> byPhase) {
                this.timeouts = new EnumMap<>(DeployPhase.class);
                this.timeouts.putAll(byPhase);
                return this;
            }

            /** One phase's timeout. */
            public Builder timeout(DeployPhase phase, Duration timeout) {
                this.timeouts.put(phase, timeout);
                return this;
            }

            /** How long the lock outlives a run that died without releasing it (--lock-ttl). */
            public Builder lockTtl(Duration ttl) {
                this.lockTtl = ttl;
                return this;
            }

            public Builder safety(Safety allowedBeyondDefaults) {
                this.safety = allowedBeyondDefaults;
                return this;
            }

            public Request build() {
                return new Request(this);
            }
        }
    }

    /**
     * What the operator allowed beyond the defaults: {@code recover} a release a dead run of the tool left pending
     * (--recover), verify {@code withoutClickHouse} (--no-clickhouse), upgrade with no ingestion baseline
     * (--allow-no-baseline).
     */
    public record Safety(boolean recover, boolean withoutClickHouse, boolean allowNoBaseline, boolean noBackup) {

        /**
         * Nothing allowed: a pending release is refused, ClickHouse must answer, an upgrade needs its baseline and,
         * on a risky path, its backup.
         */
        public static final Safety STRICT = new Safety(false, false, false, false);

        /** These allowances, and a risky path still needs its backup (no --no-backup). */
        public Safety(boolean recover, boolean withoutClickHouse, boolean allowNoBaseline) {
            this(recover, withoutClickHouse, allowNoBaseline, false);
        }
    }

    /** The cluster and what reaches into it: the engine's whole view of the world, so tests can fake it. */
    public record Cluster(
            DeployCluster kube,
            HelmGateway helm,
            ClickHouseAccess clickhouse,
            Function<LoadedTopology, IngestionProbe> ingestion,
            Function<LoadedTopology, ClickHouseData> data) {}

    /**
     * Where the run reports, who confirms, and the run's {@link RunReport} (for -o json), which records every
     * phase's end as it goes through {@code progress}.
     */
    public record Console(PrintWriter out, Progress progress, Confirmer confirmer, Style style, RunReport report) {

        public Console {
            progress = report.recording(progress);
        }

        /** A console whose report nobody prints. */
        public Console(PrintWriter out, Progress progress, Confirmer confirmer, Style style) {
            this(out, progress, confirmer, style, new RunReport("deploy", Clock.systemUTC()));
        }
    }

    private final TemplateSource templates;
    private final String toolVersion;
    private final Clock clock;
    private final LeaseLock.Timing timing;

    public DeployAction(TemplateSource templates, String toolVersion, Clock clock, LeaseLock.Timing timing) {
        this.templates = templates;
        this.toolVersion = toolVersion;
        this.clock = clock;
        this.timing = timing;
    }

    /** Runs the request; returns the exit code of a run that ended as intended, throws for every other end. */
    public int run(Request request, Cluster cluster, Console console) throws InterruptedException {
        PlanAction.Planned planned = compute(request, cluster);
        Optional<UpgradePath> path = Gates.upgradePath(planned);
        if (request.kind() == Kind.UPGRADE
                && request.savedPlan().isEmpty()
                && path.filter(UpgradePath::hasIntermediateStops).isPresent()) {
            return runPath(path.get(), request, cluster, console);
        }
        show(planned, console);
        request.savedPlan().ifPresent(saved -> refuseIfStale(saved, planned));
        RecordStore state = cluster.kube()
                .state(
                        planned.spec().namespace(),
                        planned.live().password().stream().toList());
        Optional<StateRecord> previous = state.read();
        Gates.refuse(request, planned, previous);
        if (nothingToDo(planned, previous)) {
            return noChanges(planned, console, "");
        }
        if (request.dryRun() == DryRun.CLIENT) {
            console.report().endedWith("dry-run");
            console.out().println("Dry run (client): nothing was sent to the cluster.");
            return ExitCode.OK.code();
        }
        if (request.dryRun() == DryRun.SERVER) {
            new DeployPhases(planned, request, cluster, console, timing).serverDryRun();
            console.report().endedWith("dry-run");
            console.out().println("Dry run (server): the API server and helm accepted every object; nothing was kept.");
            return ExitCode.OK.code();
        }
        if (!planned.plan().hasChanges()) {
            console.out()
                    .println("The cluster matches topology "
                            + planned.topology().metadata().name() + ", but no "
                            + "finished run recorded it (" + lastRun(previous)
                            + "), so every phase runs again to verify it "
                            + "and record the run; the objects are applied unchanged, and helm does not run: the release is as "
                            + "last deployed.");
        }
        confirm(request, planned.plan(), console);
        LockHolder holder = LeaseLock.localHolder(request.kind().command(), request.lockTtl(), clock);
        RunLock lock = cluster.kube().lock(planned.spec().namespace(), holder, state, timing);
        try (lock) {
            request.forceUnlockReason()
                    .flatMap(lock::forceUnlock)
                    .ifPresent(removed ->
                            console.progress().note("removed the lock of " + removed.describe(clock.instant())));
            lock.acquire(request.lockWait());
            Optional<StateRecord> recorded = state.read();
            Optional<PlanAction.Planned> current = underLock(request, planned, cluster, console, recorded);
            if (current.isEmpty()) {
                return noChanges(planned, console, " (another run applied it while this one waited for the lock)");
            }
            Cluster recording = new Cluster(
                    cluster.kube(),
                    new RecordedHelm(cluster.helm(), planned.spec().release(), state, holder, clock),
                    cluster.clickhouse(),
                    cluster.ingestion(),
                    cluster.data());
            PlanAction.Planned target =
                    recoverIfAsked(request, current.get(), recording, state, recorded, console, holder);
            Gates.refusePendingRelease(target, recorded);
            // Only now, past every refusal, is the run going ahead.
            Gates.proceedingDespite(target).ifPresent(console.out()::println);
            DeployPhases phases = new DeployPhases(target, request, recording, console, timing);
            Optional<StateRecord> before = target == current.get() ? recorded : state.read();
            return new Execution(request, target, phases, state, before, lock, recording, console).run();
        } finally {
            lock.releaseFailure()
                    .ifPresent(failure -> console.progress()
                            .note("could not release " + LeaseLock.NAME
                                    + "; it frees itself " + GoDuration.format(request.lockTtl())
                                    + " after its last renewal: "
                                    + failure.getMessage()));
        }
    }

    /**
     * An upgrade across mandatory stops installs each stop's chart and verifies it before the next: every step is
     * a whole upgrade (plan, lock, phases, verification, record), and the first that does not succeed ends the path.
     * A dry run shows the path and the first step only, since each later step depends on the one before.
     */
    private int runPath(UpgradePath path, Request request, Cluster cluster, Console console)
            throws InterruptedException {
        console.out().println("Upgrade path: " + path.describe());
        List<UpgradePath.Step> steps =
                request.dryRun() == DryRun.NONE ? path.steps() : path.steps().subList(0, 1);
        for (int i = 0; i < steps.size(); i++) {
            UpgradePath.Step step = steps.get(i);
            console.out()
                    .println("Step " + (i + 1) + "/" + path.steps().size() + ": chart " + step.chart()
                            + step.stop()
                                    .map(stop -> ", mandatory stop for SigNoz " + stop.app() + ": " + stop.why() + " ("
                                            + stop.guide() + ")")
                                    .orElse(""));
            int code = run(request.withChartVersion(step.chart()), cluster, console);
            if (code != ExitCode.OK.code()) {
                return code;
            }
        }
        if (steps.size() < path.steps().size()) {
            console.out().println("Dry run: the later steps are planned once the ones before them are installed.");
        }
        return ExitCode.OK.code();
    }

    private PlanAction.Planned plan(Request request, Cluster cluster) {
        PlanAction.Planned planned = compute(request, cluster);
        request.savedPlan().ifPresent(saved -> refuseIfStale(saved, planned));
        return planned;
    }

    private PlanAction.Planned compute(Request request, Cluster cluster) {
        return new PlanAction(templates)
                .compute(
                        request.source(),
                        request.topologyText(),
                        request.chartVersion(),
                        cluster.kube().gateway(),
                        cluster.helm());
    }

    /**
     * Prints the plan and flushes it, before anything can stop the run or ask: whatever the outcome, and on a
     * terminal before the question, the operator has seen what the run meant to do.
     */
    private static void show(PlanAction.Planned planned, Console console) {
        console.report().plan(planned.result().data());
        console.out().print(planned.result().text(console.style()));
        console.out().flush();
    }

    /**
     * The plan to carry out, made sure of now that no other run can change the cluster ({@code recorded} is the
     * state record as read under the lock): the one shown, while the tool's objects and the release are as they
     * were; otherwise the plan made again and judged again, which only a run with --yes and no saved plan goes on
     * with. Empty when there is nothing left to do.
     */
    private Optional<PlanAction.Planned> underLock(
            Request request,
            PlanAction.Planned shown,
            Cluster cluster,
            Console console,
            Optional<StateRecord> recorded) {
        if (shown.live().sameAs(LiveState.versions(shown.spec(), cluster.kube().gateway(), cluster.helm()))) {
            return Optional.of(shown);
        }
        PlanAction.Planned now = plan(request, cluster);
        if (nothingToDo(now, recorded)) {
            return Optional.empty();
        }
        if (now.plan().equals(shown.plan())) {
            return Optional.of(now);
        }
        if (!request.yes() || request.savedPlan().isPresent()) {
            throw new SignozHaException(
                    ExitCode.REFUSED,
                    "the cluster changed while this run waited for the lock, "
                            + "so the plan " + (request.savedPlan().isPresent() ? "saved" : "you confirmed")
                            + " is out of "
                            + "date; nothing was changed. Run signoz-ha "
                            + request.kind().command() + " again to see the new "
                            + "plan.");
        }
        console.out().println("The cluster changed while this run waited for the lock; the plan now:");
        show(now, console);
        Gates.refuse(request, now, recorded);
        return Optional.of(now);
    }

    /**
     * With --recover, a release a dead run of the tool left pending is rolled back first and the plan made again,
     * printed, and judged again; otherwise {@code planned} as it is (a pending release is then refused).
     */
    private PlanAction.Planned recoverIfAsked(
            Request request,
            PlanAction.Planned planned,
            Cluster cluster,
            RecordStore state,
            Optional<StateRecord> recorded,
            Console console,
            LockHolder holder) {
        Optional<HelmRun> dead = Recovery.leftByTool(planned, recorded);
        if (dead.isEmpty() || !request.safety().recover()) {
            return planned;
        }
        int revision = new Recovery(cluster.helm(), state, console.progress(), clock)
                .recover(
                        dead.get(),
                        planned,
                        request.timeout(DeployPhase.SIGNOZ),
                        request.kind().command(),
                        holder.identity());
        PlanAction.Planned now = plan(request, cluster);
        console.out()
                .println("Recovered: Helm release " + now.spec().release() + " is back at revision " + revision
                        + "; the plan now:");
        show(now, console);
        Gates.refuse(request, now, state.read());
        return now;
    }

    /** The cluster is as planned and the last run that made it so finished: no phase has anything to do. */
    private static boolean nothingToDo(PlanAction.Planned planned, Optional<StateRecord> previous) {
        return !planned.plan().hasChanges()
                && previous.map(record -> record.settledAt(
                                planned.valuesHash(),
                                planned.rendered().chartVersion().toString(),
                                planned.manifestBodies()))
                        .orElse(false);
    }

    private static String lastRun(Optional<StateRecord> previous) {
        return previous.flatMap(StateRecord::lastApply)
                .map(entry -> "the last, " + entry.command() + " by "
                        + entry.user() + ", " + entry.outcome()
                        + (entry.detail() == null ? "" : ": " + Messages.firstLine(entry.detail(), "")))
                .orElse("no deploy or upgrade is recorded");
    }

    private static int noChanges(PlanAction.Planned planned, Console console, String why) {
        console.report().endedWith("no-changes");
        console.out()
                .println("No changes: the cluster already matches topology "
                        + planned.topology().metadata().name() + why + ". Nothing was applied.");
        return ExitCode.OK.code();
    }

    private static void refuseIfStale(SavedPlan saved, PlanAction.Planned planned) {
        List<String> reasons = saved.changesSince(
                planned.live().resourceVersions(), planned.live().revision(), planned.renderHash(), planned.plan());
        if (!reasons.isEmpty()) {
            throw new SignozHaException(
                    ExitCode.REFUSED,
                    "the saved plan is stale; nothing was changed:\n  " + String.join("\n  ", reasons)
                            + "\nMake a new plan with signoz-ha plan --output-file, review it, and deploy that.");
        }
    }

    private static void confirm(Request request, LivePlan plan, Console console) {
        if (request.yes()) {
            return;
        }
        String question = "Apply these changes (" + plan.disruption().cliName() + ")?";
        Optional<Boolean> answer = console.confirmer().confirm(question);
        if (answer.isEmpty()) {
            throw new SignozHaException(
                    ExitCode.REFUSED, "no terminal to confirm on and no --yes; nothing was changed");
        }
        if (!answer.get()) {
            throw new SignozHaException(ExitCode.REFUSED, "not confirmed; nothing was changed");
        }
    }

    /** One run that holds the lock: the phases, verification, the record, and for an upgrade the rollback. */
    private final class Execution {

        private final Request request;
        private final PlanAction.Planned planned;
        private final DeployPhases phases;
        private final PhaseRunner runner;
        private final RecordStore state;
        private final Optional<StateRecord> previous;
        private final RunLock lock;
        private final Cluster cluster;
        private final Console console;
        private final String valuesHash;

        Execution(
                Request request,
                PlanAction.Planned planned,
                DeployPhases phases,
                RecordStore state,
                Optional<StateRecord> previous,
                RunLock lock,
                Cluster cluster,
                Console console) {
            this.request = request;
            this.planned = planned;
            this.phases = phases;
            this.runner = new PhaseRunner(
                    phases.phases(),
                    new Watches(cluster.kube(), planned.spec().namespace()),
                    console.progress(),
                    clock);
            this.state = state;
            this.previous = previous;
            this.lock = lock;
            this.cluster = cluster;
            this.console = console;
            this.valuesHash = planned.valuesHash();
        }

        int run() throws InterruptedException {
            IngestionWatch ingestion = request.kind() == Kind.UPGRADE
                    ? IngestionWatch.start(
                            cluster.ingestion().apply(planned.loaded()),
                            console.progress(),
                            request.safety().allowNoBaseline())
                    : IngestionWatch.off();
            Optional<ContinuityWatch> continuity = request.kind() == Kind.UPGRADE
                    ? ContinuityWatch.start(
                            cluster.data().apply(planned.loaded()),
                            clock.instant(),
                            bound(),
                            console.progress(),
                            request.safety().allowNoBaseline())
                    : Optional.empty();
            phases.backupNote().ifPresent(note -> console.out().println("Backup: " + note + "."));
            List<String> notes = new ArrayList<>(phases.backupNote().stream().toList());
            int fromRevision = planned.live().revision();
            PhaseFailure failure = null;
            try (ingestion) {
                try {
                    runner.run(lock);
                    ingestion.finish(clock, clock.instant().plus(request.timeout(DeployPhase.VERIFICATION)));
                    if (continuity.isPresent()) {
                        notes.add(continuity
                                .get()
                                .finish(
                                        clock,
                                        clock.instant().plus(request.timeout(DeployPhase.VERIFICATION)),
                                        IngestionWatch.INTERVAL,
                                        console.out()));
                    }
                } catch (PhaseFailure phase) {
                    failure = phase;
                } catch (LockHeldException lost) {
                    throw lost;
                } catch (SignozHaException unreachable) {
                    // The API server failed a read or a write half-way: the same as a failed phase.
                    failure = new PhaseFailure(runner.current() + ": " + unreachable.getMessage(), Optional.empty());
                }
                // A request cut short by Ctrl-C fails in the client, which keeps the thread's interrupt flag:
                // that is an interruption, not a failed phase.
                if (failure != null && Thread.interrupted()) {
                    throw new InterruptedException(
                            "interrupted during " + runner.current() + " (" + failure.getMessage() + ")");
                }
            } catch (InterruptedException interrupted) {
                String why = interrupted.getMessage() != null
                        ? interrupted.getMessage()
                        : "interrupted during " + runner.current();
                record(HistoryEntry.FAILED, with(notes, why));
                throw new InterruptedException(why);
            }
            if (failure != null) {
                return failed(failure, fromRevision, notes);
            }
            notes.addAll(ingestion.summary().stream().toList());
            phases.verifiedWithoutClickHouse()
                    .ifPresent(why -> notes.add(VerificationJudge.WITHOUT_CLICKHOUSE + " (" + why + ")"));
            Optional<String> detail = notes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", notes));
            state.update(record -> record.applied(
                            planned.topologyText(),
                            valuesHash,
                            planned.rendered().chartVersion().toString(),
                            toolVersion,
                            planned.manifestBodies())
                    .withEntry(entry(HistoryEntry.SUCCEEDED, detail.orElse(null))));
            console.out()
                    .println((request.kind() == Kind.UPGRADE ? "Upgraded" : "Deployed") + " topology "
                            + planned.topology().metadata().name() + " (chart "
                            + planned.rendered().chartVersion() + ")"
                            + detail.map(text -> "; " + text).orElse("") + ".");
            return ExitCode.OK.code();
        }

        /**
         * The longest an upgrade may take: every phase's timeout and the wait for ingestion, the bound the data
         * continuity rule protects rows within.
         */
        private Duration bound() {
            Duration bound = request.timeout(DeployPhase.VERIFICATION);
            for (DeployPhase phase : DeployPhase.values()) {
                bound = bound.plus(request.timeout(phase));
            }
            return bound;
        }

        private static String with(List<String> notes, String detail) {
            return notes.isEmpty() ? detail : String.join("; ", notes) + "; " + detail;
        }

        private int failed(PhaseFailure failure, int fromRevision, List<String> notes) throws InterruptedException {
            if (DeployPhases.beforeAnyWrite(runner.current())) {
                record(HistoryEntry.FAILED, with(notes, failure.getMessage()));
                throw new SignozHaException(ExitCode.REFUSED, failure.getMessage());
            }
            if (request.kind() == Kind.DEPLOY || previous.isEmpty()) {
                record(HistoryEntry.FAILED, with(notes, failure.getMessage()));
                throw new SignozHaException(
                        ExitCode.NOT_ROLLED_BACK,
                        failure.getMessage() + "\nNothing was rolled back. " + failure.advice()
                                + " Then run signoz-ha deploy again: it applies only what is missing.",
                        failure);
            }
            int revision;
            try {
                revision = new Rollback(cluster, templates, console.progress(), request::timeout, clock)
                        .to(previous.get(), fromRevision, planned.spec());
            } catch (SignozHaException rollbackFailure) {
                record(
                        HistoryEntry.FAILED,
                        with(
                                notes,
                                "rollback failed: " + rollbackFailure.getMessage() + " (the upgrade failed: "
                                        + failure.getMessage() + ")"));
                throw bothFailed(failure, rollbackFailure);
            }
            record(HistoryEntry.ROLLED_BACK, with(notes, failure.getMessage()));
            throw new SignozHaException(
                    ExitCode.ROLLED_BACK,
                    "the upgrade failed and was rolled back to "
                            + (revision > 0 ? "Helm revision " + revision + " and " : "") + "the previous manifests: "
                            + failure.getMessage() + "\n" + failure.advice(),
                    failure);
        }

        /** The upgrade's failure is the cause, the rollback's is suppressed beside it: neither chain is lost. */
        private static SignozHaException bothFailed(PhaseFailure upgrade, SignozHaException rollback) {
            SignozHaException both = new SignozHaException(
                    ExitCode.NOT_ROLLED_BACK,
                    "the upgrade failed: " + upgrade.getMessage()
                            + "\nand the rollback failed too: " + rollback.getMessage()
                            + "\nFollow the runbook: signoz-ha runbook " + CheckCatalog.LAST_RUN_FAILED.code(),
                    upgrade);
            both.addSuppressed(rollback);
            return both;
        }

        private void record(String outcome, String detail) {
            try {
                state.update(record -> record.withEntry(entry(outcome, detail)));
            } catch (SignozHaException e) {
                console.progress().note("could not record the run in " + state.source() + ": " + e.getMessage());
            }
        }

        private HistoryEntry entry(String outcome, String detail) {
            return new HistoryEntry(
                    clock.instant(),
                    request.kind().command(),
                    planned.rendered().chartVersion().toString(),
                    valuesHash,
                    outcome,
                    lock.holder().identity(),
                    detail);
        }
    }
}
