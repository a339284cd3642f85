package dev.signozha.cluster.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.LockHeldException;
import dev.signozha.core.state.LockHolder;
import dev.signozha.core.state.LockLease;
import dev.signozha.core.state.StateRecordCodec;
import dev.signozha.support.MockCluster;
import dev.signozha.support.MutableClock;
import dev.signozha.support.PreconditionDispatcher;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeaseLockTest {

    private static final String NAMESPACE = "platform";
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final String SECRET = "pa55-from-clickhouse-credentials";
    private static final String LEASE_PATH = "/apis/coordination.k8s.io/v1/namespaces/platform/leases/signoz-ha-lock";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:02:11Z"));
    private final ManualRenewals renewals = new ManualRenewals();
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private Runnable onSleep = () -> {};
    private PreconditionDispatcher dispatcher;
    private MockCluster cluster;
    private KubernetesClient client;
    private StateStore state;

    @BeforeEach
    void startServer() {
        dispatcher = new PreconditionDispatcher();
        cluster = MockCluster.withDeletePreconditions(dispatcher);
        client = cluster.client();
        state = new StateStore(client, NAMESPACE, new StateRecordCodec(List.of(SECRET)));
    }

    @AfterEach
    void stopServer() {
        cluster.close();
    }

    private LockHolder holder(String identity, long pid, String command) {
        return new LockHolder(identity, pid, UUID.randomUUID(), command, clock.instant(), TTL);
    }

    private LeaseLock lock(LockHolder holder) {
        LeaseLock.Sleeper sleeper = pause -> {
            slept.add(pause);
            clock.advance(pause);
            onSleep.run();
        };
        return new LeaseLock(client, NAMESPACE, holder, state, new LeaseLock.Timing(clock, sleeper, renewals));
    }

    private Lease stored() {
        return client.leases().inNamespace(NAMESPACE).withName(LeaseLock.NAME).get();
    }

    @Test
    void acquire_freeLock_createsTheLeaseInOneRequest() {
        LockHolder alice = holder("alice@ci-7", 4242, "deploy");
        int before = cluster.requestCount();

        LeaseLock lock = lock(alice).acquire();

        assertEquals(1, cluster.requestCount() - before);
        Lease lease = stored();
        assertEquals("alice@ci-7", lease.getSpec().getHolderIdentity());
        assertEquals(
                ZonedDateTime.parse("2026-11-20T10:02:11Z"), lease.getSpec().getAcquireTime());
        assertEquals(
                ZonedDateTime.parse("2026-11-20T10:02:11Z"), lease.getSpec().getRenewTime());
        assertEquals(300, lease.getSpec().getLeaseDurationSeconds());
        assertEquals(
                Map.of(
                        "signoz-ha.dev/run-id",
                        alice.runId().toString(),
                        "signoz-ha.dev/pid",
                        "4242",
                        "signoz-ha.dev/command",
                        "deploy"),
                lease.getMetadata().getAnnotations());
        assertEquals("signoz-ha", lease.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
        assertTrue(lock.isHeld());
        assertEquals(Optional.of(LockLease.acquired(alice)), lock.read());
    }

    @Test
    void acquire_heldByAnotherRun_throwsLockHeldNamingTheHolder() {
        lock(holder("alice@ci-7", 4242, "deploy")).acquire();
        clock.advance(Duration.ofMinutes(1));
        int before = cluster.requestCount();

        LockHeldException held = assertThrows(
                LockHeldException.class,
                () -> lock(holder("bob@laptop", 77, "upgrade")).acquire());

        assertEquals(
                "signoz-ha-lock is held by alice@ci-7 (pid 4242, deploy) since 10:02:11Z, expires 10:07:11Z; "
                        + "wait, or run with --force-unlock --reason ...",
                held.getMessage());
        assertEquals(ExitCode.LOCKED, held.exitCode());
        assertEquals(2, cluster.requestCount() - before, "a refused create and one read");
        assertEquals("alice@ci-7", stored().getSpec().getHolderIdentity());
    }

    @Test
    void acquire_sameUserAndHostInAnotherRun_isStillRefused() {
        lock(holder("alice@ci-7", 4242, "deploy")).acquire();

        LockHeldException held = assertThrows(
                LockHeldException.class,
                () -> lock(holder("alice@ci-7", 4243, "upgrade")).acquire());

        assertTrue(held.getMessage().contains("alice@ci-7 (pid 4242, deploy)"), held.getMessage());
    }

    @Test
    void acquire_expiredLease_isTakenOverWithItsResourceVersion() {
        lock(holder("alice@ci-7", 4242, "deploy")).acquire();
        clock.advance(TTL.plusSeconds(1));
        LockHolder bob = holder("bob@laptop", 77, "upgrade");
        int before = cluster.requestCount();

        LeaseLock lock = lock(bob).acquire();

        assertEquals(3, cluster.requestCount() - before, "a refused create, one read, one update");
        Lease lease = stored();
        assertEquals("bob@laptop", lease.getSpec().getHolderIdentity());
        assertEquals(
                ZonedDateTime.parse("2026-11-20T10:07:12Z"), lease.getSpec().getAcquireTime());
        assertEquals(1, lease.getSpec().getLeaseTransitions());
        assertEquals(
                bob.runId().toString(), lease.getMetadata().getAnnotations().get("signoz-ha.dev/run-id"));
        assertEquals("upgrade", lease.getMetadata().getAnnotations().get("signoz-ha.dev/command"));
        assertEquals(bob.identity(), lock.holder().identity());
    }

    @Test
    void acquire_leaseRenewedByItsHolder_isNotTakenOver() {
        LeaseLock alice = lock(holder("alice@ci-7", 4242, "deploy")).acquire();
        clock.advance(Duration.ofMinutes(4));
        assertTrue(alice.renew());
        clock.advance(Duration.ofMinutes(2));

        LockHeldException held = assertThrows(
                LockHeldException.class,
                () -> lock(holder("bob@laptop", 77, "upgrade")).acquire());

        assertTrue(held.getMessage().contains("since 10:02:11Z, expires 10:11:11Z"), held.getMessage());
        assertEquals(
                ZonedDateTime.parse("2026-11-20T10:06:11Z"), stored().getSpec().getRenewTime());
        assertTrue(alice.isHeld());
    }

    @Test
    void acquire_leaseOfAnotherTool_withoutHolder_isTaken() {
        client.leases()
                .inNamespace(NAMESPACE)
                .resource(new LeaseBuilder()
                        .withNewMetadata()
                        .withName(LeaseLock.NAME)
                        .endMetadata()
                        .withNewSpec()
                        .endSpec()
                        .build())
                .create();

        lock(holder("bob@laptop", 77, "upgrade")).acquire();

        assertEquals("bob@laptop", stored().getSpec().getHolderIdentity());
    }

    @Test
    void acquire_liveLeaseOfAnotherTool_isReportedWithWhatItHas() {
        client.leases()
                .inNamespace(NAMESPACE)
                .resource(new LeaseBuilder()
                        .withNewMetadata()
                        .withName(LeaseLock.NAME)
                        .endMetadata()
                        .withNewSpec()
                        .withHolderIdentity("ops@bastion")
                        .withRenewTime(ZonedDateTime.parse("2026-11-20T10:00:00Z"))
                        .withLeaseDurationSeconds(600)
                        .endSpec()
                        .build())
                .create();

        LockHeldException held = assertThrows(
                LockHeldException.class,
                () -> lock(holder("bob@laptop", 77, "upgrade")).acquire());

        assertTrue(
                held.getMessage()
                        .startsWith("signoz-ha-lock is held by ops@bastion (pid 0, unknown) since "
                                + "1970-01-01T00:00:00Z, expires 10:10:00Z"),
                held.getMessage());
    }

    @Test
    void acquire_waitingForAnUnrenewedLock_takesItWhenItExpiresWithoutRealSleeps() {
        lock(holder("alice@ci-7", 4242, "deploy")).acquire();
        clock.advance(Duration.ofMinutes(1));

        lock(holder("bob@laptop", 77, "upgrade")).acquire(Duration.ofMinutes(10));

        assertEquals("bob@laptop", stored().getSpec().getHolderIdentity());
        assertEquals(Instant.parse("2026-11-20T10:07:11Z"), clock.instant(), "taken at the expiry, not later");
        assertTrue(slept.stream().allMatch(pause -> pause.compareTo(LeaseLock.POLL) <= 0), slept.toString());
    }

    @Test
    void acquire_holderReleasesWhileWaiting_takesItAtTheNextLook() {
        LeaseLock alice = lock(holder("alice@ci-7", 4242, "deploy")).acquire();
        onSleep = alice::release;

        lock(holder("bob@laptop", 77, "upgrade")).acquire(Duration.ofMinutes(10));

        assertEquals(List.of(LeaseLock.POLL), slept);
        assertEquals("bob@laptop", stored().getSpec().getHolderIdentity());
    }

    @Test
    void acquire_waitShorterThanTheHold_throwsAtTheDeadline() {
        lock(holder("alice@ci-7", 4242, "deploy")).acquire();

        LockHeldException held = assertThrows(
                LockHeldException.class,
                () -> lock(holder("bob@laptop", 77, "upgrade")).acquire(Duration.ofSeconds(12)));

        assertTrue(held.getMessage().contains("alice@ci-7"), held.getMessage());
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2)), slept);
    }

    @Test
    void renewals_everyThirdOfTheTtl_keepRenewTimeFreshAndStopOnRelease() {
        LeaseLock lock = lock(holder("alice@ci-7", 4242, "deploy")).acquire();

        assertEquals(Duration.ofSeconds(100), renewals.period);
        int before = cluster.requestCount();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(100));
            renewals.runOnce();
        }

        assertEquals(10, cluster.requestCount() - before, "one update per renewal, no read");
        assertEquals(
                ZonedDateTime.parse("2026-11-20T10:18:51Z"), stored().getSpec().getRenewTime());
        assertTrue(lock.release());
        assertTrue(renewals.closed);
        assertNull(stored());
    }

    @Test
    void renew_afterAForceUnlock_marksTheLockLostSoTheRunStops() {
        LeaseLock alice = lock(holder("alice@ci-7", 4242, "deploy")).acquire();
        lock(holder("bob@laptop", 77, "deploy")).forceUnlock("alice's CI job was killed");

        assertFalse(alice.renew());

        assertFalse(alice.isHeld());
        LockHeldException lost = assertThrows(LockHeldException.class, alice::ensureHeld);
        assertEquals(
                "signoz-ha-lock was deleted while this run held it (--force-unlock by another run?); "
                        + "wait, or run with --force-unlock --reason ...",
                lost.getMessage());
    }

    @Test
    void renew_afterATakeover_namesTheNewHolder() {
        LeaseLock alice = lock(holder("alice@ci-7", 4242, "deploy")).acquire();
        clock.advance(TTL.plusSeconds(1));
        lock(holder("bob@laptop", 77, "upgrade")).acquire();

        assertFalse(alice.renew());

        LockHeldException lost = assertThrows(LockHeldException.class, alice::ensureHeld);
        assertTrue(
                lost.getMessage()
                        .startsWith("signoz-ha-lock was taken over while this run held it, by bob@laptop "
                                + "(pid 77, upgrade) since 10:07:12Z"),
                lost.getMessage());
    }

    @Test
    void release_holder_deletesTheLeaseOnceInTwoRequests() {
        LeaseLock lock = lock(holder("alice@ci-7", 4242, "deploy")).acquire();
        int before = cluster.requestCount();

        assertTrue(lock.release());
        assertEquals(2, cluster.requestCount() - before, "one read, one delete");
        assertFalse(lock.release());
        assertEquals(2, cluster.requestCount() - before, "a second release asks nothing");
        assertNull(stored());
    }

    @Test
    void release_byARunThatNeverHeldIt_leavesTheLease() {
        lock(holder("alice@ci-7", 4242, "deploy")).acquire();
        LeaseLock bob = lock(holder("bob@laptop", 77, "upgrade"));

        assertFalse(bob.release());

        assertEquals("alice@ci-7", stored().getSpec().getHolderIdentity());
    }

    @Test
    void release_afterTheLeaseWasTakenOver_leavesTheNewHolder() {
        LeaseLock alice = lock(holder("alice@ci-7", 4242, "deploy")).acquire();
        clock.advance(TTL.plusSeconds(1));
        lock(holder("bob@laptop", 77, "upgrade")).acquire();

        assertFalse(alice.release());

        assertEquals("bob@laptop", stored().getSpec().getHolderIdentity());
    }

    @Test
    void release_takenOverBetweenItsReadAndItsDelete_leavesTheNewHolder() {
        LeaseLock alice = lock(holder("alice@ci-7", 4242, "deploy")).acquire();
        clock.advance(TTL.plusSeconds(1));
        Lease bobs = new LeaseBuilder(stored())
                .editSpec()
                .withHolderIdentity("bob@laptop")
                .endSpec()
                .build();
        dispatcher.beforeNext(
                "DELETE", () -> assertEquals(200, dispatcher.put(LEASE_PATH, Serialization.asJson(bobs))));

        assertFalse(alice.release(), "the delete carried the resourceVersion alice read");

        assertEquals("bob@laptop", stored().getSpec().getHolderIdentity());
    }

    @Test
    void close_whenTheBodyThrows_releasesTheLock() {
        assertThrows(IllegalStateException.class, () -> {
            try (LeaseLock lock = lock(holder("alice@ci-7", 4242, "deploy")).acquire()) {
                assertNotNull(stored());
                lock.ensureHeld();
                throw new IllegalStateException("the deploy failed");
            }
        });

        assertNull(stored());
        assertTrue(renewals.closed);
    }

    @Test
    void close_apiRefusesTheRelease_keepsTheFailureInsteadOfThrowing() {
        LeaseLock lock = lock(holder("alice@ci-7", 4242, "deploy")).acquire();
        dispatcher.answerEverythingWith(403);

        lock.close();

        SignozHaException failure = lock.releaseFailure().orElseThrow();
        assertEquals(ExitCode.CLUSTER_UNAVAILABLE, failure.exitCode());
        assertTrue(
                failure.getMessage().startsWith("cannot release Lease/platform/signoz-ha-lock: 403 Forbidden: "),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("Status("), failure.getMessage());
        assertTrue(renewals.closed);
    }

    @Test
    void forceUnlock_heldLease_deletesItAndRecordsReasonAndPreviousHolder() {
        LockHolder alice = holder("alice@ci-7", 4242, "deploy");
        lock(alice).acquire();
        state.update(record -> record.applied("apiVersion: signoz-ha/v1\n", "sha256:ab", "0.88.1", "0.1.0", List.of()));
        clock.advance(Duration.ofMinutes(1));
        int before = cluster.requestCount();

        Optional<LockLease> previous =
                lock(holder("bob@laptop", 77, "deploy")).forceUnlock("alice's CI job was killed");

        assertEquals(4, cluster.requestCount() - before, "lease read + delete, state read + write");
        assertEquals(alice, previous.orElseThrow().holder());
        assertNull(stored());
        HistoryEntry entry = state.read().orElseThrow().lastEntry().orElseThrow();
        assertEquals(
                new HistoryEntry(
                        Instant.parse("2026-11-20T10:03:11Z"),
                        "deploy",
                        "0.88.1",
                        "sha256:ab",
                        HistoryEntry.FORCE_UNLOCKED,
                        "bob@laptop",
                        "reason: alice's CI job was killed; removed the lock of "
                                + "alice@ci-7 (pid 4242, deploy) since 10:02:11Z, expires 10:07:11Z, run "
                                + alice.runId()),
                entry);
        lock(holder("bob@laptop", 77, "deploy")).acquire();
    }

    @Test
    void forceUnlock_withoutAReason_isRefusedAndDeletesNothing() {
        lock(holder("alice@ci-7", 4242, "deploy")).acquire();

        SignozHaException refused = assertThrows(
                SignozHaException.class,
                () -> lock(holder("bob@laptop", 77, "deploy")).forceUnlock("  "));

        assertEquals(ExitCode.BAD_INPUT, refused.exitCode());
        assertNotNull(stored());
    }

    @Test
    void forceUnlock_reasonHoldingAKnownSecret_isRefusedBeforeDeleting() {
        lock(holder("alice@ci-7", 4242, "deploy")).acquire();

        SignozHaException refused = assertThrows(
                SignozHaException.class,
                () -> lock(holder("bob@laptop", 77, "deploy")).forceUnlock("password " + SECRET + " rotated"));

        assertEquals(ExitCode.REFUSED, refused.exitCode());
        assertNotNull(stored());
        assertTrue(state.read().isEmpty());
    }

    @Test
    void forceUnlock_noLease_recordsNothing() {
        assertEquals(Optional.empty(), lock(holder("bob@laptop", 77, "deploy")).forceUnlock("just in case"));

        assertTrue(state.read().isEmpty());
    }

    @Test
    void acquire_twoRunsRacingForAFreeLock_exactlyOneWins() throws Exception {
        for (int round = 0; round < 60; round++) {
            List<LeaseLock> winners = race();
            assertEquals(1, winners.size(), "round " + round);
            assertTrue(winners.get(0).release(), "round " + round);
        }
    }

    @Test
    void acquire_twoRunsRacingForAnExpiredLock_exactlyOneTakesItOver() throws Exception {
        for (int round = 0; round < 60; round++) {
            lock(holder("crashed@ci-1", 1, "deploy")).acquire();
            clock.advance(TTL.plusSeconds(1));
            List<LeaseLock> winners = race();
            assertEquals(1, winners.size(), "round " + round);
            assertEquals(1, stored().getSpec().getLeaseTransitions(), "round " + round);
            assertTrue(winners.get(0).release(), "round " + round);
        }
    }

    @Test
    void acquire_anotherRunTakesTheExpiredLeaseFirst_throwsLockHeldNamingIt() {
        lock(holder("crashed@ci-1", 1, "deploy")).acquire();
        clock.advance(TTL.plusSeconds(1));
        LockHolder carol = holder("carol@ci-9", 9, "upgrade");
        Lease carols = new LeaseBuilder(stored())
                .editMetadata()
                .addToAnnotations(Map.of(
                        "signoz-ha.dev/run-id",
                        carol.runId().toString(),
                        "signoz-ha.dev/pid",
                        "9",
                        "signoz-ha.dev/command",
                        "upgrade"))
                .endMetadata()
                .editSpec()
                .withHolderIdentity("carol@ci-9")
                .withRenewTime(ZonedDateTime.parse("2026-11-20T10:07:12Z"))
                .endSpec()
                .build();
        dispatcher.beforeNext("PUT", () -> assertEquals(200, dispatcher.put(LEASE_PATH, Serialization.asJson(carols))));
        int before = cluster.requestCount();

        LockHeldException held = assertThrows(
                LockHeldException.class,
                () -> lock(holder("bob@laptop", 77, "upgrade")).acquire());

        assertTrue(
                held.getMessage().startsWith("signoz-ha-lock is held by carol@ci-9 (pid 9, upgrade)"),
                held.getMessage());
        assertEquals(5, cluster.requestCount() - before, "create, read, update refused with 409; create, read");
        assertEquals("carol@ci-9", stored().getSpec().getHolderIdentity());
    }

    /** Two runs acquire at the same moment; returns the winners, and checks the loser names the winner. */
    private List<LeaseLock> race() throws Exception {
        List<LeaseLock> runs =
                List.of(lock(holder("alice@ci-7", 4242, "deploy")), lock(holder("bob@laptop", 77, "upgrade")));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Optional<LockHeldException>>> outcomes = new ArrayList<>();
        try {
            for (LeaseLock run : runs) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        run.acquire();
                        return Optional.empty();
                    } catch (LockHeldException held) {
                        return Optional.of(held);
                    }
                }));
            }
            start.countDown();
            List<LeaseLock> winners = new ArrayList<>();
            List<LockHeldException> losers = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                Optional<LockHeldException> outcome = outcomes.get(i).get(10, TimeUnit.SECONDS);
                if (outcome.isPresent()) {
                    losers.add(outcome.get());
                } else {
                    winners.add(runs.get(i));
                }
            }
            for (LockHeldException loser : losers) {
                for (LeaseLock winner : winners) {
                    assertTrue(
                            loser.getMessage()
                                    .contains("held by " + winner.holder().describe()),
                            loser.getMessage());
                }
            }
            return winners;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void renewalThread_runsOnADaemonThreadAndStopsWhenClosed() throws Exception {
        CountDownLatch ran = new CountDownLatch(3);
        AtomicInteger runs = new AtomicInteger();
        List<Thread> seen = new CopyOnWriteArrayList<>();

        LeaseLock.Scheduled scheduled = new RenewalThread().every(Duration.ofMillis(5), () -> {
            seen.add(Thread.currentThread());
            runs.incrementAndGet();
            ran.countDown();
        });
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        scheduled.close();

        Thread renewer = seen.get(0);
        assertEquals("signoz-ha-lock-renewer", renewer.getName());
        assertTrue(renewer.isDaemon());
        renewer.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(renewer.isAlive());
    }

    @Test
    void localHolder_thisProcess_isUserAtHostWithItsPid() {
        LockHolder me = LeaseLock.localHolder("deploy", LeaseLock.DEFAULT_TTL, clock);

        assertTrue(me.identity().matches("[^@]+@[^@]+"), me.identity());
        assertTrue(me.identity().startsWith(System.getProperty("user.name") + "@"), me.identity());
        assertEquals(ProcessHandle.current().pid(), me.pid());
        assertEquals(clock.instant(), me.acquiredAt());
        assertEquals(Duration.ofMinutes(5), me.ttl());
    }

    /** Renewals a test runs by hand. */
    private static final class ManualRenewals implements LeaseLock.Renewals {
        private Duration period;
        private Runnable renewal;
        private boolean closed;

        @Override
        public LeaseLock.Scheduled every(Duration every, Runnable task) {
            period = every;
            renewal = task;
            closed = false;
            return () -> closed = true;
        }

        void runOnce() {
            renewal.run();
        }
    }
}
