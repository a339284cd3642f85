package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.state.HistoryEntry;
import dev.signozha.support.FakeClickHouseData;
import dev.signozha.support.SimulatedCluster;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Upgrade's backup gate and data continuity on the engine's hand-written fakes (the cluster in memory, helm, and
 * ClickHouse's answers):
 * a risky path takes its backup before the first write and is refused without one unless --no-backup; rows written
 * before the upgrade that vanish fail it and roll it back.
 */
class BackupAndContinuityTest extends InMemoryEngineTest {

    private static final String PRODUCTION = InputFiles.readText(SimulatedCluster.PRODUCTION);
    private static final String LEGACY = PRODUCTION.replace("version: 0.131.0", "version: 0.112.1");
    private static final String BACKUP = "\n  backup: {disk: backups}";
    private static final DeployAction.Safety NO_BACKUP = new DeployAction.Safety(false, true, true, true);

    private ClickHouseData clickhouse = ClickHouseData.none("not asked yet");

    private SimulatedCluster.Run run(DeployAction.Request request) throws InterruptedException {
        return run(request, clickhouse);
    }

    private void deployed(String topology) throws Exception {
        SimulatedCluster.Run run = run(SimulatedCluster.request(DeployAction.Kind.DEPLOY, topology, Optional.empty()));
        assertEquals(0, run.exitCode(), run.all());
    }

    private static DeployAction.Request upgrade(String topology, String chart, DeployAction.Safety safety) {
        return SimulatedCluster.request(DeployAction.Kind.UPGRADE, topology, Optional.of(chart)).toBuilder()
                .timeout(DeployPhase.VERIFICATION, Duration.ofSeconds(1))
                .safety(safety)
                .build();
    }

    private List<String> helmUpgrades() {
        return helm.calls().stream()
                .filter(call -> call.startsWith("upgrade --install signoz "))
                .toList();
    }

    private HistoryEntry lastEntry() {
        return state().lastEntry().orElseThrow();
    }

    @Test
    void aPathAcrossAStopWithoutBackupIsRefusedAndChangesNothing_untilNoBackup() throws Exception {
        deployed(LEGACY);
        clickhouse = FakeClickHouseData.kept();
        List<String> before = helmUpgrades();
        SimulatedCluster.Run refused = run(upgrade(LEGACY, "0.131.0", SimulatedCluster.WITHOUT_CLICKHOUSE));
        assertEquals(4, refused.exitCode(), refused.all());
        assertTrue(refused.failure().getMessage().contains("needs a ClickHouse backup first"), refused.all());
        assertTrue(
                refused.failure().getMessage().contains("mandatory stop at chart 0.113.0 (SigNoz v0.113.0)"),
                refused.all());
        assertEquals(before, helmUpgrades(), "nothing was upgraded");
        assertEquals("0.112.1", state().chartVersion());

        SimulatedCluster.Run allowed = run(upgrade(LEGACY, "0.131.0", NO_BACKUP));
        assertEquals(0, allowed.exitCode(), allowed.all());
        assertTrue(allowed.out().contains("Backup: no backup (--no-backup) although mandatory stop"), allowed.out());
        assertTrue(
                lastEntry().detail().startsWith("no backup (--no-backup) although"),
                lastEntry().detail());
        assertEquals("0.131.0", state().chartVersion());
    }

    @Test
    void aConfiguredBackupIsTakenOnEveryStepBeforeItsFirstWriteAndRecorded() throws Exception {
        deployed(LEGACY + BACKUP);
        FakeClickHouseData fake = FakeClickHouseData.kept();
        clickhouse = fake;
        SimulatedCluster.Run run = run(upgrade(LEGACY + BACKUP, "0.131.0", SimulatedCluster.WITHOUT_CLICKHOUSE));
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(2, fake.statements().size(), "one backup per step of 0.112.1 → 0.113.0 → 0.131.0");
        assertTrue(
                fake.statements()
                        .get(0)
                        .matches("BACKUP DATABASE signoz_traces, DATABASE signoz_metrics, DATABASE signoz_logs ON "
                                + "CLUSTER 'prod' TO Disk\\('backups', 'signoz-ha-signoz-\\d{8}T\\d{6}Z'\\) ASYNC"),
                fake.statements().get(0));
        assertTrue(run.progress().indexOf("backup") < run.progress().indexOf("namespace"), run.progress());
        assertTrue(run.out().contains("Backup: backup signoz-ha-signoz-"), run.out());
        assertTrue(run.out().contains("Data continuity (before → after):"), run.out());
        HistoryEntry last = lastEntry();
        assertEquals(HistoryEntry.SUCCEEDED, last.outcome());
        assertTrue(last.detail().startsWith("backup signoz-ha-signoz-"), last.detail());
        assertTrue(last.detail().contains(" at Disk('backups', 'signoz-ha-signoz-"), last.detail());
        assertTrue(last.detail().contains("data continuity: metrics"), last.detail());
    }

    @Test
    void aBackupThatFailsOnAHostStopsTheUpgradeBeforeAnyWrite() throws Exception {
        deployed(LEGACY + BACKUP);
        clickhouse = FakeClickHouseData.kept()
                .backupsEnd(
                        "BACKUP_FAILED",
                        "Code: 243. DB::Exception: Cannot reserve 1.00 MiB, not enough space. (NOT_ENOUGH_SPACE)");
        List<String> before = helmUpgrades();
        SimulatedCluster.Run run = run(upgrade(LEGACY + BACKUP, "0.131.0", SimulatedCluster.WITHOUT_CLICKHOUSE));
        assertEquals(4, run.exitCode(), run.all());
        assertTrue(
                run.failure().getMessage().contains("failed on chi-signoz-clickhouse-prod-0-0-0: BACKUP_FAILED"),
                run.all());
        assertTrue(run.failure().getMessage().contains("nothing was changed"), run.all());
        assertEquals(before, helmUpgrades());
        assertFalse(run.all().contains("rolled back"), run.all());
        assertEquals(HistoryEntry.FAILED, lastEntry().outcome());
    }

    @Test
    void rowsWrittenBeforeTheUpgradeThatVanishFailItAndRollItBack() throws Exception {
        deployed(PRODUCTION);
        clickhouse = FakeClickHouseData.losingRows();
        SimulatedCluster.Run run = run(upgrade(PRODUCTION, "0.132.0", SimulatedCluster.WITHOUT_CLICKHOUSE));
        assertEquals(6, run.exitCode(), run.all());
        assertTrue(run.failure().getMessage().contains("data written before the upgrade vanished"), run.all());
        assertTrue(
                run.failure()
                        .getMessage()
                        .contains("traces: 120 of the 1000 rows of signoz_traces.distributed_signoz_index_v3"),
                run.all());
        assertTrue(run.failure().getMessage().contains("signoz-ha runbook RESTORE"), run.all());
        assertTrue(run.out().contains("LOST 120 rows"), run.out());
        assertTrue(
                helm.calls().stream().anyMatch(call -> call.startsWith("rollback ")),
                helm.calls().toString());
        assertEquals(HistoryEntry.ROLLED_BACK, lastEntry().outcome());
        assertTrue(lastEntry().detail().contains("vanished"), lastEntry().detail());
    }
}
