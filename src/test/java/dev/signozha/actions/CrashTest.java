package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.StateRecord;
import dev.signozha.support.Convergence;
import dev.signozha.support.DeployProcess;
import dev.signozha.support.RequestEdit;
import dev.signozha.support.SimulatedCluster;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A deploy killed with SIGKILL in each of its phases, then run again. The killed run stops after the first
 * progress line of its phase and waits there for the kill, so every phase gets one, namespace to verification.
 * The killed run and the next share the Helm revisions (as both would through a real cluster). The next run
 * waits out the dead run's lock (its TTL is 2 s here), converges with no object twice (see {@link Convergence}),
 * and records the deploy, also when the killed run had already written everything and only its verification and
 * record were missing.
 */
class CrashTest {

    private static final long LOCK_TTL_SECONDS = 2;
    /** Long enough that the dead run's lock is still live when the next run starts. */
    private static final long LONG_LOCK_TTL_SECONDS = 15;
    /** Where the killed run's fake chart and the next one's keep the Helm revisions, in {@link #dir}. */
    private static final String HELM_REVISIONS = "helm-revisions.json";

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
    @EnumSource(DeployPhase.class)
    void killedInAnyPhase_rerunConverges_recordsTheDeploy_andFreesTheLock(DeployPhase phase) throws Exception {
        assertRecordedAndUnlocked(killInThenRerun(phase));
    }

    @Test
    void aRerunRightAfterTheKill_findsTheDeadRunsLock_andIsRefused_untilItWaitsTheLockOut() throws Exception {
        killIn(DeployPhase.ZOOKEEPER, LONG_LOCK_TTL_SECONDS);
        SimulatedCluster.Run impatient = world.run(RequestEdit.of(SimulatedCluster.deploy()).lockWait(Duration.ZERO).build());
        assertEquals(5, impatient.exitCode(), impatient.all());
        assertEquals(1, world.leases().size(), "the dead run's lock is still there: the refused run took nothing");
        assertRecordedAndUnlocked(rerun("killed in " + DeployPhase.ZOOKEEPER.label(), LONG_LOCK_TTL_SECONDS));
    }

    /** Kills a deploy in {@code phase}, runs it again, and checks the rerun succeeded and converged. */
    private SimulatedCluster.Run killInThenRerun(DeployPhase phase) throws Exception {
        return rerun("killed after: " + killIn(phase, LOCK_TTL_SECONDS), LOCK_TTL_SECONDS);
    }

    /** Runs the deploy again, waiting out the dead run's lock, and checks it succeeded and converged. */
    private SimulatedCluster.Run rerun(String killed, long lockTtlSeconds) throws Exception {
        SimulatedCluster.Run again = world.run(RequestEdit.of(SimulatedCluster.deploy())
                .lockWait(Duration.ofSeconds(3 * lockTtlSeconds)).build());
        assertEquals(0, again.exitCode(), killed + "\n" + again.all());
        Convergence.assertConverged(world, killed + "\n" + again.all());
        return again;
    }

    private void assertRecordedAndUnlocked(SimulatedCluster.Run again) {
        Optional<StateRecord> state = world.stateRecord();
        assertFalse(state.map(StateRecord::neverApplied).orElse(true), "the topology is recorded as applied\n" + again.all());
        assertEquals(Optional.of(HistoryEntry.SUCCEEDED), state.flatMap(StateRecord::lastEntry).map(HistoryEntry::outcome),
                again.all());
        assertTrue(world.leases().isEmpty(), "lock released");
    }

    /**
     * Starts a deploy in another process that stops in {@code phase}, kills it there, and returns the last line it
     * printed, checked to be that phase's and to leave the dead run's lock behind.
     */
    private String killIn(DeployPhase phase, long lockTtlSeconds) throws Exception {
        int step = phase.ordinal() + 1;
        String phaseLine = "[" + step + "/8] " + phase.label() + ": ";
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), world.mock().kubeconfig(SimulatedCluster.NAMESPACE));
        Process deploy = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DeployProcess.class.getName(), kubeconfig.toString(),
                String.valueOf(lockTtlSeconds), "0", dir.resolve(HELM_REVISIONS).toString(),
                String.valueOf(step))).redirectErrorStream(true).start();
        List<String> seen = readUntil(deploy, phaseLine);
        deploy.destroyForcibly();
        assertTrue(deploy.waitFor(10, TimeUnit.SECONDS), "the killed process is gone");
        String last = seen.isEmpty() ? "nothing" : seen.get(seen.size() - 1);
        assertTrue(last.contains(phaseLine), "killed in " + phase.label() + ": " + seen);
        assertEquals(1, world.leases().size(),
                "the dead run's lock is left behind for the next run to wait out");
        return last;
    }

    /** Lines of the child until one containing {@code marker} (or its end, if none does). */
    private static List<String> readUntil(Process process, String marker) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.contains(marker)) {
                    return lines;
                }
            }
        }
        return lines;
    }
}
