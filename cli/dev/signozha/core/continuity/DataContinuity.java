package dev.signozha.core.continuity;

import dev.signozha.core.text.GoDuration;
import dev.signozha.core.text.TextTable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whether an upgrade kept the data written before it. Each signal's {@link ProtectedWindow} comes from its table's
 * retention, the upgrade's start and its bound ({@code grace}); the rule, per signal that had data before:
 * <ul>
 *   <li>its table must still exist;</li>
 *   <li>it must hold at least as many rows in its window as before: TTL cannot have deleted any of them by
 *       {@code start + grace}, and new rows only add to the count.</li>
 * </ul>
 * A signal whose retention could not be read, or an after-snapshot taken past {@code start + grace}, is not judged,
 * and the report says so. Pure.
 */
public record DataContinuity(Map<String, Retention> retention, Instant start, Duration grace) {

    public DataContinuity {
        retention = Map.copyOf(retention);
    }

    /** The window each signal with a readable retention protects. */
    public Map<String, ProtectedWindow> windows() {
        Map<String, ProtectedWindow> windows = new LinkedHashMap<>();
        new TreeSet<>(retention.keySet())
                .forEach(signal -> ProtectedWindow.of(retention.get(signal), start, grace)
                        .ifPresent(window -> windows.put(signal, window)));
        return windows;
    }

    /** The comparison of the snapshots taken before and after the upgrade. */
    public Verdict judge(DataSnapshot before, DataSnapshot after) {
        Map<String, ProtectedWindow> windows = windows();
        List<String> violations = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        TextTable table = new TextTable("SIGNAL", "ROWS", "OLDEST", "NEWEST", "KEPT SINCE", "PROTECTED ROWS", "RESULT");
        for (Map.Entry<String, SignalExtent> signal : before.signals().entrySet()) {
            SignalExtent was = signal.getValue();
            Optional<SignalExtent> now = Optional.ofNullable(after.signals().get(signal.getKey()));
            Optional<ProtectedWindow> window = Optional.ofNullable(windows.get(signal.getKey()));
            String result = result(signal.getKey(), was, now, window, after.at(), violations);
            table.row(
                    signal.getKey(),
                    was.rows() + " → " + now.map(e -> String.valueOf(e.rows())).orElse("gone"),
                    time(was.oldest()) + " → " + now.map(e -> time(e.oldest())).orElse("-"),
                    time(was.newest()) + " → " + now.map(e -> time(e.newest())).orElse("-"),
                    window.map(w -> time(w.from())).orElse("-"),
                    was.protectedRows() + " → "
                            + now.map(e -> String.valueOf(e.protectedRows())).orElse("-"),
                    result);
            figures.add(signal.getKey() + " " + was.rows() + "→"
                    + now.map(e -> String.valueOf(e.rows())).orElse("gone")
                    + " rows, protected " + was.protectedRows() + "→"
                    + now.map(e -> String.valueOf(e.protectedRows())).orElse("-") + " (" + result + ")");
        }
        return new Verdict(
                violations,
                table.render("  "),
                "data continuity: " + (figures.isEmpty() ? "no signal tables" : String.join(", ", figures)));
    }

    private String result(
            String signal,
            SignalExtent was,
            Optional<SignalExtent> now,
            Optional<ProtectedWindow> window,
            Instant judgedAt,
            List<String> violations) {
        if (now.isEmpty()) {
            if (was.rows() > 0) {
                violations.add(signal + ": table " + was.table() + " held " + was.rows() + " rows and is gone");
                return "LOST: table gone";
            }
            return "table gone (was empty)";
        }
        if (window.isEmpty()) {
            return "not judged: " + ((Retention.Unreadable) retention.get(signal)).why() + " not understood";
        }
        if (!window.get().holdsAt(judgedAt)) {
            return "not judged: measured " + GoDuration.format(Duration.between(start, judgedAt)) + " after the start, "
                    + "past the " + GoDuration.format(grace) + " bound";
        }
        long lost = was.protectedRows() - now.get().protectedRows();
        if (lost > 0) {
            violations.add(signal + ": " + lost + " of the " + was.protectedRows() + " rows of " + was.table()
                    + " written between " + time(window.get().from()) + " and " + time(start)
                    + " vanished; retention could not have removed them yet");
            return "LOST " + lost + " rows";
        }
        return "kept";
    }

    private static String time(Instant instant) {
        return instant == null
                ? "none"
                : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * The outcome: {@code violations}, one line per signal that lost data (empty: the data was kept), and the
     * figures as a table a person reads and as one line for the state record's history.
     */
    public record Verdict(List<String> violations, String table, String summary) {

        public Verdict {
            violations = List.copyOf(violations);
        }

        public boolean kept() {
            return violations.isEmpty();
        }
    }
}
