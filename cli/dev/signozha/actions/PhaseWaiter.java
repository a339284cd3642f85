package dev.signozha.actions;

import dev.signozha.checks.Readiness;
import dev.signozha.cluster.kube.NamespaceWatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Waits for a deploy phase on watches, not on a timer: the phase is judged again on every change the watches
 * see, and the wait ends as soon as it is ready, as soon as the cluster states a reason it cannot finish
 * (stuck, with the finding code), or at the phase's own timeout. Progress is reported whenever it changes.
 */
public final class PhaseWaiter {

    /** How often the deadline is looked at when nothing changes. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final Clock clock;

    public PhaseWaiter(Clock clock) {
        this.clock = clock;
    }

    /** A phase: its name and how to judge it from the watched objects. */
    public record Phase(String name, Function<NamespaceWatch.Observed, Readiness.Status> judge) {}

    /** How a wait ended, with the last progress seen. */
    public record Outcome(Result result, String progress, Optional<Readiness.Stuck> stuck, Duration waited) {

        /** READY, STUCK (the cluster says why) or TIMED_OUT. */
        public enum Result {
            READY,
            STUCK,
            TIMED_OUT
        }
    }

    public Outcome await(Phase phase, NamespaceWatch watch, Duration timeout, BiConsumer<String, Duration> progress)
            throws InterruptedException {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        String reported = null;
        while (true) {
            long seen = watch.version();
            Readiness.Status status = phase.judge().apply(watch.current());
            Duration waited = Duration.between(start, clock.instant());
            // The end of the wait is the caller's line to print, once; progress is only what happens meanwhile.
            if (status.ready()) {
                return new Outcome(Outcome.Result.READY, status.progress(), Optional.empty(), waited);
            }
            if (status.stuck().isPresent()) {
                return new Outcome(Outcome.Result.STUCK, status.progress(), status.stuck(), waited);
            }
            if (!status.progress().equals(reported)) {
                reported = status.progress();
                progress.accept(reported, waited);
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return new Outcome(Outcome.Result.TIMED_OUT, reported, Optional.empty(), waited);
            }
            watch.awaitChange(seen, left.compareTo(HEARTBEAT) < 0 ? left : HEARTBEAT);
        }
    }
}
