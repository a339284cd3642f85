package dev.signozha.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.cluster.helm.HelmException;
import dev.signozha.cluster.helm.HelmRevision;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.plan.Disruption;
import dev.signozha.core.plan.LivePlan;
import dev.signozha.core.plan.LivePlanner;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.Renderer;
import dev.signozha.core.render.TemplateSource;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.Topology.Spec;
import dev.signozha.core.topology.TopologyLoader;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts a failed upgrade back: {@code helm rollback} to the last good revision (the newest deployed or superseded
 * one up to the revision that was live before the upgrade), then the manifests the state record says were last
 * applied (rendered again from its topology and chart version when it predates keeping them) as signoz-ha, then
 * removes what only the upgrade created (objects that may hold data are named and left in place), and waits for
 * the workloads with the engine's one waiter. A sibling of the deploy's phases over the same narrow cluster
 * ({@link DeployAction.Cluster}). Any failure is a {@link SignozHaException} for the caller to report beside the
 * upgrade's.
 */
final class Rollback {

    private static final Set<String> GOOD = Set.of("deployed", "superseded");

    /** What a rollback waits for, in order: the workloads the manifests it applies run. */
    private static final List<DeployPhase> WAITS =
            List.of(DeployPhase.ZOOKEEPER, DeployPhase.CLICKHOUSE, DeployPhase.COLLECTORS);

    private final DeployAction.Cluster cluster;
    private final TemplateSource templates;
    private final Progress progress;
    private final Function<DeployPhase, Duration> timeouts;
    private final Clock clock;
    private final Writes writes;

    Rollback(
            DeployAction.Cluster cluster,
            TemplateSource templates,
            Progress progress,
            Function<DeployPhase, Duration> timeouts,
            Clock clock) {
        this.cluster = cluster;
        this.templates = templates;
        this.progress = progress;
        this.timeouts = timeouts;
        this.clock = clock;
        this.writes = new Writes(cluster.kube(), progress);
    }

    /**
     * Rolls back an upgrade of {@code spec} made from Helm revision {@code fromRevision}; returns the revision helm
     * rolled back to, 0 when there was none to roll back.
     */
    int to(StateRecord previous, int fromRevision, Spec spec) throws InterruptedException {
        LoadedTopology loaded = TopologyLoader.load("the state record's topology", previous.topology())
                .withChartVersion(previous.chartVersion(), "the state record's chart version");
        List<Manifest> manifests = previous.manifests().isEmpty()
                ? new Renderer(templates).render(loaded.topology()).manifests()
                : previous.manifests().stream().map(Manifest::of).toList();
        try (Watches watches = new Watches(cluster.kube(), spec.namespace())) {
            int good = fromRevision > 0 ? lastGood(spec, fromRevision) : 0;
            progress.note("rolling back: "
                    + (good > 0 ? "Helm release " + spec.release() + " to revision " + good + ", " : "")
                    + "manifests to chart " + previous.chartVersion());
            if (good > 0) {
                cluster.helm().rollback(spec.namespace(), spec.release(), good, timeouts.apply(DeployPhase.SIGNOZ));
            }
            writes.apply(manifests, DeployPhase.CLICKHOUSE);
            removeWhatThePreviousManifestsLack(spec.namespace(), manifests);
            PhaseJudges judges = new PhaseJudges(loaded.spec());
            for (int i = 0; i < WAITS.size(); i++) {
                DeployPhase name = WAITS.get(i);
                Phase wait = new Phase(
                        name,
                        () -> Phase.Applied.AWAIT_READINESS,
                        judges.judge(name),
                        timeouts.apply(name),
                        Disruption.NONE);
                new PhaseWaiter(clock)
                        .awaitReady(i + 1, WAITS.size(), wait, watches.current(), clock.instant(), progress);
            }
            return good;
        } catch (HelmException e) {
            throw new SignozHaException(ExitCode.NOT_ROLLED_BACK, "helm rollback failed: " + e.getMessage(), e);
        } catch (PhaseFailure e) {
            throw new SignozHaException(ExitCode.NOT_ROLLED_BACK, e.getMessage(), e);
        }
    }

    private int lastGood(Spec spec, int fromRevision) {
        List<HelmRevision> history;
        try {
            history = cluster.helm().history(spec.namespace(), spec.release());
        } catch (HelmException e) {
            throw new SignozHaException(
                    ExitCode.NOT_ROLLED_BACK,
                    "cannot read the history of Helm release " + spec.release()
                            + " to find the revision to roll back to: " + e.getMessage(),
                    e);
        }
        return history.stream()
                .filter(revision -> revision.revision() <= fromRevision && GOOD.contains(revision.status()))
                .max(Comparator.comparingInt(HelmRevision::revision))
                .map(HelmRevision::revision)
                .orElseThrow(() -> new SignozHaException(
                        ExitCode.NOT_ROLLED_BACK,
                        "Helm release " + spec.release() + " has no deployed or superseded revision up to "
                                + fromRevision + " to roll back to"));
    }

    /**
     * The tool's live objects the previous manifests lack: what the upgrade (or a killed attempt at it) created,
     * as a plan for those manifests would delete them. Objects whose deletion is disruptive (a
     * ClickHouseInstallation, a StatefulSet: they may hold data) are never deleted here: they are named, and the
     * next deploy plans their deletion, which needs --allow-disruption.
     */
    private void removeWhatThePreviousManifestsLack(String namespace, List<Manifest> previous) throws PhaseFailure {
        List<JsonNode> owned = cluster.kube().gateway().ownedObjects(namespace);
        Map<Boolean, List<LivePlan.ObjectStep>> removable = removable(LivePlanner.deletions(previous, owned));
        for (LivePlan.ObjectStep step : removable.get(true)) {
            writes.delete(step.id(), "not in the manifests last applied", DeployPhase.CLICKHOUSE);
        }
        for (LivePlan.ObjectStep step : removable.get(false)) {
            progress.note("left in place: " + step.id() + ", which the last good manifests lack; it may hold "
                    + "data. The next deploy plans its deletion, which needs --allow-disruption="
                    + step.disruption().cliName());
        }
    }

    /** Deletions rollback may do (true: nothing is disrupted) and the ones it leaves in place (false: may hold data). */
    static Map<Boolean, List<LivePlan.ObjectStep>> removable(List<LivePlan.ObjectStep> deletions) {
        return deletions.stream().collect(Collectors.partitioningBy(step -> step.disruption() == Disruption.NONE));
    }
}
