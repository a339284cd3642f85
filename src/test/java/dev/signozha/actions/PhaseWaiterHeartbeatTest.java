package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.Readiness;
import dev.signozha.cluster.kube.NamespaceWatch;
import dev.signozha.core.plan.Disruption;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The waiter judges again at least every heartbeat when the watches see nothing, so a judge that asks something
 * the watches do not see (ClickHouse's version on each host, say) ends the wait as soon as it answers.
 */
class PhaseWaiterHeartbeatTest {

    /** Watches on which nothing ever changes: each wait ends as its heartbeat would, at once here. */
    private static final class QuietWatch implements NamespaceWatch {

        final List<Duration> waits = new ArrayList<>();

        @Override
        public boolean watchesInstallations() {
            return true;
        }

        @Override
        public Observed current() {
            return new Observed(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }

        @Override
        public long version() {
            return 0;
        }

        @Override
        public boolean awaitChange(long seen, Duration atMost) {
            waits.add(atMost);
            return false;
        }

        @Override
        public void close() {}
    }

    private final QuietWatch watch = new QuietWatch();
    private final StringWriter progress = new StringWriter();

    /** A judge that answers ready on its {@code readyAt}-th call, as a host that reaches the target version. */
    private static Phase.Judge readyOnCall(int readyAt, AtomicInteger calls) {
        return observed -> {
            int call = calls.incrementAndGet();
            return new Readiness.Status(call >= readyAt, call + "/4 hosts on 25.8", Optional.empty());
        };
    }

    private Phase phase(Phase.Judge judge, Duration timeout) {
        return new Phase(DeployPhase.CLICKHOUSE, () -> Phase.Applied.AWAIT_READINESS, judge, timeout, Disruption.NONE);
    }

    private void awaitReady(Phase phase) throws PhaseFailure, InterruptedException {
        new PhaseWaiter(Clock.systemUTC())
                .awaitReady(
                        4,
                        8,
                        phase,
                        watch,
                        Instant.now(),
                        Progress.log(new PrintWriter(progress, true), Clock.systemUTC()));
    }

    @Test
    void withoutAnyChange_theJudgeIsAskedAgainEveryHeartbeat_untilItAnswersReady() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        awaitReady(phase(readyOnCall(4, calls), Duration.ofMinutes(20)));
        assertEquals(4, calls.get());
        assertEquals(3, watch.waits.size(), "one wait between each two judgements");
        watch.waits.forEach(wait -> assertTrue(
                wait.compareTo(PhaseWaiter.HEARTBEAT) <= 0, "never waits longer than the heartbeat: " + wait));
        assertTrue(progress.toString().contains("[4/8] clickhouse: 4/4 hosts on 25.8"), progress.toString());
    }

    @Test
    void aJudgeThatStatesWhyItCannotFinish_endsTheWaitAtOnce_withTheFinding() {
        Phase.Judge lagging = observed -> new Readiness.Status(
                false,
                "3/4 hosts on 25.8",
                Optional.of(new Readiness.Stuck(
                        CheckCatalog.IMAGE_PULL_FAILED,
                        "Pod/platform/chi-signoz-clickhouse-cluster-1-1-0",
                        "Back-off pulling image \"clickhouse/clickhouse-server:25.8\"")));
        PhaseFailure failure =
                assertThrows(PhaseFailure.class, () -> awaitReady(phase(lagging, Duration.ofMinutes(20))));
        assertTrue(
                failure.getMessage().startsWith("[4/8] clickhouse is stuck: IMAGE_PULL_FAILED Pod/platform/chi-"),
                failure.getMessage());
        assertTrue(watch.waits.isEmpty());
    }

    @Test
    void outOfTime_theJudgesOwnExplanationWins_elseThePlainMessageNamesTheOption() {
        PhaseFailure explained = new PhaseFailure("verification still fails after 50ms: ...", Optional.empty());
        Phase.Judge explaining = new Phase.Judge() {
            @Override
            public Readiness.Status judge(NamespaceWatch.Observed observed) {
                return new Readiness.Status(false, "1 failing: REPLICATION_LAG", Optional.empty());
            }

            @Override
            public Optional<PhaseFailure> timedOut(Duration timeout) {
                return Optional.of(explained);
            }
        };
        assertSame(
                explained,
                assertThrows(PhaseFailure.class, () -> awaitReady(phase(explaining, Duration.ofMillis(50)))));
        PhaseFailure plain = assertThrows(
                PhaseFailure.class,
                () -> awaitReady(phase(readyOnCall(Integer.MAX_VALUE, new AtomicInteger()), Duration.ofMillis(50))));
        assertTrue(plain.getMessage().startsWith("[4/8] clickhouse was not ready within 50ms ("), plain.getMessage());
        assertTrue(
                plain.getMessage().endsWith("--phase-timeout clickhouse=DURATION gives it longer"), plain.getMessage());
    }
}
