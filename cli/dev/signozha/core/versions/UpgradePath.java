package dev.signozha.core.versions;

import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.versions.ChartKnowledge.Stop;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The charts an upgrade installs one at a time: every mandatory stop strictly between the installed
 * chart and the target, then the target. Pure.
 */
public record UpgradePath(ChartVersion from, List<Step> steps) {

    /** One chart to install and verify; {@code stop} says why when it is a mandatory stop. */
    public record Step(ChartVersion chart, Optional<Stop> stop) {}

    public static UpgradePath between(ChartVersion installed, ChartVersion target, ChartKnowledge knowledge) {
        List<Step> steps = new ArrayList<>();
        if (target.compareTo(installed) > 0) {
            for (Stop stop : knowledge.stops()) {
                if (stop.version().compareTo(installed) > 0 && stop.version().compareTo(target) < 0) {
                    steps.add(new Step(stop.version(), Optional.of(stop)));
                }
            }
        }
        steps.add(new Step(
                target,
                knowledge.stops().stream()
                        .filter(s -> s.version().equals(target))
                        .findFirst()));
        return new UpgradePath(installed, List.copyOf(steps));
    }

    /** Whether the path goes through a mandatory stop before the target. */
    public boolean hasIntermediateStops() {
        return steps.size() > 1;
    }

    /** One line a person reads: {@code 0.80.0 → 0.83.2 (stop: v0.86.0) → 0.131.0}. */
    public String describe() {
        StringBuilder line = new StringBuilder(from.toString());
        for (Step step : steps) {
            line.append(" → ").append(step.chart());
            step.stop()
                    .ifPresent(stop -> line.append(" (mandatory stop for SigNoz ")
                            .append(stop.app())
                            .append(')'));
        }
        return line.toString();
    }
}
