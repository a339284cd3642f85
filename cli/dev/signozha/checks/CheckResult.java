package dev.signozha.checks;

import java.util.List;

/**
 * A check's spec with what it found: status pass, fail or skip, the findings, a note (pass detail or skip reason),
 * and the severity of a failure (the spec's, unless the check judged this failure at another level).
 */
public record CheckResult(CheckSpec spec, Status status, List<Finding> findings, String note, Severity severity) {

    /** How a check ended. */
    public enum Status {
        PASS,
        FAIL,
        SKIP
    }

    static CheckResult of(CheckSpec spec, Outcome outcome) {
        if (outcome instanceof Outcome.Fail fail) {
            return new CheckResult(
                    spec, Status.FAIL, fail.findings(), "", fail.severity().orElse(spec.severity()));
        }
        if (outcome instanceof Outcome.Skip skip) {
            return new CheckResult(spec, Status.SKIP, List.of(), skip.reason(), spec.severity());
        }
        return new CheckResult(spec, Status.PASS, List.of(), ((Outcome.Pass) outcome).detail(), spec.severity());
    }

    /** Failed with at least one finding at error severity. */
    /** Failed, with at least one finding at error severity. */
    public boolean isError() {
        return status == Status.FAIL && findings.stream().anyMatch(finding -> severityOf(finding) == Severity.ERROR);
    }

    /** Failed, with every finding at warning severity. */
    public boolean isWarning() {
        return status == Status.FAIL && !isError();
    }

    /** A finding's severity: its own when its check's policy set one, else this result's. */
    public Severity severityOf(Finding finding) {
        return finding.severity() == null ? severity : finding.severity();
    }
}
