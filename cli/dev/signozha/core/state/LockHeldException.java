package dev.signozha.core.state;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import java.time.Instant;
import java.util.Optional;

/**
 * Another run holds the run lock: the process ends with {@link ExitCode#LOCKED} and a message naming the
 * holder, its command, since when and until when it holds the lock, and how to get past it.
 */
public final class LockHeldException extends SignozHaException {

    private static final long serialVersionUID = 1L;
    /** The way past a lock whose holder died without releasing it. */
    public static final String HINT = "wait, or run with --force-unlock --reason ...";

    private final transient LockLease lease;

    /** The lock {@code lockName} is held by {@code lease}'s holder, as seen at {@code now}. */
    public LockHeldException(String lockName, LockLease lease, Instant now) {
        super(ExitCode.LOCKED, lockName + " is held by " + lease.describe(now) + "; " + HINT);
        this.lease = lease;
    }

    /** The lock was taken by another run while this one tried, and that run could not be read back. */
    public LockHeldException(String lockName, String what) {
        super(ExitCode.LOCKED, lockName + " " + what + "; " + HINT);
        this.lease = null;
    }

    /** The lease that kept this run out, when it could be read. */
    public Optional<LockLease> lease() {
        return Optional.ofNullable(lease);
    }
}
