package dev.signozha.support;

import dev.signozha.cluster.helm.ProcessResult;
import dev.signozha.cluster.helm.SystemProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A tool the tests need that an install script of .ci puts in place ({@code .ci/TOOL/install.sh DEST}, exit 3 with a
 * last line {@code [TOOL] UNAVAILABLE: reason} when it cannot be had here). A tool that cannot be had skips the
 * asking test with the reason, unless the environment has {@code CI=true}: .ci/run installs it beforehand, so there
 * its absence fails the test. A script that breaks in any other way always fails it.
 */
public final class ToolInstall {

    private static final int EXIT_UNAVAILABLE = 3;

    private ToolInstall() {}

    /** Runs .ci/{@code tool}/install.sh for {@code destination}; returns "" when it is there, else why it cannot be. */
    public static String install(String tool, Path destination, Duration timeout) {
        String script = ".ci/" + tool + "/install.sh";
        ProcessResult result;
        try {
            result = new SystemProcessRunner()
                    .run(List.of("bash", Project.path(script).toString(), destination.toString()), Map.of(), timeout);
        } catch (IOException e) {
            return "cannot run bash: " + e.getMessage();
        }
        if (result.timedOut()) {
            return script + " took longer than " + timeout.toMinutes() + " min (npm registry unreachable?)";
        }
        if (result.exitCode() == EXIT_UNAVAILABLE) {
            return result.stderr()
                    .strip()
                    .lines()
                    .reduce((first, second) -> second)
                    .orElse("install.sh exit 3")
                    .replace("[" + tool + "] UNAVAILABLE: ", "");
        }
        if (result.exitCode() != 0 || !Files.exists(destination)) {
            throw new IllegalStateException(script + " failed (exit " + result.exitCode() + "): "
                    + result.stderr().strip());
        }
        return "";
    }

    /** Fails the test under CI=true, else skips it, for a {@code what} that cannot be had for {@code reason}. */
    public static void unavailable(String tool, String what, String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(
                    "CI=true, but there is no " + what + ": " + reason + " (.ci/run runs .ci/" + tool + "/install.sh)");
        }
        Assumptions.abort(what + " unavailable: " + reason + " (with CI=true this is a failure)");
    }
}
