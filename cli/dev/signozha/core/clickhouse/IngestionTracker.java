package dev.signozha.core.clickhouse;

import dev.signozha.core.text.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows ingestion through an upgrade: the baseline taken before it starts, then samples while it runs. A
 * signal's gap is the time between two samples at which it was seen advancing (or, at the end, since it last
 * advanced), so gaps are measured to the sampling interval. A signal that never advances past the baseline
 * has stalled. Not thread-safe: one sampler feeds it.
 */
public final class IngestionTracker {

    private final IngestionSample baseline;
    private final Map<String, IngestionSample.Signal> last = new LinkedHashMap<>();
    private final Map<String, Instant> lastAdvance = new LinkedHashMap<>();
    private final Map<String, Duration> longest = new LinkedHashMap<>();
    private final Map<String, Boolean> advanced = new LinkedHashMap<>();
    private Instant latest;

    public IngestionTracker(IngestionSample baseline) {
        this.baseline = baseline;
        this.latest = baseline.at();
        baseline.signals().forEach((signal, state) -> {
            last.put(signal, state);
            lastAdvance.put(signal, baseline.at());
            longest.put(signal, Duration.ZERO);
            advanced.put(signal, false);
        });
    }

    public void record(IngestionSample sample) {
        latest = sample.at();
        sample.signals().forEach((signal, state) -> {
            IngestionSample.Signal before = last.get(signal);
            if (before == null) {
                return;
            }
            if (state.advancedFrom(before)) {
                longest.merge(signal, Duration.between(lastAdvance.get(signal), sample.at()), IngestionTracker::longer);
                lastAdvance.put(signal, sample.at());
                advanced.put(signal, true);
            }
            last.put(signal, state);
        });
    }

    /** Each signal's longest gap so far, the open one since its last advance included. */
    public Map<String, Duration> longestGaps() {
        Map<String, Duration> gaps = new LinkedHashMap<>();
        longest.forEach((signal, gap) ->
                gaps.put(signal, longer(gap, Duration.between(lastAdvance.get(signal), latest))));
        return gaps;
    }

    /** Signals whose table existed with data before and never advanced since. */
    public List<String> stalled() {
        List<String> stalled = new ArrayList<>();
        advanced.forEach((signal, moved) -> {
            if (!moved && baseline.signals().get(signal).newest() != null) {
                stalled.add(signal);
            }
        });
        return stalled;
    }

    /** {@code traces 20s, logs 15s, metrics 10s; stalled: none}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        longestGaps().forEach((signal, gap) -> parts.add(signal + " " + GoDuration.format(gap)));
        List<String> stalled = stalled();
        return "longest ingestion gap: " + (parts.isEmpty() ? "no signal tables" : String.join(", ", parts))
                + "; stalled: " + (stalled.isEmpty() ? "none" : String.join(", ", stalled));
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
