package dev.signozha.core.topology;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who owns the ClickHouseInstallation: the tool (external to the chart) or the chart's clickhouse subchart. */
public enum ClickHouseMode {
    EXTERNAL,
    BUNDLED;

    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
