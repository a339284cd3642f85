package dev.signozha.core.topology;

/** A SigNoz chart version, ordered, and the chart era it belongs to. */
public record ChartVersion(int major, int minor, int patch) implements Comparable<ChartVersion> {

    /** First chart with telemetryStoreMigrator.*; earlier ones use schemaMigrator.*. */
    public static final ChartVersion TELEMETRY_STORE_MIGRATOR = new ChartVersion(0, 113, 0);
    /** First chart with the signoz.* component (before it, queryService.*). */
    public static final ChartVersion OLDEST_SUPPORTED = new ChartVersion(0, 74, 0);

    /** The charts whose templates' .Values reads every render is checked against (the tests' chart-keys files). */
    public static final java.util.List<ChartVersion> KEYS_CHECKED =
            java.util.List.of(new ChartVersion(0, 112, 1), new ChartVersion(0, 131, 0));

    /** Parses MAJOR.MINOR.PATCH with an optional leading v and pre-release suffix. */
    public static ChartVersion parse(String text) {
        String[] parts = text.replaceFirst("^v", "").replaceFirst("-.*$", "").split("\\.");
        return new ChartVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    /** Whether this chart configures the migration with telemetryStoreMigrator.* (>= 0.113). */
    public boolean usesTelemetryStoreMigrator() {
        return compareTo(TELEMETRY_STORE_MIGRATOR) >= 0;
    }

    @Override
    public int compareTo(ChartVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
