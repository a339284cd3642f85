package dev.signozha.core.clickhouse;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far each signal's data had come at one moment: its row count and newest timestamp ({@code null} when
 * the table has no row), keyed by signal (traces, logs, metrics).
 */
public record IngestionSample(Instant at, Map<String, Signal> signals) {

    public IngestionSample {
        signals = new TreeMap<>(signals);
    }

    /** One signal's table at that moment. */
    public record Signal(String table, long rows, Instant newest) {

        /** Whether this is further along than {@code earlier}: more rows or a newer row. */
        public boolean advancedFrom(Signal earlier) {
            return rows > earlier.rows || newest != null && (earlier.newest == null || newest.isAfter(earlier.newest));
        }
    }
}
