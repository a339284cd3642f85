package dev.signozha.core.backup;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.topology.Topology;
import dev.signozha.core.versions.ChartKnowledge;
import dev.signozha.core.versions.UpgradePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which upgrade paths need a backup first, and what upgrade does about it. A path needs one when it goes through a
 * mandatory stop (SigNoz's one-way migrations; signoz#9348 lost all data skipping one), changes the schema
 * migrator's form (schemaMigrator to telemetryStoreMigrator), or moves ClickHouse to another release line (year.month,
 * e.g. 25.5 to 25.12: each monthly line may change on-disk formats and settings, charts#895). Pure.
 */
public final class BackupGate {

    /** What the run does before its first write. */
    public enum Decision {
        /** The path is not risky: no backup. */
        NOT_NEEDED,
        /** Take the backup the topology's {@code spec.backup} describes, and check it. */
        TAKE,
        /** Risky, but {@code --no-backup}: go on, say so and record it. */
        SKIPPED
    }

    private BackupGate() {}

    /** Why this path needs a backup; empty when it does not. */
    public static List<String> reasons(UpgradePath path, ChartKnowledge knowledge) {
        List<String> reasons = new ArrayList<>();
        path.steps().stream()
                .flatMap(step -> step.stop().stream())
                .forEach(stop -> reasons.add(
                        "mandatory stop at chart " + stop.chart() + " (SigNoz " + stop.app() + "): " + stop.why()));
        Optional<ChartKnowledge.Shipped> from = knowledge.shippedWith(path.from());
        Optional<ChartKnowledge.Shipped> to =
                knowledge.shippedWith(path.steps().get(path.steps().size() - 1).chart());
        if (from.isPresent() && to.isPresent()) {
            if (!from.get().migrator().equals(to.get().migrator())) {
                reasons.add("the schema migrator changes form, " + from.get().migrator() + " to "
                        + to.get().migrator());
            }
            if (!releaseLine(from.get().clickhouse())
                    .equals(releaseLine(to.get().clickhouse()))) {
                reasons.add("ClickHouse moves from " + from.get().clickhouse() + " to "
                        + to.get().clickhouse());
            }
        }
        return reasons;
    }

    /**
     * The decision for a path with these {@code reasons}: take the topology's backup when there is one (even with
     * --no-backup: a configured backup costs nothing to keep), skip it with {@code --no-backup}, and otherwise refuse
     * (exit 4) before anything changed.
     */
    public static Decision decide(List<String> reasons, Optional<Topology.Backup> backup, boolean noBackup) {
        if (reasons.isEmpty()) {
            return Decision.NOT_NEEDED;
        }
        if (backup.isPresent()) {
            return Decision.TAKE;
        }
        if (noBackup) {
            return Decision.SKIPPED;
        }
        throw new SignozHaException(
                ExitCode.REFUSED,
                "this upgrade needs a ClickHouse backup first, and the topology has no spec.backup; nothing was "
                        + "changed:\n  " + String.join("\n  ", reasons)
                        + "\nAdd spec.backup (s3 or disk) to the topology and upgrade will take and check one, or pass "
                        + "--no-backup to upgrade without one (it is printed and recorded). Restoring: signoz-ha "
                        + "runbook RESTORE.");
    }

    /** {@code 25.12} of {@code 25.12.5}, {@code 24.1} of {@code 24.1.2-alpine}. */
    static String releaseLine(String version) {
        String[] parts = version.split("[.-]");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }
}
