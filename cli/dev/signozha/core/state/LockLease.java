package dev.signozha.core.state;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The run lock as last seen: its holder and when that holder last renewed it. The lock is live until
 * {@code renewedAt + ttl}; after that any run may take it over.
 *
 * @param holder    who holds the lock
 * @param renewedAt the last renewal (the acquisition time until the first renewal)
 */
public record LockLease(LockHolder holder, Instant renewedAt) {

    private static final DateTimeFormatter TIME_OF_DAY =
            DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    public LockLease {
        Objects.requireNonNull(holder, "holder");
        renewedAt = Objects.requireNonNull(renewedAt, "renewedAt").truncatedTo(ChronoUnit.MICROS);
    }

    /** A lease just acquired: renewed at its acquisition time. */
    public static LockLease acquired(LockHolder holder) {
        return new LockLease(holder, holder.acquiredAt());
    }

    /** When the lock frees itself unless renewed again. */
    public Instant expiresAt() {
        return renewedAt.plus(holder.ttl());
    }

    /** Whether the lock still belongs to its holder at {@code now}. */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt());
    }

    /** This lease renewed at {@code now}. */
    public LockLease renewedAt(Instant now) {
        return new LockLease(holder, now);
    }

    /**
     * {@code alice@ci-7 (pid 4242, deploy) since 10:02:11Z, expires 10:07:11Z}: times of day in UTC when they
     * fall on {@code now}'s UTC date, full instants otherwise.
     */
    public String describe(Instant now) {
        return holder.describe() + " since " + format(holder.acquiredAt(), now) + ", expires "
                + format(expiresAt(), now);
    }

    private static String format(Instant time, Instant now) {
        Instant seconds = time.truncatedTo(ChronoUnit.SECONDS);
        boolean sameDay = seconds.truncatedTo(ChronoUnit.DAYS).equals(now.truncatedTo(ChronoUnit.DAYS));
        return sameDay ? TIME_OF_DAY.format(seconds) : seconds.toString();
    }
}
