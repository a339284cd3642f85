package dev.signozha.cluster.helm;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.text.GoDuration;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs real processes. stdin is {@code /dev/null}, so a program can never wait for an answer
 * nobody will type; stdout and stderr are read concurrently; at the deadline, and when the calling
 * thread is interrupted (Ctrl-C, SIGTERM), the whole process tree gets SIGTERM (helm 3.7+ then
 * marks a cancelled upgrade as failed instead of leaving it pending) and, only when it is still
 * running after a grace period, SIGKILL ({@link Process#destroy()} is SIGTERM on Linux,
 * {@link Process#destroyForcibly()} SIGKILL).
 */
public final class SystemProcessRunner implements ProcessRunner {

    /** How long helm gets to mark its release failed and exit after SIGTERM; {@code --helm-grace}. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(60);
    /** How long output may still arrive after the process ended (a grandchild holding the pipe). */
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(5);

    private static final File DEV_NULL = new File("/dev/null");

    private final Duration stopGrace;

    public SystemProcessRunner() {
        this(DEFAULT_STOP_GRACE);
    }

    /** @param stopGrace how long a process may take to exit after SIGTERM before it is killed */
    public SystemProcessRunner(Duration stopGrace) {
        this.stopGrace = stopGrace;
    }

    @Override
    public ProcessResult run(List<String> argv, Map<String, String> extraEnv, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().putAll(extraEnv);
        if (DEV_NULL.exists()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        }
        Process process = builder.start();
        if (!DEV_NULL.exists()) {
            process.getOutputStream().close();
        }
        StreamDrain stdout = StreamDrain.start(process.getInputStream(), "process-stdout");
        StreamDrain stderr = StreamDrain.start(process.getErrorStream(), "process-stderr");
        try {
            boolean finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!finished) {
                stopTree(process);
            }
            int exitCode = process.waitFor();
            return new ProcessResult(exitCode, stdout.text(DRAIN_WAIT), stderr.text(DRAIN_WAIT), !finished);
        } catch (InterruptedException e) {
            String stopped = stopAfterInterrupt(process);
            String error = errorOf(stderr);
            Thread.currentThread().interrupt();
            throw new SignozHaException(
                    ExitCode.INTERNAL_ERROR,
                    "interrupted while running " + argv.get(0) + "; " + stopped + (error.isEmpty() ? "" : ": " + error),
                    e);
        }
    }

    /** What the stopped process said was wrong (helm: {@code Error: UPGRADE FAILED: context canceled}). */
    private static String errorOf(StreamDrain stderr) {
        try {
            return HelmException.errorText(stderr.text(DRAIN_WAIT));
        } catch (InterruptedException again) {
            return "";
        }
    }

    /**
     * Stops the process tree of an interrupted run as a deadline does, waiting out the grace even though this
     * thread was interrupted (the interrupt is what asked for the stop); says how it ended.
     */
    private String stopAfterInterrupt(Process process) {
        boolean stopped;
        try {
            stopped = stopTree(process);
        } catch (InterruptedException again) {
            // Asked twice: no more waiting.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            stopped = false;
        }
        return stopped
                ? "it stopped on SIGTERM (exit " + process.exitValue() + ")"
                : "it did not stop within " + GoDuration.format(stopGrace) + " of SIGTERM and was killed";
    }

    /**
     * SIGTERM to the process and its descendants; SIGKILL to all of them once the process itself is
     * gone or the grace has passed; returns whether the process ended within the grace. Only the process is waited for: a descendant that already died
     * but is not yet reaped would look alive until the grace ran out.
     */
    private boolean stopTree(Process process) throws InterruptedException {
        // Collected first: once the parent is gone its children are re-parented and no longer found.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        boolean stopped = process.waitFor(stopGrace.toNanos(), TimeUnit.NANOSECONDS);
        tree.forEach(ProcessHandle::destroyForcibly);
        return stopped;
    }
}
