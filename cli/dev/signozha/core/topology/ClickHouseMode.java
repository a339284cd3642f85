package dev.signozha.core.topology;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who owns the ClickHouseInstallation: the tool (external to the chart), the chart's clickhouse subchart, or
 * someone else (existing: made by another Helm release or by hand; the tool neither renders nor changes it).
 */
public enum ClickHouseMode {
    EXTERNAL,
    BUNDLED,
    EXISTING;

    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The tool renders and applies the ClickHouseInstallation and its ZooKeeper. */
    public boolean ownedByTool() {
        return this == EXTERNAL;
    }

    /** The chart installs no ClickHouse and its values point every component at the host (externalClickhouse). */
    public boolean outsideChart() {
        return this != BUNDLED;
    }
}
