package dev.signozha.cluster.helm;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.text.GoDuration;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A helm command that failed, timed out or printed something unreadable. The message names the
 * command (release and namespace, never values) and, for a failure, helm's own error, whole: helm's
 * hook failures put the cause on the lines after the first ({@code 1 error occurred:} then
 * {@code \t* job ... failed: BackoffLimitExceeded}).
 */
public final class HelmException extends SignozHaException {

    private static final long serialVersionUID = 1L;
    /** helm's own trace of where an error came from, e.g. {@code helm.go:86: [debug] ...}. */
    private static final Pattern DEBUG_TRACE = Pattern.compile("^\\S+\\.go:\\d+: \\[debug\\]");

    private final String helmError;
    private final boolean timedOut;

    private HelmException(String message, String helmError, boolean timedOut) {
        super(ExitCode.INTERNAL_ERROR, message);
        this.helmError = helmError;
        this.timedOut = timedOut;
    }

    static HelmException failed(String command, ProcessResult result) {
        String error = errorText(result.stderr());
        return new HelmException(
                "helm " + command + " failed (exit " + result.exitCode() + "): "
                        + (error.isEmpty() ? "helm printed no error" : error),
                error,
                false);
    }

    static HelmException timedOut(String command, Duration limit) {
        return new HelmException(
                "helm " + command + " timed out after " + GoDuration.format(limit) + " and was stopped", "", true);
    }

    static HelmException unreadable(String command, String problem) {
        return new HelmException("helm " + command + " printed output signoz-ha cannot read: " + problem, "", false);
    }

    /** helm's error, every line of it (empty when helm printed none, timed out, or succeeded with unreadable output). */
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
        return errorText(stderr).lines().findFirst().orElse("");
    }

    /**
     * helm's error from its {@link #errorLine} on: that line and every non-blank line after it but helm's
     * {@code [debug]} trace lines, trailing blanks removed, indentation kept.
     */
    static String errorText(String stderr) {
        List<String> lines = stderr.lines().map(String::stripTrailing).toList();
        int first = firstErrorLine(lines);
        if (first < 0) {
            return "";
        }
        return lines.get(first).strip()
                + lines.subList(first + 1, lines.size()).stream()
                        .filter(line ->
                                !line.isBlank() && !DEBUG_TRACE.matcher(line).find())
                        .map(line -> "\n" + line)
                        .collect(Collectors.joining());
    }

    private static int firstErrorLine(List<String> lines) {
        int firstText = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("Error:")) {
                return i;
            }
            if (firstText < 0 && !line.isEmpty()) {
                firstText = i;
            }
        }
        return firstText;
    }
}
