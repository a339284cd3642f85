package dev.signozha.actions;

import dev.signozha.checks.CheckSpec;
import java.util.Optional;

/**
 * A phase that did not finish: stuck for a reason the cluster states (with the finding code), out of time, or
 * refused by the API server or helm. Carries what to do next.
 */
final class PhaseFailure extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient Optional<CheckSpec> finding;

    PhaseFailure(String message, Optional<CheckSpec> finding) {
        super(message);
        this.finding = finding;
    }

    /** The runbook of the finding, or where to look. */
    String advice() {
        return finding.map(code -> "Runbook: signoz-ha runbook " + code.code() + " (" + code.hint() + ").")
                .orElse("signoz-ha doctor shows what is wrong now.");
    }
}
