package dev.signozha.checks;

import java.util.List;

/** A check's spec with what it found: status pass, fail or skip, the findings, and a note (pass detail or skip reason). */
public record CheckResult(CheckSpec spec, Status status, List<Finding> findings, String note) {

    /** How a check ended. */
    public enum Status { PASS, FAIL, SKIP }

    static CheckResult of(CheckSpec spec, Outcome outcome) {
        if (outcome instanceof Outcome.Fail fail) {
            return new CheckResult(spec, Status.FAIL, fail.findings(), "");
        }
        if (outcome instanceof Outcome.Skip skip) {
            return new CheckResult(spec, Status.SKIP, List.of(), skip.reason());
        }
        return new CheckResult(spec, Status.PASS, List.of(), ((Outcome.Pass) outcome).detail());
    }

    /** Failed with at least one finding at error severity. */
    public boolean isError() {
        return status == Status.FAIL && findings.stream().anyMatch(f -> f.severity(spec) == Severity.ERROR);
    }

    public boolean isWarning() {
        return status == Status.FAIL && !isError();
    }
}
