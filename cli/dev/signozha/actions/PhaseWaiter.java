package dev.signozha.actions;

import dev.signozha.checks.Readiness;
import dev.signozha.cluster.kube.NamespaceWatch;
import dev.signozha.core.text.GoDuration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The one wait of the engine: every phase, verification and a rollback's waits. It waits on watches, not on a
 * timer: the phase is judged again on every change the watches see and at least every {@link #HEARTBEAT}, and the
 * wait ends as soon as it is ready, as soon as the judge states a reason it cannot finish (stuck, with the finding
 * code), or at the phase's own timeout. Progress is reported whenever it changes.
 */
public final class PhaseWaiter {

    /** How often a phase is judged again when the watches see no change. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final Clock clock;

    public PhaseWaiter(Clock clock) {
        this.clock = clock;
    }

    /** How a wait ended, with the last progress seen. */
    public record Outcome(Result result, String progress, Optional<Readiness.Stuck> stuck, Duration waited) {

        /** READY, STUCK (the cluster says why) or TIMED_OUT. */
        public enum Result {
            READY,
            STUCK,
            TIMED_OUT
        }
    }

    /**
     * Waits for {@code phase}, step {@code step} of {@code steps}, which began at {@code start} (its apply or helm
     * run counts in its time), and prints its end; a phase stuck or out of time is a {@link PhaseFailure}.
     */
    void awaitReady(int step, int steps, Phase phase, NamespaceWatch watch, Instant start, Progress progress)
            throws PhaseFailure, InterruptedException {
        DeployPhase name = phase.name();
        Duration before = Duration.between(start, clock.instant());
        Outcome outcome = await(
                phase.judge(),
                watch,
                phase.timeout(),
                (state, waited) -> progress.update(step, steps, name, state, before.plus(waited)));
        Duration took = before.plus(outcome.waited());
        switch (outcome.result()) {
            case READY -> progress.finish(step, steps, name, outcome.progress(), took);
            case STUCK -> {
                Readiness.Stuck stuck = outcome.stuck().orElseThrow();
                progress.finish(step, steps, name, "stuck: " + stuck.code().code(), took);
                throw new PhaseFailure(
                        "[" + step + "/" + steps + "] " + name.label() + " is stuck: "
                                + stuck.code().code() + " " + stuck.object() + ": " + stuck.reason(),
                        Optional.of(stuck.code()));
            }
            default -> {
                Optional<PhaseFailure> explained = phase.judge().timedOut(phase.timeout());
                if (explained.isPresent()) {
                    throw explained.get();
                }
                progress.finish(step, steps, name, "timed out at " + outcome.progress(), took);
                throw new PhaseFailure(
                        "[" + step + "/" + steps + "] " + name.label() + " was not ready within "
                                + GoDuration.format(phase.timeout()) + " (" + outcome.progress()
                                + "); --phase-timeout " + name.label() + "=DURATION gives it longer",
                        Optional.empty());
            }
        }
    }

    Outcome await(Phase.Judge judge, NamespaceWatch watch, Duration timeout, BiConsumer<String, Duration> progress)
            throws InterruptedException {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        String reported = null;
        while (true) {
            long seen = watch.version();
            Readiness.Status status = judge.judge(watch.current());
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
