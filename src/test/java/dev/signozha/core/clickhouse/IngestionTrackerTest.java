package dev.signozha.core.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestionTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-21T03:00:00Z");

    private static IngestionSample sample(int second, long rows, int newestSecond) {
        return new IngestionSample(
                T0.plusSeconds(second),
                Map.of(
                        "traces",
                        new IngestionSample.Signal(
                                "signoz_traces.distributed_signoz_index_v3", rows, T0.plusSeconds(newestSecond))));
    }

    @Test
    void longestGap_isTheLongestTimeBetweenSamplesThatSawDataAdvance() {
        IngestionTracker tracker = new IngestionTracker(sample(0, 100, 0));
        tracker.record(sample(10, 110, 9));
        tracker.record(sample(20, 110, 9));
        tracker.record(sample(30, 110, 9));
        tracker.record(sample(40, 150, 39));
        tracker.record(sample(50, 160, 49));
        assertEquals(Duration.ofSeconds(30), tracker.longestGaps().get("traces"));
        assertEquals(List.of(), tracker.stalled());
        assertEquals("longest ingestion gap: traces 30s; stalled: none", tracker.summary());
    }

    @Test
    void aSignalThatNeverAdvances_isStalled_andItsGapIsStillOpen() {
        IngestionTracker tracker = new IngestionTracker(sample(0, 100, 0));
        tracker.record(sample(10, 100, 0));
        tracker.record(sample(25, 100, 0));
        assertEquals(List.of("traces"), tracker.stalled());
        assertEquals(Duration.ofSeconds(25), tracker.longestGaps().get("traces"));
    }

    @Test
    void aTableEmptyBeforeTheUpgrade_isNotCalledStalled() {
        IngestionTracker tracker = new IngestionTracker(new IngestionSample(
                T0, Map.of("logs", new IngestionSample.Signal("signoz_logs.distributed_logs_v2", 0, null))));
        tracker.record(new IngestionSample(
                T0.plusSeconds(10),
                Map.of("logs", new IngestionSample.Signal("signoz_logs.distributed_logs_v2", 0, null))));
        assertEquals(List.of(), tracker.stalled());
    }
}
