package dev.signozha.core.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Who holds, or asks for, the run lock: {@code user@host}, the process id, a run id that tells two runs of
 * the same user on the same host apart, the command, when the lock was acquired and how long it lives
 * without a renewal.
 *
 * <p>Times are kept to the microsecond and the TTL to the whole second, as a Kubernetes Lease stores them,
 * so a holder read back from the cluster equals the one written.
 *
 * @param identity   {@code user@host}; the Lease's {@code holderIdentity}
 * @param pid        the process id of the run
 * @param runId      unique per run; with {@code identity} it decides whether a lease is ours
 * @param command    the subcommand the run executes, e.g. {@code deploy}
 * @param acquiredAt when the lock was acquired (for a candidate: when it was created)
 * @param ttl        how long the lock lives after its last renewal; at least one second
 */
public record LockHolder(String identity, long pid, UUID runId, String command, Instant acquiredAt, Duration ttl) {

    public LockHolder {
        Objects.requireNonNull(runId, "runId");
        if (identity == null || identity.isBlank()) {
            throw new IllegalArgumentException("a lock holder needs an identity (user@host)");
        }
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("a lock holder needs the command it runs");
        }
        acquiredAt = Objects.requireNonNull(acquiredAt, "acquiredAt").truncatedTo(ChronoUnit.MICROS);
        if (ttl == null || ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("a lock TTL must be at least one second, not " + ttl);
        }
        ttl = Duration.ofSeconds(ttl.toSeconds());
    }

    /** A candidate for the lock with a fresh run id, stamped with the clock's time. */
    public static LockHolder of(String user, String host, long pid, String command, Duration ttl, Clock clock) {
        return new LockHolder(user + "@" + host, pid, UUID.randomUUID(), command, clock.instant(), ttl);
    }

    /** This holder, acquired at the given time. */
    public LockHolder acquiredAt(Instant when) {
        return new LockHolder(identity, pid, runId, command, when, ttl);
    }

    /** Whether the other holder is this same run (identity and run id; times and TTL may differ). */
    public boolean sameRun(LockHolder other) {
        return other != null && identity.equals(other.identity) && runId.equals(other.runId);
    }

    /** {@code alice@ci-7 (pid 4242, deploy)}. */
    public String describe() {
        return identity + " (pid " + pid + ", " + command + ")";
    }
}
