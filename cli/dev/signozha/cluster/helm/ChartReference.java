package dev.signozha.cluster.helm;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which chart to use: a chart {@code name} in the repository at {@code repository} (helm's
 * {@code --repo}) pinned to {@code version}, or a chart directory or archive on disk (no repository,
 * no version). Nothing here may start with '-', so no part can be read by helm as a flag.
 */
public record ChartReference(String name, Optional<String> repository, Optional<String> version) {

    public ChartReference {
        ArgumentChecks.requireToken("chart", name);
        repository.ifPresent(value -> ArgumentChecks.requireToken("chart repository", value));
        version.ifPresent(value -> ArgumentChecks.requireToken("chart version", value));
    }

    /** {@code name} at {@code version} from the chart repository at {@code repositoryUrl}. */
    public static ChartReference remote(String name, String repositoryUrl, String version) {
        return new ChartReference(name, Optional.of(repositoryUrl), Optional.of(version));
    }

    /** A chart directory or packaged chart on disk. */
    public static ChartReference local(Path chart) {
        return new ChartReference(chart.toAbsolutePath().normalize().toString(), Optional.empty(), Optional.empty());
    }
}
