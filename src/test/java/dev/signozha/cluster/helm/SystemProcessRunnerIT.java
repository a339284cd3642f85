package dev.signozha.cluster.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.SignozHaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Real processes (sh, cat, sleep): output, stdin, large output, and stopping a whole tree at the deadline. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SystemProcessRunnerIT {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private final SystemProcessRunner runner = new SystemProcessRunner(Duration.ofMillis(500));

    @Test
    void run_commandEnds_capturesStdoutStderrAndExitCode() throws IOException {
        ProcessResult result = runner.run(sh("echo out; echo err >&2; exit 3"), Map.of(), TEN_SECONDS);

        assertEquals(new ProcessResult(3, "out\n", "err\n", false), result);
    }

    @Test
    void run_extraEnv_reachesTheProcess() throws IOException {
        ProcessResult result =
                runner.run(sh("echo \"$SIGNOZ_HA_TEST\""), Map.of("SIGNOZ_HA_TEST", "visible"), TEN_SECONDS);

        assertEquals("visible\n", result.stdout());
    }

    @Test
    void run_processReadsStdin_getsEndOfInputAtOnce() throws IOException {
        long start = System.nanoTime();

        ProcessResult result = runner.run(List.of("cat"), Map.of(), TEN_SECONDS);

        assertEquals(new ProcessResult(0, "", "", false), result);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void run_bothStreamsFarBeyondThePipeBuffer_neitherBlocks() throws IOException {
        ProcessResult result = runner.run(
                sh("i=0; while [ $i -lt 20000 ]; do"
                        + " echo 0123456789012345678901234567890123456789012345678; echo abcdefghijabcdefghijabcdefghijabcdefghijabcdefghi >&2;"
                        + " i=$((i+1)); done"),
                Map.of(),
                Duration.ofSeconds(60));

        assertFalse(result.timedOut());
        assertEquals(20000 * 50, result.stdout().length());
        assertEquals(20000 * 50, result.stderr().length());
    }

    @Test
    void run_pastTheDeadline_stopsTheProcessAndItsChildren() throws Exception {
        long start = System.nanoTime();

        ProcessResult result = runner.run(sh("sleep 60 & echo $!; wait"), Map.of(), Duration.ofMillis(500));

        assertTrue(result.timedOut());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(8)) < 0);
        assertStops(Long.parseLong(result.stdout().strip()));
    }

    @Test
    void run_processIgnoringSigterm_isKilledAfterTheGrace() throws Exception {
        long start = System.nanoTime();

        ProcessResult result =
                runner.run(sh("trap '' TERM; sleep 60 & echo $!; wait"), Map.of(), Duration.ofMillis(500));

        assertTrue(result.timedOut());
        assertTrue(
                Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(1)) >= 0,
                "SIGKILL came only after the deadline plus the grace");
        assertStops(Long.parseLong(result.stdout().strip()));
    }

    @Test
    void run_interrupted_forwardsSigterm_andWaitsForTheProcessToFinishItsCleanUp(@TempDir Path dir) throws Exception {
        Path cleanedUp = dir.resolve("cleaned-up");
        Path started = dir.resolve("started");
        // As helm does on SIGTERM: finish its own work (mark the release failed), then exit 1.
        String script = "trap 'sleep 0.3; echo failed > " + cleanedUp + "; exit 1' TERM; touch " + started
                + "; while true; do sleep 0.05; done";
        SignozHaException interrupted =
                interruptOnceStarted(new SystemProcessRunner(Duration.ofSeconds(10)), script, started);
        assertTrue(interrupted.getMessage().contains("it stopped on SIGTERM (exit 1)"), interrupted.getMessage());
        assertEquals("failed\n", Files.readString(cleanedUp), "the clean-up ran to its end: no SIGKILL cut it short");
    }

    @Test
    void run_interrupted_killsAProcessIgnoringSigterm_afterTheGrace(@TempDir Path dir) throws Exception {
        Path started = dir.resolve("started");
        long start = System.nanoTime();
        SignozHaException interrupted = interruptOnceStarted(
                runner, "trap '' TERM; touch " + started + "; while true; do sleep 0.05; done", started);
        assertTrue(
                interrupted.getMessage().contains("did not stop within 500ms of SIGTERM and was killed"),
                interrupted.getMessage());
        assertTrue(
                Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(500)) >= 0,
                "SIGKILL came only after the grace");
    }

    /** Runs {@code script} on another thread, interrupts that thread once {@code started} exists, returns what it threw. */
    private static SignozHaException interruptOnceStarted(SystemProcessRunner runner, String script, Path started)
            throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interruptFlagKept = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                runner.run(sh(script), Map.of(), Duration.ofMinutes(1));
            } catch (Throwable e) {
                thrown.set(e);
                interruptFlagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(started) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        caller.interrupt();
        caller.join(Duration.ofSeconds(20).toMillis());
        assertFalse(caller.isAlive());
        assertTrue(interruptFlagKept.get(), "the caller still sees it was interrupted");
        return assertInstanceOf(SignozHaException.class, thrown.get());
    }

    @Test
    void run_binaryMissing_throwsIOException() {
        assertThrows(
                IOException.class,
                () -> runner.run(List.of("/nonexistent/helm-signoz-ha-test"), Map.of(), TEN_SECONDS));
    }

    /**
     * Signals arrive asynchronously, and a killed orphan stays a zombie until init reaps it (which
     * ProcessHandle.isAlive counts as alive): wait a little for the process to be gone or a zombie.
     */
    private static void assertStops(long pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (running(pid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(running(pid), "process " + pid + " survived");
    }

    private static boolean running(long pid) throws IOException {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }
}
