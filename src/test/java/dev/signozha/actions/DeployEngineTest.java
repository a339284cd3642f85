package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.LockHolder;
import dev.signozha.core.state.StateRecord;
import dev.signozha.support.FakeChart;
import dev.signozha.support.InMemoryCluster;
import dev.signozha.support.SimulatedCluster;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whole deploys and upgrades on hand-written fakes of the engine's cluster (in memory) and of helm: the phases in
 * order, a phase stuck, a failed upgrade rolled back, a rollback that fails too, the lock lost, an interruption.
 * No API server, so each takes milliseconds.
 */
class DeployEngineTest {

    private static final String PRODUCTION = SimulatedCluster.deploy().topologyText();
    private static final String ZOOKEEPER = "signoz-ha-zookeeper";
    private static final String INSTALLATION = "ClickHouseInstallation/platform/clickhouse-signoz-clickhouse-ha";
    /** What kube-scheduler says of a pod no node has room for. */
    private static final String NO_ROOM = "0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are "
            + "available: 3 No preemption victims found for incoming pod.";

    private final InMemoryCluster cluster = new InMemoryCluster(SimulatedCluster.NAMESPACE, SimulatedCluster.PASSWORD);
    private final FakeChart helm = new FakeChart(cluster);

    @AfterEach
    void close() {
        cluster.close();
    }

    private SimulatedCluster.Run run(DeployAction.Request request) throws InterruptedException {
        return SimulatedCluster.run(
                SimulatedCluster.inMemory(cluster, helm, ClickHouseData.none("in-memory cluster")),
                request,
                new ClasspathTemplates());
    }

    private SimulatedCluster.Run deployed() throws InterruptedException {
        SimulatedCluster.Run deploy = run(SimulatedCluster.deploy());
        assertEquals(0, deploy.exitCode(), deploy.all());
        return deploy;
    }

    private SimulatedCluster.Run upgrade() throws InterruptedException {
        return run(SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.of("0.132.0")));
    }

    private StateRecord state() {
        return cluster.state(SimulatedCluster.NAMESPACE, List.of()).read().orElseThrow();
    }

    @Test
    void deploy_external_runsEveryPhaseInOrder_andRecordsTheRun() throws Exception {
        SimulatedCluster.Run run = deployed();
        assertEquals(
                List.of(
                        "1 namespace",
                        "2 clickhouse-operator",
                        "3 zookeeper",
                        "4 clickhouse",
                        "5 signoz",
                        "6 migration",
                        "7 collectors",
                        "8 verification"),
                phases(run, 8),
                run.all());
        assertTrue(run.out().contains("Deployed topology"), run.all());
        assertTrue(cluster.object(INSTALLATION).isPresent(), "the installation was applied");
        assertEquals(HistoryEntry.SUCCEEDED, state().lastEntry().orElseThrow().outcome());
        assertTrue(
                helm.calls().get(0).startsWith("upgrade --install altinity-clickhouse-operator"),
                helm.calls().toString());
    }

    @Test
    void deploy_bundled_installsTheChartRightAfterTheNamespace_andWaitsForWhatItBrings() throws Exception {
        String bundled = InputFiles.readText(Path.of("examples/bundled-2x2.yaml"))
                .replace("namespace: observability", "namespace: " + SimulatedCluster.NAMESPACE);
        SimulatedCluster.Run run = run(SimulatedCluster.request(DeployAction.Kind.DEPLOY, bundled, Optional.empty()));
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(
                List.of(
                        "1 namespace",
                        "2 signoz",
                        "3 zookeeper",
                        "4 clickhouse",
                        "5 migration",
                        "6 collectors",
                        "7 verification"),
                phases(run, 7),
                run.all());
        assertEquals(Optional.of(SimulatedCluster.PASSWORD), helm.passwordSeen(), "helm got the Secret's password");
        assertTrue(helm.calls().stream().noneMatch(call -> call.contains("altinity-clickhouse-operator")));
        assertEquals(HistoryEntry.SUCCEEDED, state().lastEntry().orElseThrow().outcome());
    }

    /** The phases the progress lines name, in the order they first appear: "3 zookeeper". */
    private static List<String> phases(SimulatedCluster.Run run, int count) {
        return run.progress()
                .lines()
                .filter(line -> line.matches(".*\\[\\d/" + count + "] .*"))
                .map(line -> line.replaceAll(".*\\[(\\d)/" + count + "] ([a-z-]+):.*", "$1 $2"))
                .distinct()
                .toList();
    }

    @Test
    void deploy_aPhaseStuck_failsAtOnceWithTheSchedulersReason_exit7_nothingAfterItApplied() throws Exception {
        cluster.unschedulable(ZOOKEEPER, NO_ROOM);
        SimulatedCluster.Run run = run(SimulatedCluster.deploy());
        assertEquals(7, run.exitCode(), run.all());
        String message = run.failure().getMessage();
        assertTrue(message.contains("[3/8] zookeeper is stuck: "), message);
        assertTrue(message.contains("Insufficient memory"), message);
        assertTrue(message.contains("Nothing was rolled back."), message);
        assertInstanceOf(PhaseFailure.class, run.failure().getCause());
        assertTrue(cluster.object(INSTALLATION).isEmpty(), "no later phase ran");
        assertEquals(HistoryEntry.FAILED, state().lastEntry().orElseThrow().outcome());
    }

    @Test
    void upgrade_helmFails_rollsBackToTheLastGoodRevision_exit6() throws Exception {
        deployed();
        helm.failUpgrades(true);
        SimulatedCluster.Run run = upgrade();
        assertEquals(6, run.exitCode(), run.all());
        assertTrue(run.failure().getMessage().contains("rolled back to Helm revision 1"), run.all());
        assertInstanceOf(PhaseFailure.class, run.failure().getCause());
        assertEquals("rollback signoz 1", helm.calls().get(helm.calls().size() - 1));
        assertEquals(HistoryEntry.ROLLED_BACK, state().lastEntry().orElseThrow().outcome());
    }

    @Test
    void upgrade_rollbackFailsToo_keepsBothErrors_causeAndSuppressed_andRecordsBoth() throws Exception {
        deployed();
        helm.failUpgrades(true);
        helm.failRollbacks(true);
        SimulatedCluster.Run run = upgrade();
        assertEquals(7, run.exitCode(), run.all());
        Throwable failure = run.failure();
        assertTrue(failure.getMessage().contains("the upgrade failed: signoz: helm failed"), failure.getMessage());
        assertTrue(
                failure.getMessage().contains("\nand the rollback failed too: helm rollback failed"),
                failure.getMessage());
        assertInstanceOf(PhaseFailure.class, failure.getCause());
        assertTrue(
                failure.getCause().getMessage().contains("UPGRADE FAILED: simulated"),
                failure.getCause().getMessage());
        assertEquals(1, failure.getSuppressed().length);
        assertTrue(failure.getSuppressed()[0].getMessage().contains("simulated rollback failure"));
        HistoryEntry last = state().lastEntry().orElseThrow();
        assertEquals(HistoryEntry.FAILED, last.outcome());
        assertTrue(last.detail().contains("rollback failed: helm rollback failed"), last.detail());
        assertTrue(last.detail().contains("the upgrade failed: signoz: helm failed"), last.detail());
    }

    @Test
    void lockLostMidRun_stopsBeforeTheNextPhase_exit5() throws Exception {
        LockHolder other = LockHolder.of("ops", "bastion", 4242, "deploy", Duration.ofMinutes(5), Clock.systemUTC());
        cluster.whenWritten(ZOOKEEPER, () -> cluster.takeLockOver(other));
        SimulatedCluster.Run run = run(SimulatedCluster.deploy());
        assertEquals(5, run.exitCode(), run.all());
        assertTrue(
                run.failure().getMessage().contains("was taken over while this run held it, by ops@bastion"),
                run.all());
        assertTrue(cluster.object(INSTALLATION).isEmpty(), "nothing is written once the lock is lost");
    }

    @Test
    void interrupted_whileAPhaseWaits_isRecordedAsFailed_andRethrown() throws Exception {
        Thread runner = Thread.currentThread();
        cluster.waiting(ZOOKEEPER, "ContainerCreating").whenWritten(ZOOKEEPER, runner::interrupt);
        InterruptedException interrupted =
                assertThrows(InterruptedException.class, () -> run(SimulatedCluster.deploy()));
        assertTrue(interrupted.getMessage().contains("zookeeper"), interrupted.getMessage());
        HistoryEntry last = state().lastEntry().orElseThrow();
        assertEquals(HistoryEntry.FAILED, last.outcome());
        assertTrue(last.detail().contains("interrupted during zookeeper"), last.detail());
    }
}
