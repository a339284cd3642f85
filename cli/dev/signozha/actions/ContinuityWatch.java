package dev.signozha.actions;

import dev.signozha.core.continuity.DataContinuity;
import dev.signozha.core.continuity.DataSnapshot;
import dev.signozha.core.text.Messages;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Data continuity through an upgrade ({@link DataContinuity}): each signal's retention and extent before the first
 * change, and after the phases the same figures until the data written before the upgrade is all there again (a
 * replica catching up counts late) or the deadline passes, which fails the upgrade so that it is rolled back. The
 * figures are printed as a table and kept for the state record.
 */
final class ContinuityWatch {

    private final ClickHouseData data;
    private final DataContinuity rule;
    private final DataSnapshot before;

    private ContinuityWatch(ClickHouseData data, DataContinuity rule, DataSnapshot before) {
        this.data = data;
        this.rule = rule;
        this.before = before;
    }

    /**
     * The before figures, for an upgrade that starts now and may take {@code bound}. Without them (ClickHouse did
     * not answer) the upgrade is refused before it changes anything, unless {@code allowNoBaseline}: then continuity
     * is not checked, and the run says so.
     */
    static Optional<ContinuityWatch> start(
            ClickHouseData data, Instant start, Duration bound, Progress progress, boolean allowNoBaseline) {
        try {
            DataContinuity rule = new DataContinuity(data.retention(), start, bound);
            return Optional.of(new ContinuityWatch(data, rule, data.extents(rule.windows())));
        } catch (SQLException | RuntimeException e) {
            String why = "ClickHouse did not answer for the data continuity figures ("
                    + Messages.firstLine(e.getMessage(), "no answer") + ")";
            Gates.withoutBaseline(
                    allowNoBaseline, progress, why, "loses data", "the check", "data continuity is not checked");
            return Optional.empty();
        }
    }

    /**
     * Measures again every {@code interval} until the data before the upgrade is kept, and prints the figures; at
     * {@code deadline} the last figures' violations fail the upgrade. Returns the summary for the state record.
     */
    String finish(Clock clock, Instant deadline, Duration interval, PrintWriter out)
            throws PhaseFailure, InterruptedException {
        DataContinuity.Verdict verdict = null;
        String unanswered = "";
        while (true) {
            try {
                verdict = rule.judge(before, data.extents(rule.windows()));
                if (verdict.kept()) {
                    out.print("Data continuity (before → after):\n" + verdict.table());
                    return verdict.summary();
                }
            } catch (SQLException | RuntimeException e) {
                unanswered = Messages.firstLine(e.getMessage(), "no answer");
            }
            if (!clock.instant().isBefore(deadline)) {
                break;
            }
            Thread.sleep(Math.max(
                    1,
                    Math.min(
                            interval.toMillis(),
                            Duration.between(clock.instant(), deadline).toMillis())));
        }
        if (verdict == null) {
            throw new PhaseFailure(
                    "data continuity could not be measured after the upgrade: " + unanswered, Optional.empty());
        }
        out.print("Data continuity (before → after):\n" + verdict.table());
        throw new PhaseFailure(
                "data written before the upgrade vanished:\n  " + String.join("\n  ", verdict.violations())
                        + "\nIf the rollback does not bring it back, restore the backup: signoz-ha runbook RESTORE",
                Optional.empty());
    }
}
