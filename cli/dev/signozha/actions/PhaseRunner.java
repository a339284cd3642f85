package dev.signozha.actions;

import dev.signozha.cluster.kube.RunLock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs a list of phases ({@link DeployPhases}) in order while the lock is held: each phase's step, then, unless the
 * step finished the phase, its judge on the run's watches ({@link PhaseWaiter}); a phase stuck for a reason the
 * cluster states fails at once with the finding.
 */
final class PhaseRunner {

    private final List<Phase> phases;
    private final Watches watches;
    private final Progress progress;
    private final Clock clock;

    private volatile Phase current;

    PhaseRunner(List<Phase> phases, Watches watches, Progress progress, Clock clock) {
        this.phases = phases;
        this.watches = watches;
        this.progress = progress;
        this.clock = clock;
    }

    /** The phase running now, for a message about an interruption. */
    String current() {
        Phase phase = current;
        return phase == null ? "preparation" : phase.name().label();
    }

    void run(RunLock lock) throws PhaseFailure, InterruptedException {
        try (watches) {
            for (int index = 0; index < phases.size(); index++) {
                lock.ensureHeld();
                current = phases.get(index);
                run(index + 1, current);
            }
        }
    }

    private void run(int step, Phase phase) throws PhaseFailure, InterruptedException {
        Instant start = clock.instant();
        Phase.Applied applied = phase.step().run();
        if (applied.finished().isPresent()) {
            progress.finish(
                    step,
                    phases.size(),
                    phase.name(),
                    applied.finished().get(),
                    Duration.between(start, clock.instant()));
            return;
        }
        new PhaseWaiter(clock).awaitReady(step, phases.size(), phase, watches.current(), start, progress);
    }
}
