package dev.signozha.core.clickhouse;

import java.time.Duration;

/** Limits of the ClickHouse-level checks; each has a doctor flag. */
public record Thresholds(
        Duration maxReplicationDelay, long maxReplicationQueue, Duration maxDdlAge, Duration maxIngestionGap) {

    public static final Thresholds DEFAULTS =
            new Thresholds(Duration.ofSeconds(300), 100, Duration.ofMinutes(10), Duration.ofMinutes(10));
}
