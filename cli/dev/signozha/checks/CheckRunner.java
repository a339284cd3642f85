package dev.signozha.checks;

import dev.signozha.core.inventory.UnreadableException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs checks in order. A check that needs objects the cluster refused to list is skipped, naming the permission; one
 * that throws otherwise becomes a failed result with the message; the others still run.
 */
public final class CheckRunner {

    private CheckRunner() {}

    public static CheckReport run(List<Check> checks, CheckContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            results.add(runOne(check, context));
        }
        return new CheckReport(context.source(), Causes.link(results));
    }

    private static CheckResult runOne(Check check, CheckContext context) {
        try {
            return CheckResult.of(check.spec(), check.run(context));
        } catch (UnreadableException e) {
            return CheckResult.of(check.spec(), Outcome.skip(e.getMessage()));
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return CheckResult.of(
                    check.spec(), new Outcome.Fail(List.of(Finding.of("the check could not run: " + reason))));
        }
    }
}
