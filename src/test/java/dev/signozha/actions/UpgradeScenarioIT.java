package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.clickhouse.IngestionSample;
import dev.signozha.core.render.TemplateSource;
import dev.signozha.core.state.HelmRun;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.LockHolder;
import dev.signozha.core.state.StateRecord;
import dev.signozha.support.EditedTemplates;
import dev.signozha.support.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upgrades of a simulated deploy: a new chart version, refusals, rollbacks. */
class UpgradeScenarioIT {

    private static final String PRODUCTION = InputFiles.readText(SimulatedCluster.PRODUCTION);
    private static final DeployAction.Safety RECOVER = new DeployAction.Safety(true, true, true);

    private SimulatedCluster world;

    @BeforeEach
    void deployFirst() throws Exception {
        world = new SimulatedCluster(Duration.ofMillis(30));
        SimulatedCluster.Run deployed = world.run(SimulatedCluster.deploy());
        assertEquals(0, deployed.exitCode(), deployed.all());
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private SimulatedCluster.Run upgrade(String topology, String chartVersion, IngestionProbe probe) throws Exception {
        return world.run(
                SimulatedCluster.request(DeployAction.Kind.UPGRADE, topology, Optional.ofNullable(chartVersion)),
                probe);
    }

    /** An upgrade across stops with --no-backup (BackupAndContinuityScenarioIT covers the backup gate). */
    private SimulatedCluster.Run withoutBackup(String topology, String chartVersion, IngestionProbe probe)
            throws Exception {
        return world.run(
                SimulatedCluster.request(DeployAction.Kind.UPGRADE, topology, Optional.ofNullable(chartVersion))
                        .toBuilder()
                        .safety(new DeployAction.Safety(false, true, true, true))
                        .build(),
                probe);
    }

    private StateRecord state() {
        return world.stateRecord().orElseThrow();
    }

    /** Ingestion that advances by one row and one second on every sample. */
    private static IngestionProbe flowing() {
        AtomicLong rows = new AtomicLong(1000);
        return () -> {
            long now = rows.incrementAndGet();
            Instant newest = Instant.parse("2026-11-21T10:00:00Z").plusSeconds(now);
            return Optional.of(new IngestionSample(
                    Instant.now(),
                    Map.of(
                            "traces",
                                    new IngestionSample.Signal(
                                            "signoz_traces.distributed_signoz_index_v3", now, newest),
                            "logs", new IngestionSample.Signal("signoz_logs.distributed_logs_v2", now, newest))));
        };
    }

    @Test
    void chartVersionUpgrade_rollsTheChart_tracksIngestion_andRecordsTheNewVersion() throws Exception {
        SimulatedCluster.Run run = upgrade(PRODUCTION, "0.132.0", flowing());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("(chart version)"), run.out());
        assertTrue(
                world.helm().calls().contains("upgrade --install signoz 0.132.0 NONE"),
                world.helm().calls().toString());
        assertTrue(run.progress().contains("ingestion baseline: logs 1001 rows"), run.progress());
        assertTrue(run.out().contains("longest ingestion gap: logs "), run.out());
        assertEquals("0.132.0", state().chartVersion());
        assertEquals("upgrade", state().lastEntry().orElseThrow().command());
    }

    /** The production topology deployed at a chart before the v0.113.0 stop. */
    private String deployedBeforeTheV0113Stop() throws Exception {
        world.close();
        world = new SimulatedCluster(Duration.ofMillis(30));
        String legacy = PRODUCTION.replace("version: 0.131.0", "version: 0.112.1");
        SimulatedCluster.Run deployed =
                world.run(SimulatedCluster.request(DeployAction.Kind.DEPLOY, legacy, Optional.empty()));
        assertEquals(0, deployed.exitCode(), deployed.all());
        return legacy;
    }

    @Test
    void upgradeAcrossAMandatoryStop_installsAndVerifiesTheStopFirst_thenTheTarget() throws Exception {
        String legacy = deployedBeforeTheV0113Stop();
        SimulatedCluster.Run run = withoutBackup(legacy, "0.131.0", flowing());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(
                run.out().contains("Upgrade path: 0.112.1 → 0.113.0 (mandatory stop for SigNoz v0.113.0) → 0.131.0"),
                run.out());
        List<String> upgrades = world.helm().calls().stream()
                .filter(call -> call.startsWith("upgrade --install signoz "))
                .toList();
        assertEquals(
                List.of(
                        "upgrade --install signoz 0.112.1 NONE",
                        "upgrade --install signoz 0.113.0 NONE",
                        "upgrade --install signoz 0.131.0 NONE"),
                upgrades);
        assertEquals("0.131.0", state().chartVersion());
        assertEquals(
                2,
                state().history().stream()
                        .filter(entry -> entry.command().equals("upgrade")
                                && entry.outcome().equals(HistoryEntry.SUCCEEDED))
                        .count(),
                "each step is verified and recorded");
    }

    @Test
    void aFailedStop_endsThePath_andTheTargetIsNeverInstalled() throws Exception {
        String legacy = deployedBeforeTheV0113Stop();
        world.helm().failUpgrades(true);
        SimulatedCluster.Run run = withoutBackup(legacy, "0.131.0", IngestionProbe.none());
        assertFalse(
                world.helm().calls().contains("upgrade --install signoz 0.131.0 NONE"),
                world.helm().calls().toString());
        assertTrue(run.exitCode() != 0, run.all());
    }

    @Test
    void aDeployAcrossAMandatoryStop_isRefused_andChangesNothing() throws Exception {
        deployedBeforeTheV0113Stop();
        long helmWrites = helmWrites();
        SimulatedCluster.Run run =
                world.run(SimulatedCluster.request(DeployAction.Kind.DEPLOY, PRODUCTION, Optional.empty()));
        assertEquals(4, run.exitCode(), run.all());
        assertTrue(
                run.failure().getMessage().contains("crosses mandatory stops: 0.112.1 → 0.113.0"),
                run.failure().getMessage());
        assertTrue(
                run.failure().getMessage().contains("signoz-ha upgrade -f FILE --chart-version 0.131.0"),
                run.failure().getMessage());
        assertEquals(helmWrites, helmWrites(), "no helm write: " + world.helm().calls());
    }

    private long helmWrites() {
        return world.helm().calls().stream()
                .filter(call ->
                        call.startsWith("upgrade") || call.startsWith("rollback") || call.startsWith("uninstall"))
                .count();
    }

    @Test
    void upgrade_renamingTheHost_isRefusedAndChangesNothing() throws Exception {
        List<String> calls = world.helm().calls();
        SimulatedCluster.Run run = upgrade(
                PRODUCTION.replace("host: clickhouse-signoz-clickhouse-ha", "host: clickhouse-signoz-new"),
                null,
                IngestionProbe.none());
        assertEquals(4, run.exitCode(), run.all());
        String message = run.failure().getMessage();
        assertTrue(
                message.contains("DUPLICATE_CLICKHOUSE: ClickHouseInstallation/platform/clickhouse-signoz-new would "
                        + "be a second ClickHouse installation"),
                message);
        assertTrue(message.contains("--allow-disruption=destructive"), message);
        assertEquals(calls, world.helm().calls());
        assertEquals(
                1,
                world.session()
                        .gateway()
                        .inventory(SimulatedCluster.NAMESPACE)
                        .clickHouseInstallations()
                        .size());
    }

    @Test
    void upgrade_withoutAnyDeploy_isRefused() throws Exception {
        try (SimulatedCluster empty = new SimulatedCluster(Duration.ofMillis(30))) {
            SimulatedCluster.Run run =
                    empty.run(SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.empty()));
            assertEquals(4, run.exitCode(), run.all());
            assertTrue(run.failure().getMessage().contains("run signoz-ha deploy first"));
        }
    }

    @Test
    void failedUpgrade_rollsBackToTheLastRevision_exit6() throws Exception {
        world.helm().failUpgrades(true);
        SimulatedCluster.Run run = upgrade(PRODUCTION, "0.132.0", IngestionProbe.none());
        assertEquals(6, run.exitCode(), run.all());
        assertTrue(
                world.helm().calls().contains("rollback signoz 1"),
                world.helm().calls().toString());
        assertTrue(
                run.failure().getMessage().contains("rolled back to Helm revision 1"),
                run.failure().getMessage());
        assertEquals(HistoryEntry.ROLLED_BACK, state().lastEntry().orElseThrow().outcome(), run.all());
        assertEquals("0.131.0", state().chartVersion(), "the applied version stays the last good one");
        String rollback = run.progress().substring(run.progress().indexOf("rolling back: "));
        assertEquals(
                List.of("[1/3] zookeeper", "[2/3] clickhouse", "[3/3] collectors"),
                rollback.lines()
                        .filter(line -> line.contains("] "))
                        .map(line -> line.replaceAll(".*(\\[\\d+/\\d+] [a-z-]+): .*", "$1"))
                        .distinct()
                        .toList(),
                "the rollback's own steps, numbered:\n" + rollback);
    }

    @Test
    void stalledIngestion_failsVerification_andRollsBack() throws Exception {
        SimulatedCluster.Run run = world.run(
                shortVerification(
                        SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.of("0.132.0"))),
                stalledIngestion());
        assertEquals(6, run.exitCode(), run.all());
        assertTrue(
                run.failure().getMessage().contains("ingestion did not resume"),
                run.failure().getMessage());
        assertTrue(
                run.failure().getMessage().contains("INGESTION_STALLED"),
                run.failure().getMessage());
    }

    @Test
    void upgrade_withNoIngestionBaseline_isRefusedBeforeAnyChange_unlessAllowed() throws Exception {
        List<String> calls = world.helm().calls();
        SimulatedCluster.Run refused = world.run(
                SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.of("0.132.0")).toBuilder()
                        .safety(new DeployAction.Safety(false, true, false))
                        .build(),
                Optional::empty);
        assertEquals(4, refused.exitCode(), refused.all());
        assertTrue(
                refused.failure().getMessage().contains("ClickHouse did not answer for the ingestion baseline"),
                refused.failure().getMessage());
        assertTrue(
                refused.failure().getMessage().contains("--allow-no-baseline"),
                refused.failure().getMessage());
        assertEquals(calls, world.helm().calls(), "nothing was changed");
        assertEquals("0.131.0", state().chartVersion());
        assertTrue(world.leases().isEmpty(), "lock released");

        SimulatedCluster.Run allowed = world.run(
                SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.of("0.132.0")).toBuilder()
                        .safety(new DeployAction.Safety(false, true, true))
                        .build(),
                Optional::empty);
        assertEquals(0, allowed.exitCode(), allowed.all());
        assertTrue(
                allowed.progress()
                        .contains("ingestion is not tracked: ClickHouse did not answer for the ingestion "
                                + "baseline (--allow-no-baseline)"),
                allowed.progress());
    }

    @Test
    void upgrade_whoseVerificationCannotReachClickHouse_rollsBack_unlessToldToVerifyWithoutIt() throws Exception {
        SimulatedCluster.Run run = world.run(
                shortVerification(
                                SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.of("0.132.0")))
                        .toBuilder()
                        .safety(new DeployAction.Safety(false, false, true))
                        .build());
        assertEquals(6, run.exitCode(), run.all());
        assertTrue(
                run.failure()
                        .getMessage()
                        .contains("ClickHouse could not be asked (simulated cluster: no " + "ClickHouse to query)"),
                run.failure().getMessage());
        assertTrue(
                run.failure().getMessage().contains("--no-clickhouse verifies without them"),
                run.failure().getMessage());
        assertEquals("0.131.0", state().chartVersion());
    }

    @Test
    void failedRollback_reportsBothErrors_exit7_withTheRunbook() throws Exception {
        world.helm().failUpgrades(true);
        world.helm().failRollbacks(true);
        SimulatedCluster.Run run = upgrade(PRODUCTION, "0.132.0", IngestionProbe.none());
        assertEquals(7, run.exitCode(), run.all());
        String message = run.failure().getMessage();
        assertTrue(message.contains("the upgrade failed: signoz: helm failed: helm upgrade failed"), message);
        assertTrue(message.contains("the rollback failed too: helm rollback failed"), message);
        assertTrue(message.contains("signoz-ha runbook LAST_RUN_FAILED"), message);
        assertEquals(HistoryEntry.FAILED, state().lastEntry().orElseThrow().outcome());
        assertFalse(message.contains(SimulatedCluster.PASSWORD));
    }

    @Test
    void failedUpgrade_afterAnEarlierFailedOne_rollsBackToTheLastGoodRevision() throws Exception {
        world.helm().failUpgrades(true);
        world.helm().failRollbacks(true);
        assertEquals(7, upgrade(PRODUCTION, "0.132.0", IngestionProbe.none()).exitCode());
        world.helm().failRollbacks(false);
        SimulatedCluster.Run run = upgrade(PRODUCTION, "0.132.0", IngestionProbe.none());
        assertEquals(6, run.exitCode(), run.all());
        assertEquals(
                "rollback signoz 1",
                world.helm().calls().get(world.helm().calls().size() - 1),
                "revision 2 is the earlier failed upgrade, not a good one: "
                        + world.helm().calls());
        assertTrue(
                run.failure().getMessage().contains("rolled back to Helm revision 1"),
                run.failure().getMessage());
    }

    @Test
    void aReleaseLeftPendingByAKilledHelm_isRefusedWithTheCommandsThatFreeIt() throws Exception {
        world.helm().markLatest("pending-upgrade");
        List<String> calls = world.helm().calls();
        SimulatedCluster.Run run = world.run(
                SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.of("0.132.0")).toBuilder()
                        .safety(RECOVER)
                        .build(),
                flowing());
        assertEquals(4, run.exitCode(), run.all());
        String message = run.failure().getMessage();
        assertTrue(
                message.contains("Helm release signoz is pending-upgrade at revision 1: a helm run on it never "
                        + "finished, and no run of signoz-ha recorded starting it, so --recover does not apply. Nothing was "
                        + "changed."),
                message);
        assertTrue(message.contains("helm -n platform rollback signoz"), message);
        assertEquals(calls, world.helm().calls(), "helm was not asked to do anything, even with --recover");
    }

    /** What a run of the tool leaves when it dies while helm upgrades from revision 1: revision 2 pending, and the marker. */
    private HelmRun leftByADeadRun(int fromRevision) {
        world.helm().addPending("0.132.0");
        HelmRun dead = new HelmRun(
                "alice@ci-7 (pid 4242, upgrade)",
                "2b0ad1d0-5a51-4a38-9a43-0c0fe6f5e7f1",
                "signoz",
                fromRevision,
                Instant.parse("2026-11-21T03:02:11Z"));
        world.session().state(SimulatedCluster.NAMESPACE, List.of()).update(record -> record.withHelmRun(dead));
        return dead;
    }

    @Test
    void aReleaseADeadRunLeftPending_isRefusedNamingRecover_andChangesNothing() throws Exception {
        leftByADeadRun(1);
        List<String> calls = world.helm().calls();
        SimulatedCluster.Run run = upgrade(PRODUCTION, "0.132.0", flowing());
        assertEquals(4, run.exitCode(), run.all());
        String message = run.failure().getMessage();
        assertTrue(
                message.contains("Helm release signoz is pending-upgrade at revision 2, left by alice@ci-7 (pid "
                        + "4242, upgrade), which started helm on release signoz at 2026-11-21T03:02:11Z"),
                message);
        assertTrue(message.contains("Run this again with --recover"), message);
        assertEquals(calls, world.helm().calls());
    }

    @Test
    void recover_rollsBackWhatADeadRunLeftPending_thenUpgrades() throws Exception {
        leftByADeadRun(1);
        SimulatedCluster.Run run = world.run(
                SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.of("0.132.0")).toBuilder()
                        .safety(RECOVER)
                        .build(),
                flowing());
        assertEquals(0, run.exitCode(), run.all());
        List<String> calls = world.helm().calls();
        assertEquals(
                List.of("rollback signoz 1", "upgrade --install signoz 0.132.0 NONE"),
                calls.subList(calls.size() - 2, calls.size()),
                "rolled back to the last deployed revision, then upgraded");
        assertTrue(
                run.out().contains("Recovered: Helm release signoz is back at revision 1; the plan now:"), run.out());
        assertTrue(
                run.progress().contains("recovering: Helm release signoz is pending-upgrade at revision 2"),
                run.progress());
        StateRecord record = state();
        assertEquals("0.132.0", record.chartVersion());
        assertTrue(
                record.history().stream().anyMatch(entry -> entry.outcome().equals(HistoryEntry.RECOVERED)),
                record.history().toString());
        assertTrue(record.unfinishedHelmRun().isEmpty(), "the marker is gone once helm returned");
    }

    @Test
    void recover_leavesAPendingRevisionTheDeadRunDidNotStart() throws Exception {
        leftByADeadRun(0);
        List<String> calls = world.helm().calls();
        SimulatedCluster.Run run = world.run(
                SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.of("0.132.0")).toBuilder()
                        .safety(RECOVER)
                        .build(),
                flowing());
        assertEquals(4, run.exitCode(), run.all());
        assertTrue(
                run.failure().getMessage().contains("--recover does not apply"),
                run.failure().getMessage());
        assertEquals(calls, world.helm().calls(), "someone else's helm run is left alone");
    }

    @Test
    @SuppressWarnings("try") // the other run's lock is held for the block, never read
    void aReleasePendingWhileAnotherRunHoldsTheLock_isLeftToThatRun_exit5() throws Exception {
        world.helm().markLatest("pending-upgrade");
        LockHolder other = LockHolder.of("bob", "ci-7", 42, "upgrade", Duration.ofMinutes(5), Clock.systemUTC());
        try (LeaseLock held = world.session()
                .lock(
                        SimulatedCluster.NAMESPACE,
                        other,
                        world.session().state(SimulatedCluster.NAMESPACE, List.of()),
                        LeaseLock.Timing.system())
                .acquire()) {
            SimulatedCluster.Run run = upgrade(PRODUCTION, "0.132.0", flowing());
            assertEquals(5, run.exitCode(), run.all());
            assertTrue(
                    run.failure().getMessage().contains("bob@ci-7"),
                    run.failure().getMessage());
        }
    }

    @Test
    void failedVerification_putsBackTheManifestsLastApplied_andRemovesWhatOnlyTheUpgradeCreated() throws Exception {
        Map<String, String> scriptsBefore = scripts().getData();
        TemplateSource changed = new EditedTemplates(
                ZOOKEEPER_TEMPLATE,
                text -> text.replace("exec /entrypoint.sh", "echo upgraded\n    exec /entrypoint.sh")
                        + EXTRA_CONFIG_MAP);
        SimulatedCluster.Run run = world.run(
                shortVerification(
                        SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.of("0.132.0"))),
                stalledIngestion(),
                changed);
        assertEquals(6, run.exitCode(), run.all());
        assertTrue(run.out().contains("+ ConfigMap/platform/signoz-ha-upgrade-extra"), run.out());
        assertEquals(scriptsBefore, scripts().getData(), "the ZooKeeper scripts are as the last deploy applied them");
        assertNull(
                world.mock()
                        .client()
                        .configMaps()
                        .inNamespace(SimulatedCluster.NAMESPACE)
                        .withName("signoz-ha-upgrade-extra")
                        .get(),
                "the upgrade's own ConfigMap is gone");
        assertTrue(
                run.progress()
                        .contains("deleted ConfigMap/platform/signoz-ha-upgrade-extra (not in the manifests "
                                + "last applied)"),
                run.progress());
    }

    private static final String ZOOKEEPER_TEMPLATE = "manifests/external/zookeeper.yaml";
    private static final String EXTRA_CONFIG_MAP = """
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: signoz-ha-upgrade-extra
              namespace: ${namespace}
            data:
              added: by the upgrade
            """;

    private ConfigMap scripts() {
        return world.mock()
                .client()
                .configMaps()
                .inNamespace(SimulatedCluster.NAMESPACE)
                .withName("signoz-ha-zookeeper-scripts")
                .get();
    }

    /** Ingestion that never moves: verification fails on INGESTION_STALLED. */
    private static IngestionProbe stalledIngestion() {
        Instant newest = Instant.parse("2026-11-21T10:00:00Z");
        return () -> Optional.of(new IngestionSample(
                Instant.now(),
                Map.of("traces", new IngestionSample.Signal("signoz_traces.distributed_signoz_index_v3", 5, newest))));
    }

    private static DeployAction.Request shortVerification(DeployAction.Request request) {
        return request.toBuilder()
                .timeout(DeployPhase.VERIFICATION, Duration.ofSeconds(1))
                .build();
    }
}
