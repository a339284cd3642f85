package dev.signozha.actions;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.core.clickhouse.IngestionSample;
import dev.signozha.core.clickhouse.IngestionTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ingestion through an upgrade: a baseline before the first change, a sample every {@link #INTERVAL} while it
 * runs (on a daemon thread; a sample ClickHouse cannot answer is skipped), and at the end a wait, until the
 * deadline, for every signal that had data to advance past the baseline. Reports the longest gap per signal.
 */
final class IngestionWatch implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(10);

    private final IngestionProbe probe;
    private final IngestionTracker tracker;
    private final ScheduledExecutorService sampler;

    private IngestionWatch(IngestionProbe probe, IngestionTracker tracker) {
        this.probe = probe;
        this.tracker = tracker;
        this.sampler = tracker == null
                ? null
                : Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "signoz-ha-ingestion");
                    thread.setDaemon(true);
                    return thread;
                });
        if (sampler != null) {
            sampler.scheduleAtFixedRate(this::sample, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Takes the baseline. Without one (no probe, or ClickHouse did not answer) the upgrade is refused before it
     * changes anything, since nothing could tell whether it stopped ingestion; unless {@code allowNoBaseline}:
     * then ingestion is not tracked, and the run says so.
     */
    static IngestionWatch start(IngestionProbe probe, Progress progress, boolean allowNoBaseline) {
        Optional<IngestionSample> baseline = probe.enabled() ? probe.sample() : Optional.empty();
        if (baseline.isEmpty()) {
            String why = probe.enabled()
                    ? "ClickHouse did not answer for the ingestion baseline"
                    : "no access to ClickHouse (--no-clickhouse) for the ingestion baseline";
            Gates.withoutBaseline(
                    allowNoBaseline,
                    progress,
                    why,
                    "stops ingestion",
                    "tracking ingestion",
                    "ingestion is not tracked");
            return off();
        }
        progress.note("ingestion baseline: " + describe(baseline.get()));
        return new IngestionWatch(probe, new IngestionTracker(baseline.get()));
    }

    static IngestionWatch off() {
        return new IngestionWatch(IngestionProbe.none(), null);
    }

    private synchronized void sample() {
        probe.sample().ifPresent(tracker::record);
    }

    /**
     * Samples until every signal with data advanced past the baseline, or fails with INGESTION_STALLED at
     * {@code deadline}.
     */
    void finish(Clock clock, Instant deadline) throws PhaseFailure, InterruptedException {
        if (tracker == null) {
            return;
        }
        sampler.shutdownNow(); // from here this loop samples; the two would ask ClickHouse twice per interval
        while (true) {
            sample();
            synchronized (this) {
                if (tracker.stalled().isEmpty()) {
                    return;
                }
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new PhaseFailure(
                        "ingestion did not resume after the upgrade: "
                                + summary().orElse(""),
                        Optional.of(CheckCatalog.INGESTION_STALLED));
            }
            Thread.sleep(Math.min(
                    INTERVAL.toMillis(),
                    Math.max(1, Duration.between(clock.instant(), deadline).toMillis())));
        }
    }

    /** The longest gap per signal and the stalled ones, when ingestion was tracked. */
    synchronized Optional<String> summary() {
        return tracker == null ? Optional.empty() : Optional.of(tracker.summary());
    }

    private static String describe(IngestionSample sample) {
        StringBuilder text = new StringBuilder();
        sample.signals()
                .forEach((signal, state) -> text.append(text.length() == 0 ? "" : ", ")
                        .append(signal)
                        .append(' ')
                        .append(state.rows())
                        .append(" rows, newest ")
                        .append(state.newest()));
        return text.length() == 0 ? "no signal tables yet" : text.toString();
    }

    @Override
    public void close() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }
}
