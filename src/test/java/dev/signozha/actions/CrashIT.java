package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.cluster.helm.HelmRevision;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.StateRecord;
import dev.signozha.support.Convergence;
import dev.signozha.support.DeployProcess;
import dev.signozha.support.SimulatedCluster;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceList;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.ServiceResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A deploy killed with SIGKILL in each of its phases, then run again. The killed run stops after the first
 * progress line of its phase and waits there for the kill, so every phase gets one, namespace to verification;
 * and inside a phase's work: between two objects of ZooKeeper's apply batch, and halfway through the chart's helm
 * run. The killed run and the next share the Helm revisions (as both would through a real cluster). The next run
 * waits out the dead run's lock (its TTL is 2 s here), converges with no object twice (see {@link Convergence}),
 * and records the deploy, also when the killed run had already written everything and only its verification and
 * record were missing.
 */
class CrashIT {

    private static final long LOCK_TTL_SECONDS = 2;
    /** Long enough that the dead run's lock is still live when the next run starts. */
    private static final long LONG_LOCK_TTL_SECONDS = 15;
    /** Where the killed run's fake chart and the next one's keep the Helm revisions, in {@link #dir}. */
    private static final String HELM_REVISIONS = "helm-revisions.json";
    /** How long the killed run may take to reach its kill point: a start of the JVM and a few phases. */
    private static final Duration MARKER_WAIT = Duration.ofSeconds(60);
    /** The second of the five objects of ZooKeeper's apply batch (scripts, this, its client Service, PDB, StatefulSet). */
    private static final String ZOOKEEPER_HEADLESS_SERVICE = "/services/signoz-ha-zookeeper-headless";

    @TempDir
    Path dir;

    private SimulatedCluster world;

    @BeforeEach
    void start() {
        world = new SimulatedCluster(Duration.ofMillis(150), dir.resolve(HELM_REVISIONS));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @ParameterizedTest(name = "killed in {0}")
    @EnumSource(value = DeployPhase.class, mode = EnumSource.Mode.EXCLUDE, names = "BACKUP")
    void killedInAnyPhase_rerunConverges_recordsTheDeploy_andFreesTheLock(DeployPhase phase) throws Exception {
        int step = deployStep(phase);
        String killedAfter = killAt("step:" + step, "[" + step + "/9] " + phase.label() + ": ");
        assertRecordedAndUnlocked(rerunConverges(killedAfter));
    }

    /** The step an external-mode deploy runs {@code phase} as: every phase but the upgrade's backup, in order. */
    private static int deployStep(DeployPhase phase) {
        return phase.ordinal() - DeployPhase.NAMESPACE.ordinal() + 1;
    }

    @Test
    void aRerunRightAfterTheKill_findsTheDeadRunsLock_andIsRefused_untilItWaitsTheLockOut() throws Exception {
        String killedAfter = killAt(
                "step:" + deployStep(DeployPhase.ZOOKEEPER),
                "[" + deployStep(DeployPhase.ZOOKEEPER) + "/9] " + DeployPhase.ZOOKEEPER.label() + ": ",
                LONG_LOCK_TTL_SECONDS);
        SimulatedCluster.Run impatient = world.run(
                SimulatedCluster.deploy().toBuilder().lockWait(Duration.ZERO).build());
        assertEquals(5, impatient.exitCode(), impatient.all());
        assertEquals(1, world.leases().size(), "the dead run's lock is still there: the refused run took nothing");
        SimulatedCluster.Run again = world.run(SimulatedCluster.deploy().toBuilder()
                .lockWait(Duration.ofSeconds(3 * LONG_LOCK_TTL_SECONDS))
                .build());
        assertEquals(0, again.exitCode(), "killed after: " + killedAfter + "\n" + again.all());
        Convergence.assertConverged(world, "killed after: " + killedAfter + "\n" + again.all());
        assertRecordedAndUnlocked(again);
    }

    @Test
    void killedBetweenTwoObjectsOfAnApplyBatch_rerunAppliesTheRest_converges_andRecordsTheDeploy() throws Exception {
        String killedAfter = killAt("applied:" + ZOOKEEPER_HEADLESS_SERVICE, "kill point: applied");
        assertNotNull(
                services().withName("signoz-ha-zookeeper-headless").get(), "the batch's first objects are applied");
        assertNull(
                world.mock()
                        .client()
                        .apps()
                        .statefulSets()
                        .inNamespace(SimulatedCluster.NAMESPACE)
                        .withName("signoz-ha-zookeeper")
                        .get(),
                "the kill came before the batch's StatefulSet");
        assertRecordedAndUnlocked(rerunConverges(killedAfter));
    }

    /**
     * A helm killed mid-run leaves its release pending-install, which helm itself refuses to touch: the rerun says
     * so and names the command that frees it; once that ran, the next run converges.
     */
    @Test
    void killedHalfwayThroughTheHelmRun_rerunNamesTheUninstall_thenConverges() throws Exception {
        String killedAfter = killAt("helm", "kill point: halfway through helm");
        assertEquals(
                List.of("pending-install"),
                world.helm().history(SimulatedCluster.NAMESPACE, "signoz").stream()
                        .map(HelmRevision::status)
                        .toList());
        SimulatedCluster.Run refused = world.run(rerun());
        assertEquals(4, refused.exitCode(), refused.all());
        assertTrue(refused.failure().getMessage().contains("helm -n platform uninstall signoz"), refused.all());
        assertTrue(world.leases().isEmpty(), "the refusing run released its lock");
        world.helm().uninstall(SimulatedCluster.NAMESPACE);
        assertRecordedAndUnlocked(rerunConverges(killedAfter));
    }

    /** Runs the deploy again after a kill, and checks it succeeded and converged. */
    private SimulatedCluster.Run rerunConverges(String killedAfter) throws Exception {
        SimulatedCluster.Run again = world.run(rerun());
        assertEquals(0, again.exitCode(), "killed after: " + killedAfter + "\n" + again.all());
        Convergence.assertConverged(world, "killed after: " + killedAfter + "\n" + again.all());
        return again;
    }

    /** The production deploy, waiting out the dead run's lock. */
    private static DeployAction.Request rerun() {
        return SimulatedCluster.deploy().toBuilder()
                .lockWait(Duration.ofSeconds(3 * LOCK_TTL_SECONDS))
                .build();
    }

    private NonNamespaceOperation<Service, ServiceList, ServiceResource<Service>> services() {
        return world.mock().client().services().inNamespace(SimulatedCluster.NAMESPACE);
    }

    private void assertRecordedAndUnlocked(SimulatedCluster.Run again) {
        Optional<StateRecord> state = world.stateRecord();
        assertFalse(
                state.map(StateRecord::neverApplied).orElse(true),
                "the topology is recorded as applied\n" + again.all());
        assertEquals(
                Optional.of(HistoryEntry.SUCCEEDED),
                state.flatMap(StateRecord::lastEntry).map(HistoryEntry::outcome),
                again.all());
        assertTrue(world.leases().isEmpty(), "lock released");
    }

    /**
     * Starts a deploy in another process that stops at {@code killPoint} (see {@link DeployProcess}), kills it once
     * it printed {@code marker}, and returns the last line it printed, checked to be the marker's and to leave the
     * dead run's lock behind.
     */
    private String killAt(String killPoint, String marker) throws Exception {
        return killAt(killPoint, marker, LOCK_TTL_SECONDS);
    }

    private String killAt(String killPoint, String marker, long lockTtlSeconds) throws Exception {
        Path kubeconfig =
                Files.writeString(dir.resolve("kubeconfig"), world.mock().kubeconfig(SimulatedCluster.NAMESPACE));
        Process deploy = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DeployProcess.class.getName(),
                        kubeconfig.toString(),
                        String.valueOf(lockTtlSeconds),
                        "0",
                        dir.resolve(HELM_REVISIONS).toString(),
                        killPoint))
                .redirectErrorStream(true)
                .start();
        List<String> seen;
        try {
            seen = readUntil(deploy, marker);
        } finally {
            deploy.destroyForcibly();
        }
        assertTrue(deploy.waitFor(10, TimeUnit.SECONDS), "the killed process is gone");
        String last = seen.isEmpty() ? "nothing" : seen.get(seen.size() - 1);
        assertTrue(last.contains(marker), "killed at " + killPoint + ": " + seen);
        assertEquals(1, world.leases().size(), "the dead run's lock is left behind for the next run to wait out");
        return last;
    }

    /**
     * Lines of the child until one containing {@code marker}, or its end, or {@link #MARKER_WAIT} (a child that
     * hangs before its kill point must not hang the test): read on a thread of its own, so the wait is bounded.
     */
    private static List<String> readUntil(Process process, String marker) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.contains(marker)) {
                        return;
                    }
                }
            } catch (IOException e) {
                lines.add("(reading the child failed: " + e + ")");
            }
        });
        try {
            reading.get(MARKER_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            lines.add("(no '" + marker + "' within " + MARKER_WAIT + ")");
        }
        return List.copyOf(lines);
    }
}
