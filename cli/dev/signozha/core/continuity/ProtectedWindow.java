package dev.signozha.core.continuity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rows of a signal an upgrade must keep: those with a timestamp in [{@code from}, {@code until}), where
 * {@code until} is when the upgrade started and {@code from} is the oldest timestamp that TTL cannot reach before
 * {@code until + grace}: {@code until - ttl + grace}. A table without TTL protects everything before the upgrade
 * ({@code from} is {@link Instant#EPOCH}). Rows written later (new ingestion, late batches with old timestamps) can
 * only add to the count, so "fewer protected rows after than before" means data was lost.
 *
 * @param from  the oldest protected timestamp
 * @param until the upgrade's start; newer rows are not protected
 * @param grace how long after {@code until} the comparison holds: TTL reaches into the window after that
 */
public record ProtectedWindow(Instant from, Instant until, Duration grace) {

    /** The window for a table of this retention, an upgrade starting at {@code start} and bounded by {@code grace}. */
    public static Optional<ProtectedWindow> of(Retention retention, Instant start, Duration grace) {
        if (retention instanceof Retention.Forever) {
            return Optional.of(new ProtectedWindow(Instant.EPOCH, start, grace));
        }
        if (retention instanceof Retention.Expires expires) {
            Instant from = start.minus(expires.ttl()).plus(grace);
            return Optional.of(new ProtectedWindow(from.isBefore(Instant.EPOCH) ? Instant.EPOCH : from, start, grace));
        }
        return Optional.empty();
    }

    /** Whether TTL cannot have reached the window by {@code at}. */
    public boolean holdsAt(Instant at) {
        return !at.isAfter(until.plus(grace));
    }
}
