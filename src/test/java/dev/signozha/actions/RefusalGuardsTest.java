package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.state.HistoryEntry;
import dev.signozha.support.SimulatedCluster;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The refusals that keep data from being lost, each on the engine's fakes: a deploy that jumps over a mandatory
 * stop, a change above the allowed disruption, a second ClickHouse installation, and a bundled upgrade that would
 * migrate against the old ClickHouse. Each ends with exit 4 and nothing written.
 */
class RefusalGuardsTest extends InMemoryEngineTest {

    private static final String PRODUCTION = InputFiles.readText(SimulatedCluster.PRODUCTION);
    private static final ClickHouseData NO_DATA = ClickHouseData.none("not asked");

    private SimulatedCluster.Run run(DeployAction.Kind kind, String topology) throws InterruptedException {
        return run(SimulatedCluster.request(kind, topology, Optional.empty()), NO_DATA);
    }

    private void deployed(String topology) throws InterruptedException {
        SimulatedCluster.Run deploy = run(DeployAction.Kind.DEPLOY, topology);
        assertEquals(0, deploy.exitCode(), deploy.all());
    }

    private void assertRefusedAndNothingWritten(SimulatedCluster.Run run, List<String> helmCallsBefore, String why) {
        assertEquals(4, run.exitCode(), run.all());
        assertTrue(run.failure().getMessage().contains(why), run.failure().getMessage());
        assertEquals(helmCallsBefore, helm.calls(), "no helm call");
    }

    @Test
    void aDeployAcrossAMandatoryStop_isRefused() throws Exception {
        deployed(PRODUCTION.replace("version: 0.131.0", "version: 0.112.1"));
        List<String> before = helm.calls();
        assertRefusedAndNothingWritten(
                run(DeployAction.Kind.DEPLOY, PRODUCTION), before, "crosses mandatory stops: 0.112.1 → 0.113.0");
    }

    @Test
    void fewerShards_isAboveTheDefaultDisruption_andRefused() throws Exception {
        deployed(PRODUCTION);
        List<String> before = helm.calls();
        SimulatedCluster.Run run = run(DeployAction.Kind.DEPLOY, PRODUCTION.replace("shards: 2", "shards: 1"));
        assertRefusedAndNothingWritten(run, before, "--allow-disruption=destructive");
        assertEquals(
                HistoryEntry.SUCCEEDED,
                state().lastEntry().orElseThrow().outcome(),
                "the record still ends with the deploy");
    }

    @Test
    void aRenamedHost_wouldBeASecondInstallation_andIsRefused() throws Exception {
        deployed(PRODUCTION);
        List<String> before = helm.calls();
        SimulatedCluster.Run run = run(
                DeployAction.Kind.UPGRADE,
                PRODUCTION.replace("host: clickhouse-signoz-clickhouse-ha", "host: clickhouse-signoz-new"));
        assertRefusedAndNothingWritten(
                run,
                before,
                "DUPLICATE_CLICKHOUSE: ClickHouseInstallation/platform/clickhouse-signoz-new would be a second");
        assertTrue(cluster.object("ClickHouseInstallation/platform/clickhouse-signoz-new")
                .isEmpty());
    }

    @Test
    void aBundledUpgradeChangingClickHouse_isRefused_becauseTheChartWouldMigrateAgainstTheOldOne() throws Exception {
        String bundled = InputFiles.readText(java.nio.file.Path.of("examples/bundled-2x2.yaml"))
                .replace("namespace: observability", "namespace: " + SimulatedCluster.NAMESPACE)
                .replace("    mode: bundled\n", "    mode: bundled\n    image: clickhouse/clickhouse-server:25.5.6\n");
        deployed(bundled);
        List<String> before = helm.calls();
        assertRefusedAndNothingWritten(
                run(DeployAction.Kind.UPGRADE, bundled.replace("25.5.6", "25.12.5")),
                before,
                "this upgrade changes ClickHouse from clickhouse/clickhouse-server:25.5.6 to");
    }
}
