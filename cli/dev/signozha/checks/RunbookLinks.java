package dev.signozha.checks;

/** The command a report prints under a failed check to show its runbook. */
@FunctionalInterface
public interface RunbookLinks {

    /** The runbook by its code alone, every placeholder left in it. */
    RunbookLinks CODE_ONLY = result -> "signoz-ha runbook " + result.spec().code();

    String command(CheckResult result);
}
