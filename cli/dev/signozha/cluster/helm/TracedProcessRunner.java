package dev.signozha.cluster.helm;

import dev.signozha.core.Trace;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Traces each program run: its command line, exit code and duration. helm is never given a secret on its
 * command line (values travel in private files), so the line is safe to show; the extra environment is not shown.
 */
public final class TracedProcessRunner implements ProcessRunner {

    private final ProcessRunner runner;
    private final Trace trace;

    TracedProcessRunner(ProcessRunner runner, Trace trace) {
        this.runner = runner;
        this.trace = trace;
    }

    /** {@code runner}, traced when the trace goes anywhere. */
    public static ProcessRunner of(ProcessRunner runner, Trace trace) {
        return trace.enabled() ? new TracedProcessRunner(runner, trace) : runner;
    }

    @Override
    public ProcessResult run(List<String> argv, Map<String, String> extraEnv, Duration timeout) throws IOException {
        long start = System.nanoTime();
        String command = String.join(" ", argv);
        try {
            ProcessResult result = runner.run(argv, extraEnv, timeout);
            trace.line(command + " → " + (result.timedOut() ? "timed out" : "exit " + result.exitCode()) + " ("
                    + Trace.since(start) + ")");
            return result;
        } catch (IOException e) {
            trace.line(command + " → cannot start: " + e.getMessage());
            throw e;
        }
    }
}
