package dev.signozha.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.actions.DeployAction;
import dev.signozha.cluster.helm.HelmRevision;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.StateRecord;
import dev.signozha.support.HelmStandInScript;
import dev.signozha.support.Project;
import dev.signozha.support.SimulatedCluster;
import dev.signozha.support.StandInCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real command line in a process of its own, upgrading through a helm stand-in (a script, see
 * {@code HelmStandIn}) that hangs in the upgrade until it gets a signal and then, as helm 3.7+ does, marks the release
 * failed. Ctrl-C (SIGINT) or SIGTERM to signoz-ha reaches helm as SIGTERM, helm finishes its clean-up, the run says it
 * was interrupted, and the next run goes on without a manual step. A run killed outright (SIGKILL, helm with it)
 * leaves the release pending-upgrade: the next run is refused naming --recover, and --recover goes on.
 */
@EnabledOnOs(OS.LINUX)
class InterruptIT {

    private static final String NAMESPACE = SimulatedCluster.NAMESPACE;
    private static final Duration LOCK_TTL = Duration.ofSeconds(2);
    private static final Duration STARTUP = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private StandInCluster cluster;
    private SimulatedCluster world;
    private HelmStandInScript helm;

    @BeforeEach
    void deployThroughTheFakeChart() throws Exception {
        cluster = StandInCluster.open(dir, true);
        world = cluster.world();
        helm = cluster.helm();
        SimulatedCluster.Run deployed = world.run(SimulatedCluster.deploy());
        assertEquals(0, deployed.exitCode(), deployed.all());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void interruptDuringHelm_helmGetsSigterm_theReleaseEndsFailed_andTheNextRunGoesOn(String signal) throws Exception {
        Process upgrade = startUpgrade();
        long helmPid = awaitHangingHelm(upgrade);
        if (signal.equals("INT")) {
            Assumptions.assumeFalse(
                    ignores(upgrade.pid(), 2),
                    "SIGINT is ignored in this process tree (started in "
                            + "the background by a shell), so the JVM cannot handle it here");
        }
        new ProcessBuilder("kill", "-" + signal, String.valueOf(upgrade.pid()))
                .start()
                .waitFor();
        assertTrue(upgrade.waitFor(120, TimeUnit.SECONDS), "signoz-ha stopped");
        String err = Files.readString(dir.resolve("upgrade.err"));
        assertEquals(
                128 + (signal.equals("INT") ? 2 : 15),
                upgrade.exitValue(),
                "exits as a process stopped by " + "the signal, after its clean-up\n" + err);

        assertTrue(
                helm.calls().contains("signal: marked the release failed"),
                "helm got SIGTERM and finished its clean-up, not SIGKILL\n" + err);
        assertFalse(ProcessHandle.of(helmPid).map(ProcessHandle::isAlive).orElse(false), "helm is gone");
        assertEquals("failed", latest().status(), "the release ends failed, not pending");
        assertTrue(err.contains("error: upgrade was interrupted: interrupted during signoz"), err);
        assertTrue(err.contains("it stopped on SIGTERM (exit 1)"), err);
        assertTrue(err.contains("Error: UPGRADE FAILED: context canceled"), "helm's own error is kept\n" + err);
        StateRecord state = world.stateRecord().orElseThrow();
        assertEquals(HistoryEntry.FAILED, state.lastEntry().orElseThrow().outcome());
        assertTrue(
                state.lastEntry().orElseThrow().detail().startsWith("interrupted during signoz"),
                state.lastEntry().toString());
        assertTrue(world.leases().isEmpty(), "the interrupted run released its lock");

        SimulatedCluster.Run again = world.run(upgradeRequest(false));
        assertEquals(0, again.exitCode(), again.all());
        assertEquals("deployed", latest().status());
        assertEquals("signoz-0.132.0", latest().chart());
    }

    @Test
    void runKilledDuringHelm_leavesThePendingRelease_whichRecoverRollsBack_andGoesOn() throws Exception {
        Process upgrade = startUpgrade();
        long helmPid = awaitHangingHelm(upgrade);
        upgrade.destroyForcibly();
        ProcessHandle.of(helmPid).ifPresent(ProcessHandle::destroyForcibly);
        assertTrue(upgrade.waitFor(10, TimeUnit.SECONDS));
        assertEquals("pending-upgrade", latest().status(), "helm killed mid-upgrade leaves the release pending");
        assertEquals(1, world.leases().size(), "the dead run's lock is left until its TTL");

        SimulatedCluster.Run refused = world.run(upgradeRequest(false));
        assertEquals(4, refused.exitCode(), refused.all());
        assertTrue(
                refused.failure().getMessage().contains("Run this again with --recover"),
                refused.failure().getMessage());
        assertEquals("pending-upgrade", latest().status(), "a refusal changes nothing");

        SimulatedCluster.Run recovered = world.run(upgradeRequest(true));
        assertEquals(0, recovered.exitCode(), recovered.all());
        assertTrue(
                recovered.progress().contains("rolling it back to revision 1, the last deployed"),
                recovered.progress());
        assertEquals("deployed", latest().status());
        assertEquals("signoz-0.132.0", latest().chart());
        assertTrue(world.stateRecord().orElseThrow().unfinishedHelmRun().isEmpty());
    }

    /** signoz-ha upgrade to chart 0.132.0 in a process of its own, through the stand-in, which hangs in the upgrade. */
    private Process startUpgrade() throws IOException {
        List<String> argv = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.signozha.Main",
                "upgrade",
                "-f",
                Project.path(SimulatedCluster.PRODUCTION.toString()).toString(),
                "--chart-version",
                "0.132.0",
                "--kubeconfig",
                cluster.kubeconfig().toString(),
                "--helm-binary",
                helm.binary().toString(),
                "--helm-grace",
                "20s",
                "--no-clickhouse",
                "--allow-no-baseline",
                "--yes",
                "--lock-ttl",
                LOCK_TTL.toSeconds() + "s"));
        return new ProcessBuilder(argv)
                .redirectOutput(dir.resolve("upgrade.out").toFile())
                .redirectError(dir.resolve("upgrade.err").toFile())
                .start();
    }

    /** Waits until the stand-in hangs in the upgrade; returns its pid. */
    private long awaitHangingHelm(Process upgrade) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        Pattern upgradeCall = Pattern.compile("call pid=(\\d+) upgrade ");
        while (System.nanoTime() < deadline && upgrade.isAlive()) {
            String log = helm.calls();
            Matcher call = upgradeCall.matcher(log);
            if (log.contains("upgrade started") && call.find()) {
                return Long.parseLong(call.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("helm never hung in the upgrade:\n" + Files.readString(dir.resolve("upgrade.err")));
    }

    private DeployAction.Request upgradeRequest(boolean recover) {
        return SimulatedCluster.request(
                        DeployAction.Kind.UPGRADE,
                        dev.signozha.actions.InputFiles.readText(SimulatedCluster.PRODUCTION),
                        Optional.of("0.132.0"))
                .toBuilder()
                .lockWait(LOCK_TTL.multipliedBy(3))
                .safety(new DeployAction.Safety(recover, true, true))
                .build();
    }

    private HelmRevision latest() {
        List<HelmRevision> history = world.helm().history(NAMESPACE, "signoz");
        return history.get(history.size() - 1);
    }

    /** Whether process {@code pid} ignores signal {@code number} (its SigIgn mask in /proc). */
    private static boolean ignores(long pid, int number) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .map(line -> Long.parseUnsignedLong(
                        line.substring("SigIgn:".length()).strip(), 16))
                .anyMatch(mask -> (mask & (1L << (number - 1))) != 0);
    }
}
