package dev.signozha.cluster.kube;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.LockHeldException;
import dev.signozha.core.state.LockHolder;
import dev.signozha.core.state.LockLease;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.text.Messages;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The run lock: the Lease {@value #NAME} (coordination.k8s.io/v1) in the release's namespace, so that two
 * runs never act on one installation at once. The spec carries holderIdentity ({@code user@host}),
 * acquireTime, renewTime and leaseDurationSeconds (the TTL); annotations carry the run id, pid and command.
 *
 * <pre>{@code
 * try (LeaseLock lock = new LeaseLock(client, namespace, holder, state, LeaseLock.Timing.system()).acquire()) {
 *     ... // renewed every TTL/3 meanwhile; call lock.ensureHeld() before each step
 * }   // released on every path
 * }</pre>
 *
 * <p>A lease whose renewTime + TTL has passed belongs to a run that died; it is taken over with an update
 * that carries the read resourceVersion, so of two runs taking it over only one succeeds. Release deletes the
 * lease only while it is still this run's (holderIdentity and run id) and unchanged (a resourceVersion
 * precondition). Requests: acquire 1 (free), 2 (held), 3 (taken over); renew 1; release 2;
 * forceUnlock 4 (with the state record's read and write).
 */
public final class LeaseLock implements RunLock {

    /** The Lease's name. */
    public static final String NAME = "signoz-ha-lock";
    /** A TTL long enough to survive a slow API server, short enough that a crashed run frees the lock soon. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    static final String RUN_ID = "signoz-ha.dev/run-id";
    static final String PID = "signoz-ha.dev/pid";
    static final String COMMAND = "signoz-ha.dev/command";
    /** The longest pause between two looks at a held lock while waiting for it. */
    static final Duration POLL = Duration.ofSeconds(5);

    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;
    private static final int ATTEMPTS = 3;

    private final KubernetesClient client;
    private final String namespace;
    private final LockHolder candidate;
    private final RecordStore state;
    private final Timing timing;

    // Guarded by this: the renewer thread and the run's thread both use them.
    private Lease lease;
    private LockLease held;
    private String lost;
    private Scheduled renewals;
    private SignozHaException releaseFailure;

    /**
     * A lock for {@code holder} (not yet acquired) in {@code namespace}; {@code state} records force-unlocks.
     */
    public LeaseLock(KubernetesClient client, String namespace, LockHolder holder, RecordStore state, Timing timing) {
        this.client = client;
        this.namespace = namespace;
        this.candidate = holder;
        this.state = state;
        this.timing = timing;
    }

    /** The holder for this process: {@code user.name@host}, its pid, a fresh run id. */
    public static LockHolder localHolder(String command, Duration ttl, Clock clock) {
        long pid = ProcessHandle.current().pid();
        return LockHolder.of(LocalProcess.user(), LocalProcess.host(), pid, command, ttl, clock);
    }

    /** Takes the lock or throws {@link LockHeldException} at once; starts renewing it. Returns this. */
    public LeaseLock acquire() {
        return acquire(Duration.ZERO);
    }

    /**
     * Takes the lock, waiting up to {@code wait} for a held one to be released or to expire (looking again at
     * its expiry, and at least every {@link #POLL}); throws {@link LockHeldException} when it is still held then.
     */
    @Override
    public LeaseLock acquire(Duration wait) {
        Instant deadline = timing.clock().instant().plus(wait);
        while (true) {
            try {
                take();
                return this;
            } catch (LockHeldException heldByOther) {
                Instant now = timing.clock().instant();
                if (!now.isBefore(deadline)) {
                    throw heldByOther;
                }
                pause(heldByOther, now, deadline);
            }
        }
    }

    /** The lock as it is in the cluster now: one GET. */
    public Optional<LockLease> read() {
        return call(
                "read", () -> Optional.ofNullable(leases().withName(NAME).get()).flatMap(LeaseLock::decode));
    }

    /** The holder this lock acquires as (its acquiredAt is set when acquired). */
    @Override
    public synchronized LockHolder holder() {
        return held == null ? candidate : held.holder();
    }

    /** Whether this run holds the lock, as far as the last renewal knows. */
    public synchronized boolean isHeld() {
        return held != null && lost == null;
    }

    /** Throws {@link LockHeldException} when a renewal found the lock taken or deleted, so the run stops. */
    @Override
    public synchronized void ensureHeld() {
        if (lost != null) {
            throw new LockHeldException(NAME, lost);
        }
        if (held == null) {
            throw new IllegalStateException(NAME + " was not acquired");
        }
    }

    /**
     * Pushes renewTime to now, with the last written resourceVersion: one PUT. Returns false, and marks the lock
     * lost, when the lease was taken over or deleted meanwhile; a failed request keeps the lock until it expires.
     */
    public synchronized boolean renew() {
        if (held == null || lost != null) {
            return false;
        }
        Instant now = timing.clock().instant();
        try {
            lease = leases().resource(renewed(lease, now)).update();
            held = held.renewedAt(now);
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == CONFLICT || e.getCode() == NOT_FOUND) {
                lost = stillOurs(now);
            } else if (!held.isLiveAt(now)) {
                lost = "expired at " + held.expiresAt() + " after renewals failed: "
                        + Messages.firstLine(e.getMessage(), "no answer");
            }
            return false;
        }
    }

    /**
     * Stops renewing and deletes the lease if it is still this run's; returns whether it deleted it. A lock
     * never acquired, already released or taken over by another run is left alone.
     */
    public boolean release() {
        stopRenewals();
        synchronized (this) {
            if (held == null) {
                return false;
            }
            LockHolder me = held.holder();
            held = null;
            return call("release", () -> deleteIfOurs(me));
        }
    }

    /** {@link #release()}, keeping a failure for {@link #releaseFailure()}: the lease then expires on its own. */
    @Override
    public void close() {
        try {
            release();
        } catch (SignozHaException e) {
            synchronized (this) {
                releaseFailure = e;
            }
        }
    }

    /** Why {@link #close()} could not release the lock, if it could not. */
    @Override
    public synchronized Optional<SignozHaException> releaseFailure() {
        return Optional.ofNullable(releaseFailure);
    }

    /**
     * Deletes whatever lease is there, held or not, and records the reason and the holder it removed in the
     * state record's history; returns that holder. Nothing is deleted when the reason would put a secret in
     * the state record.
     */
    @Override
    public Optional<LockLease> forceUnlock(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new SignozHaException(
                    ExitCode.BAD_INPUT,
                    "--force-unlock needs --reason: say why the lock of "
                            + "another run may be broken; it is recorded in the state record's history");
        }
        Instant now = timing.clock().instant();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Lease seen = call("read", () -> leases().withName(NAME).get());
            if (seen == null) {
                return Optional.empty();
            }
            Optional<LockLease> previous = decode(seen);
            String detail = "reason: " + reason.strip() + "; removed the lock of "
                    + previous.map(p -> p.describe(now) + ", run " + p.holder().runId())
                            .orElse("an unreadable lease");
            state.refuseSecrets(StateRecord.empty().withEntry(entry(now, detail, StateRecord.empty())));
            if (call("force-unlock", () -> deleteIfUnchanged(seen))) {
                state.update(record -> record.withEntry(entry(now, detail, record)));
                return previous;
            }
        }
        throw new LockHeldException(NAME, "kept changing while this run tried to remove it");
    }

    private HistoryEntry entry(Instant now, String detail, StateRecord record) {
        return new HistoryEntry(
                now,
                candidate.command(),
                record.chartVersion(),
                record.valuesHash(),
                HistoryEntry.FORCE_UNLOCKED,
                candidate.identity(),
                detail);
    }

    private synchronized void take() {
        if (held != null) {
            throw new IllegalStateException(NAME + " is already held by this run");
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = timing.clock().instant();
            LockHolder me = candidate.acquiredAt(now);
            Optional<Lease> taken = call("acquire", () -> tryTake(me, now));
            if (taken.isPresent()) {
                lease = taken.get();
                held = LockLease.acquired(me);
                lost = null;
                startRenewals();
                return;
            }
        }
        throw new LockHeldException(NAME, "kept changing while this run tried to take it");
    }

    /** One attempt: create, or take over an expired lease; empty when the lease changed meanwhile. */
    private Optional<Lease> tryTake(LockHolder me, Instant now) {
        try {
            return Optional.of(leases().resource(written(
                            new LeaseBuilder()
                                    .withNewMetadata()
                                    .withName(NAME)
                                    .withNamespace(namespace)
                                    .endMetadata()
                                    .build(),
                            me,
                            now))
                    .create());
        } catch (KubernetesClientException e) {
            if (e.getCode() != CONFLICT) {
                throw e;
            }
        }
        Lease current = leases().withName(NAME).get();
        if (current == null) {
            return Optional.empty();
        }
        Optional<LockLease> other = decode(current);
        if (other.isPresent()
                && other.get().isLiveAt(now)
                && !other.get().holder().sameRun(me)) {
            throw new LockHeldException(NAME, other.get(), now);
        }
        try {
            return Optional.of(leases().resource(written(current, me, now)).update());
        } catch (KubernetesClientException e) {
            if (e.getCode() == CONFLICT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private boolean deleteIfOurs(LockHolder me) {
        Lease seen = leases().withName(NAME).get();
        if (seen == null
                || decode(seen).filter(other -> other.holder().sameRun(me)).isEmpty()) {
            return false;
        }
        return deleteIfUnchanged(seen);
    }

    /** Deletes the lease if its resourceVersion is still the one read; false on a conflict. */
    private boolean deleteIfUnchanged(Lease seen) {
        try {
            String version = seen.getMetadata().getResourceVersion();
            return !leases().withName(NAME)
                    .lockResourceVersion(version)
                    .delete()
                    .isEmpty();
        } catch (KubernetesClientException e) {
            if (e.getCode() == CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /**
     * After a conflict: null when the lease is still ours (a renewal whose answer was lost moved its
     * resourceVersion; the next renewal uses the new one), otherwise why the lock is lost.
     */
    private String stillOurs(Instant now) {
        Lease seen;
        try {
            seen = leases().withName(NAME).get();
        } catch (KubernetesClientException e) {
            return held.isLiveAt(now) ? null : "expired at " + held.expiresAt() + " after renewals failed";
        }
        if (seen == null) {
            return "was deleted while this run held it (--force-unlock by another run?)";
        }
        Optional<LockLease> other = decode(seen);
        if (other.isPresent() && other.get().holder().sameRun(held.holder())) {
            lease = seen;
            return null;
        }
        return "was taken over while this run held it, by "
                + other.map(lock -> lock.describe(now)).orElse("nobody (the lease was emptied)");
    }

    private void pause(LockHeldException heldByOther, Instant now, Instant deadline) {
        Instant next = heldByOther.lease().map(LockLease::expiresAt).orElse(now.plus(POLL));
        Duration pause = min(min(Duration.between(now, next), POLL), Duration.between(now, deadline));
        try {
            timing.sleeper().sleep(pause.isNegative() || pause.isZero() ? Duration.ofMillis(1) : pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw heldByOther;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void startRenewals() {
        Duration period = candidate.ttl().dividedBy(3);
        renewals = timing.renewals().every(period, this::renewQuietly);
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again; the next period tries anew.
        }
    }

    private void stopRenewals() {
        Scheduled running;
        synchronized (this) {
            running = renewals;
            renewals = null;
        }
        if (running != null) {
            running.close();
        }
    }

    /** {@code base} (a new lease or the one read) rewritten for holder {@code me}, acquired and renewed now. */
    private static Lease written(Lease base, LockHolder me, Instant now) {
        boolean changesHands =
                decode(base).map(before -> !before.holder().sameRun(me)).orElse(true);
        int transitions = base.getSpec() == null || base.getSpec().getLeaseTransitions() == null
                ? 0
                : base.getSpec().getLeaseTransitions() + (changesHands ? 1 : 0);
        return new LeaseBuilder(base)
                .editMetadata()
                .addToLabels(StateStore.LABELS)
                .addToAnnotations(
                        Map.of(RUN_ID, me.runId().toString(), PID, Long.toString(me.pid()), COMMAND, me.command()))
                .endMetadata()
                .editOrNewSpec()
                .withHolderIdentity(me.identity())
                .withAcquireTime(utc(me.acquiredAt()))
                .withRenewTime(utc(now))
                .withLeaseDurationSeconds((int) me.ttl().toSeconds())
                .withLeaseTransitions(transitions)
                .endSpec()
                .build();
    }

    private static Lease renewed(Lease lease, Instant now) {
        return new LeaseBuilder(lease)
                .editSpec()
                .withRenewTime(utc(now))
                .endSpec()
                .build();
    }

    /**
     * The lease as a {@link LockLease}; empty when nobody holds it (no holderIdentity). A lease written by
     * something else than this tool reads as pid 0, command "unknown" and the nil run id; one without times
     * or duration reads as expired.
     */
    static Optional<LockLease> decode(Lease lease) {
        if (lease.getSpec() == null
                || lease.getSpec().getHolderIdentity() == null
                || lease.getSpec().getHolderIdentity().isBlank()) {
            return Optional.empty();
        }
        Map<String, String> notes = lease.getMetadata().getAnnotations() == null
                ? Map.of()
                : lease.getMetadata().getAnnotations();
        Instant acquired = Optional.ofNullable(lease.getSpec().getAcquireTime())
                .map(ZonedDateTime::toInstant)
                .orElse(Instant.EPOCH);
        Instant renewed = Optional.ofNullable(lease.getSpec().getRenewTime())
                .map(ZonedDateTime::toInstant)
                .orElse(acquired);
        int seconds =
                Optional.ofNullable(lease.getSpec().getLeaseDurationSeconds()).orElse(0);
        LockHolder holder = new LockHolder(
                lease.getSpec().getHolderIdentity(),
                parsePid(notes.get(PID)),
                parseRunId(notes.get(RUN_ID)),
                notes.getOrDefault(COMMAND, "unknown"),
                acquired,
                Duration.ofSeconds(Math.max(1, seconds)));
        // A lease without a duration is expired: make it so by dating its renewal a TTL back.
        return Optional.of(new LockLease(holder, seconds > 0 ? renewed : renewed.minus(holder.ttl())));
    }

    private static long parsePid(String pid) {
        try {
            return pid == null ? 0 : Long.parseLong(pid);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static UUID parseRunId(String runId) {
        try {
            return runId == null ? new UUID(0, 0) : UUID.fromString(runId);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    private static ZonedDateTime utc(Instant instant) {
        return ZonedDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private NonNamespaceOperation<Lease, LeaseList, Resource<Lease>> leases() {
        return client.leases().inNamespace(namespace);
    }

    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw KubeFailures.cannot(what + " Lease/" + namespace + "/" + NAME, e);
        }
    }

    /**
     * How the lock tells time, waits for a held lock and schedules its renewals. Tests pass a clock they move,
     * a sleeper that moves it, and renewals they run by hand.
     *
     * @param clock    the time acquisitions, renewals and expiry are judged by
     * @param sleeper  pauses between looks at a held lock
     * @param renewals runs the renewal every TTL/3
     */
    public record Timing(Clock clock, Sleeper sleeper, Renewals renewals) {

        /** The system UTC clock, real sleeps, a daemon renewal thread. */
        public static Timing system() {
            return new Timing(Clock.systemUTC(), pause -> Thread.sleep(pause.toMillis()), new RenewalThread());
        }
    }

    /** Pauses the calling thread. */
    @FunctionalInterface
    public interface Sleeper {
        /** Returns after {@code pause}, or throws when interrupted. */
        void sleep(Duration pause) throws InterruptedException;
    }

    /** Runs a task periodically until the returned handle is closed. */
    @FunctionalInterface
    public interface Renewals {
        /** Runs {@code renewal} every {@code period}, first after one period. */
        Scheduled every(Duration period, Runnable renewal);
    }

    /** A periodic task; closing it cancels it and waits for a run in progress. */
    @FunctionalInterface
    public interface Scheduled extends AutoCloseable {
        @Override
        void close();
    }
}
