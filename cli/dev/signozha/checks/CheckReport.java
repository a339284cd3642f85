package dev.signozha.checks;

import java.util.List;

/** Every check's result, in catalogue order, and where the data came from. */
public record CheckReport(String source, List<CheckResult> results) {

    public long errors() {
        return results.stream().filter(CheckResult::isError).count();
    }

    public long warnings() {
        return results.stream().filter(CheckResult::isWarning).count();
    }

    public long passed() {
        return results.stream()
                .filter(r -> r.status() == CheckResult.Status.PASS)
                .count();
    }

    public long skipped() {
        return results.stream()
                .filter(r -> r.status() == CheckResult.Status.SKIP)
                .count();
    }

    /** The findings other findings are likely caused by, each with what it explains: what to fix first. */
    public java.util.Map<Finding.Cause, List<Finding.Cause>> rootCauses() {
        return Causes.roots(results);
    }

    /** Whether the report fails doctor: any error, or with strict any warning too. */
    public boolean failed(boolean strict) {
        return errors() > 0 || strict && warnings() > 0;
    }
}
