package dev.signozha.cluster.helm;

import dev.signozha.core.text.GoDuration;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import java.time.Duration;

/**
 * A helm command that failed, timed out or printed something unreadable. The message names the
 * command (release and namespace, never values) and, for a failure, helm's own error line.
 */
public final class HelmException extends SignozHaException {

    private static final long serialVersionUID = 1L;
    private final String helmError;
    private final boolean timedOut;

    private HelmException(String message, String helmError, boolean timedOut) {
        super(ExitCode.INTERNAL_ERROR, message);
        this.helmError = helmError;
        this.timedOut = timedOut;
    }

    static HelmException failed(String command, ProcessResult result) {
        String line = errorLine(result.stderr());
        return new HelmException("helm " + command + " failed (exit " + result.exitCode() + "): "
                + (line.isEmpty() ? "helm printed no error" : line), line, false);
    }

    static HelmException timedOut(String command, Duration limit) {
        return new HelmException("helm " + command + " timed out after " + GoDuration.format(limit)
                + " and was stopped", "", true);
    }

    static HelmException unreadable(String command, String problem) {
        return new HelmException("helm " + command + " printed output signoz-ha cannot read: " + problem, "", false);
    }

    /** helm's error line (empty when helm printed none, timed out, or succeeded with unreadable output). */
    public String helmError() {
        return helmError;
    }

    /** Whether helm was stopped at its deadline. */
    public boolean timedOut() {
        return timedOut;
    }

    /**
     * The line that says what went wrong: helm's first {@code Error:} line, else the first non-blank
     * line (helm may print warnings, e.g. about kubeconfig permissions, before its error).
     */
    static String errorLine(String stderr) {
        return stderr.lines().map(String::strip).filter(line -> line.startsWith("Error:")).findFirst()
                .or(() -> stderr.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst())
                .orElse("");
    }
}
