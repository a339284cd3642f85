package dev.signozha.core.plan;

import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.versions.ChartKnowledge;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Values changes that are a key the chart renamed or stopped reading between the installed chart and the target:
 * the removal of the old key is then no dropped setting but the same setting under the key the new chart reads,
 * and the plan says so.
 */
final class RenamedValues {

    private RenamedValues() {}

    /** {@code changes} with the removal of each key renamed on the way from {@code installed} to {@code target} explained. */
    static List<ClassifiedChange> explain(
            List<ClassifiedChange> changes, ChartVersion installed, ChartVersion target, ChartKnowledge knowledge) {
        return changes.stream()
                .map(change -> rename(change, installed, target, knowledge)
                        .map(rename -> new ClassifiedChange(change.change(), change.disruption(), reason(rename)))
                        .orElse(change))
                .toList();
    }

    private static Optional<ChartKnowledge.Rename> rename(
            ClassifiedChange change, ChartVersion installed, ChartVersion target, ChartKnowledge knowledge) {
        if (!change.change().removed()) {
            return Optional.empty();
        }
        String path = change.change().path();
        return knowledge.renames().stream()
                .filter(rename -> path.equals(rename.from()) || path.startsWith(rename.from() + "."))
                .filter(rename -> rename.sinceVersion().compareTo(installed) > 0
                        && rename.sinceVersion().compareTo(target) <= 0)
                .max(Comparator.comparingInt(rename -> rename.from().length()));
    }

    private static String reason(ChartKnowledge.Rename rename) {
        return rename.to() == null
                ? "chart " + rename.since() + " no longer reads " + rename.from() + " (nothing replaces it)"
                : "renamed in chart " + rename.since() + ": the same setting, now under " + rename.to();
    }
}
