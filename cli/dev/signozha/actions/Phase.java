package dev.signozha.actions;

import dev.signozha.checks.Readiness;
import dev.signozha.cluster.kube.NamespaceWatch;
import dev.signozha.core.plan.Disruption;
import java.time.Duration;
import java.util.Optional;

/**
 * One phase of a deploy or upgrade, as data: its {@code name} (how progress and {@code --phase-timeout} call it),
 * the {@code step} that applies its part, the {@code judge} that says when it is ready, its {@code timeout}, and
 * what it may {@code disrupt}. {@link PhaseRunner} runs a list of them; {@link DeployPhases} builds the lists.
 */
record Phase(DeployPhase name, Step step, Judge judge, Duration timeout, Disruption disrupts) {

    /** What a phase writes (apply, helm, delete). */
    @FunctionalInterface
    interface Step {

        /** Does the phase's part; says whether the phase is already over or its judge is to be waited for. */
        Applied run() throws PhaseFailure, InterruptedException;
    }

    /** How a step ended: the phase is {@link #finished} with a result line, or its judge is to be waited for. */
    record Applied(Optional<String> finished) {

        static final Applied AWAIT_READINESS = new Applied(Optional.empty());

        static Applied finished(String result) {
            return new Applied(Optional.of(result));
        }
    }

    /**
     * Whether the phase is ready: judged again on every change the watches see and at least every
     * {@link PhaseWaiter#HEARTBEAT}, so a judge may also ask something the watches do not see (ClickHouse, say).
     * Ready, progress, or stuck with a finding code, the object and the reason ({@link Readiness.Status}).
     */
    @FunctionalInterface
    interface Judge {

        Readiness.Status judge(NamespaceWatch.Observed observed);

        /**
         * The failure a phase that ran out of time ends with, when the judge knows better than "not ready within"
         * (verification names the checks that still fail); empty for the plain message.
         */
        default Optional<PhaseFailure> timedOut(Duration timeout) {
            return Optional.empty();
        }
    }

    /** A judge for a phase whose step always finishes it: never waited for. */
    static final Judge NOT_AWAITED = observed -> {
        throw new IllegalStateException("this phase is over when its step returns");
    };
}
