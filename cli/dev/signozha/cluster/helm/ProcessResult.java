package dev.signozha.cluster.helm;

/**
 * How a process ended. {@code timedOut} means it was stopped at its deadline; {@code exitCode} is
 * then whatever the stopped process returned, and the output is what it had printed until then.
 */
public record ProcessResult(int exitCode, String stdout, String stderr, boolean timedOut) {

    public ProcessResult {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    /** Ended by itself with exit code 0. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}
