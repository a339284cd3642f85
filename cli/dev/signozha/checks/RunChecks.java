package dev.signozha.checks;

import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.StateRecord;
import java.util.List;
import java.util.Optional;

/** The tool's own runs, from the state record's history: a run that failed and was not finished since. */
final class RunChecks {

    private RunChecks() {}

    static List<Check> all() {
        return List.of(Check.of(CheckCatalog.LAST_RUN_FAILED, RunChecks::lastRun));
    }

    private static Outcome lastRun(CheckContext context) {
        ClusterView view = context.view();
        Optional<StateRecord> record = view.decodedStateRecord();
        if (record.isEmpty()) {
            return Outcome.pass("no state record, so no run of signoz-ha failed here");
        }
        String source = StateRecord.source(view.namespace());
        Optional<HistoryEntry> last = record.get().lastEntry();
        return last.filter(entry -> HistoryEntry.FAILED.equals(entry.outcome()))
                .map(entry -> Outcome.of(
                        List.of(Finding.of(
                                entry.command() + " by " + entry.user() + " at " + entry.time() + " failed"
                                        + (entry.detail() == null ? "" : ": " + entry.detail()),
                                source)),
                        ""))
                .orElseGet(() -> Outcome.pass(last.map(
                                entry -> "last run: " + entry.command() + " " + entry.outcome() + " at " + entry.time())
                        .orElse("no run recorded")));
    }
}
