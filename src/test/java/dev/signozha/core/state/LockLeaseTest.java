package dev.signozha.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.ExitCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LockLeaseTest {

    private static final Instant ACQUIRED = Instant.parse("2026-11-20T10:02:11.123456789Z");
    private static final LockHolder ALICE = new LockHolder(
            "alice@ci-7",
            4242,
            UUID.fromString("6f1c2a9e-0000-4000-8000-000000000001"),
            "deploy",
            ACQUIRED,
            Duration.ofMinutes(5));

    @Test
    void heldException_liveLease_namesHolderCommandSinceAndUntil() {
        LockHeldException held =
                new LockHeldException("signoz-ha-lock", LockLease.acquired(ALICE), ACQUIRED.plusSeconds(30));

        assertEquals(
                "signoz-ha-lock is held by alice@ci-7 (pid 4242, deploy) since 10:02:11Z, expires 10:07:11Z; "
                        + "wait, or run with --force-unlock --reason ...",
                held.getMessage());
        assertEquals(ExitCode.LOCKED, held.exitCode());
        assertEquals(5, held.exitCode().code());
        assertEquals(ALICE, held.lease().orElseThrow().holder());
    }

    @Test
    void describe_timesOnAnotherDay_printsFullInstants() {
        LockLease lease = LockLease.acquired(ALICE);

        assertEquals(
                "alice@ci-7 (pid 4242, deploy) since 2026-11-20T10:02:11Z, expires 2026-11-20T10:07:11Z",
                lease.describe(Instant.parse("2026-11-21T00:00:01Z")));
    }

    @Test
    void isLiveAt_untilRenewalPlusTtl_thenExpired() {
        LockLease renewed = LockLease.acquired(ALICE).renewedAt(ACQUIRED.plus(Duration.ofMinutes(4)));

        assertEquals(
                ACQUIRED.plus(Duration.ofMinutes(9)).truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                renewed.expiresAt());
        assertTrue(renewed.isLiveAt(ACQUIRED.plus(Duration.ofMinutes(6))));
        assertFalse(renewed.isLiveAt(renewed.expiresAt()));
    }

    @Test
    void holder_timesAndTtl_normalisedToWhatALeaseStores() {
        LockHolder holder =
                new LockHolder("bob@laptop", 1, UUID.randomUUID(), "upgrade", ACQUIRED, Duration.ofMillis(90_500));

        assertEquals(Instant.parse("2026-11-20T10:02:11.123456Z"), holder.acquiredAt());
        assertEquals(Duration.ofSeconds(90), holder.ttl());
    }

    @Test
    void holder_ttlUnderOneSecond_isRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new LockHolder("bob@laptop", 1, UUID.randomUUID(), "upgrade", ACQUIRED, Duration.ofMillis(999)));
    }

    @Test
    void of_sameUserTwice_getsDistinctRunsStampedByTheClock() {
        Clock clock = Clock.fixed(ACQUIRED, ZoneOffset.UTC);
        LockHolder first = LockHolder.of("alice", "ci-7", 4242, "deploy", Duration.ofMinutes(5), clock);
        LockHolder second = LockHolder.of("alice", "ci-7", 4242, "deploy", Duration.ofMinutes(5), clock);

        assertEquals("alice@ci-7", first.identity());
        assertEquals(ACQUIRED.truncatedTo(java.time.temporal.ChronoUnit.MICROS), first.acquiredAt());
        assertFalse(first.sameRun(second));
        assertTrue(first.sameRun(first.acquiredAt(ACQUIRED.plusSeconds(60))));
    }
}
