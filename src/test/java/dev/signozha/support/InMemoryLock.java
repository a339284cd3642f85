package dev.signozha.support;

import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.cluster.kube.RunLock;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.state.LockHeldException;
import dev.signozha.core.state.LockHolder;
import dev.signozha.core.state.LockLease;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The run lock of the in-memory cluster: one lease, taken, lost to another run, or released. */
final class InMemoryLock implements RunLock {

    /** The namespace's lease: who holds it, if anyone. */
    static final class Lease {

        private LockLease held;

        synchronized void takeOver(LockHolder other) {
            held = new LockLease(other, other.acquiredAt());
        }
    }

    private final Lease lease;
    private final LockHolder holder;
    private final Clock clock;
    private boolean acquired;

    InMemoryLock(Lease lease, LockHolder holder, Clock clock) {
        this.lease = lease;
        this.holder = holder;
        this.clock = clock;
    }

    @Override
    public RunLock acquire(Duration wait) {
        synchronized (lease) {
            if (lease.held != null && lease.held.isLiveAt(clock.instant())) {
                throw new LockHeldException(LeaseLock.NAME, lease.held, clock.instant());
            }
            lease.held = new LockLease(holder, clock.instant());
            acquired = true;
            return this;
        }
    }

    @Override
    public void ensureHeld() {
        synchronized (lease) {
            if (!ours()) {
                throw new LockHeldException(
                        LeaseLock.NAME,
                        "was taken over while this run held it, by "
                                + (lease.held == null ? "nobody" : lease.held.describe(clock.instant())));
            }
        }
    }

    @Override
    public LockHolder holder() {
        return holder;
    }

    @Override
    public Optional<LockLease> forceUnlock(String reason) {
        synchronized (lease) {
            Optional<LockLease> removed = Optional.ofNullable(lease.held);
            lease.held = null;
            return removed;
        }
    }

    @Override
    public Optional<SignozHaException> releaseFailure() {
        return Optional.empty();
    }

    @Override
    public void close() {
        synchronized (lease) {
            if (ours()) {
                lease.held = null;
            }
        }
    }

    private boolean ours() {
        return acquired && lease.held != null && lease.held.holder().sameRun(holder);
    }
}
