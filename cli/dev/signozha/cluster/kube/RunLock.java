package dev.signozha.cluster.kube;

import dev.signozha.core.SignozHaException;
import dev.signozha.core.state.LockHeldException;
import dev.signozha.core.state.LockHolder;
import dev.signozha.core.state.LockLease;
import java.time.Duration;
import java.util.Optional;

/** The lock that keeps two runs from acting on one installation at once, as a run uses it. */
public interface RunLock extends AutoCloseable {

    /**
     * Takes the lock, waiting up to {@code wait} for a held one to be released or to expire; throws
     * {@link LockHeldException} when it is still held then. Returns this.
     */
    RunLock acquire(Duration wait);

    /** Throws {@link LockHeldException} when the lock was lost since it was taken, so the run stops. */
    void ensureHeld();

    /** The holder this lock acquires as. */
    LockHolder holder();

    /** Removes whatever lock is there, held or not, recording {@code reason}; returns the holder it removed. */
    Optional<LockLease> forceUnlock(String reason);

    /** Why {@link #close()} could not release the lock, if it could not. */
    Optional<SignozHaException> releaseFailure();

    /** Releases the lock if it is still this run's; a failure is kept for {@link #releaseFailure()}. */
    @Override
    void close();
}
