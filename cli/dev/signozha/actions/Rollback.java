package dev.signozha.actions;

import dev.signozha.cluster.helm.HelmException;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.render.Renderer;
import dev.signozha.core.render.TemplateSource;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.TopologyLoader;
import java.util.List;

/**
 * Puts a failed upgrade back: {@code helm rollback} to the revision that was live before it, then the previous
 * manifests, rendered again from the state record's topology and chart version, applied as signoz-ha, and the
 * workloads waited for. Any failure is a {@link SignozHaException} for the caller to report beside the upgrade's.
 */
final class Rollback {

    private final DeployAction.Cluster cluster;
    private final PhaseRunner runner;
    private final TemplateSource templates;
    private final Progress progress;

    Rollback(DeployAction.Cluster cluster, PhaseRunner runner, TemplateSource templates, Progress progress) {
        this.cluster = cluster;
        this.runner = runner;
        this.templates = templates;
        this.progress = progress;
    }

    void to(StateRecord previous, int revision, String namespace, String release) throws InterruptedException {
        progress.note("rolling back: Helm release " + release + " to revision " + revision
                + ", manifests to chart " + previous.chartVersion());
        LoadedTopology loaded = TopologyLoader.load("the state record's topology", previous.topology())
                .withChartVersion(previous.chartVersion(), "the state record's chart version");
        RenderedRelease rendered = new Renderer(templates).render(loaded.topology());
        try {
            if (revision > 0) {
                cluster.helm().rollback(namespace, release, revision, DeployPhase.SIGNOZ.defaultTimeout());
            }
            runner.apply(rendered.manifests(), DeployPhase.CLICKHOUSE);
            List<DeployPhase> waits = PhaseRunner.phases(loaded.spec()).stream()
                    .filter(phase -> phase == DeployPhase.ZOOKEEPER || phase == DeployPhase.CLICKHOUSE
                            || phase == DeployPhase.COLLECTORS).toList();
            for (DeployPhase phase : waits) {
                runner.await(0, phase, phase.defaultTimeout());
            }
        } catch (HelmException e) {
            throw new SignozHaException(ExitCode.NOT_ROLLED_BACK, "helm rollback failed: " + e.getMessage(), e);
        } catch (PhaseFailure e) {
            throw new SignozHaException(ExitCode.NOT_ROLLED_BACK, e.getMessage(), e);
        } finally {
            runner.closeWatch();
        }
    }
}
