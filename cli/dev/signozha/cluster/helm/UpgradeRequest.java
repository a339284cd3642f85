package dev.signozha.cluster.helm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One {@code helm upgrade --install}. Values files are applied in order (the last wins) and are
 * passed by path only: their content (possibly a password) never appears in an argument, a message
 * or a log. {@code timeout} is helm's {@code --timeout} for its own operations (hooks); the process
 * itself gets a little longer.
 */
public record UpgradeRequest(
        String release,
        String namespace,
        ChartReference chart,
        List<Path> valuesFiles,
        Duration timeout,
        HelmDryRun dryRun) {

    public UpgradeRequest {
        ArgumentChecks.requireReleaseName(release);
        ArgumentChecks.requireNamespace(namespace);
        if (chart == null || dryRun == null) {
            throw new IllegalArgumentException("chart and dryRun are required");
        }
        valuesFiles = valuesFiles.stream()
                .map(file -> file.toAbsolutePath().normalize())
                .toList();
        ArgumentChecks.requirePositive(timeout);
    }
}
