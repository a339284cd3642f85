package dev.signozha.checks;

import dev.signozha.core.clickhouse.ClickHouseObservation;
import dev.signozha.core.clickhouse.Thresholds;
import java.util.Optional;

/** What was seen inside ClickHouse, or why nothing was ({@code --no-clickhouse}, no host reachable, no access). */
public record ClickHouseEvidence(
        Optional<ClickHouseObservation> observation, String absentReason, Thresholds thresholds) {

    public static ClickHouseEvidence of(ClickHouseObservation observation, Thresholds thresholds) {
        return new ClickHouseEvidence(Optional.of(observation), "", thresholds);
    }

    public static ClickHouseEvidence absent(String reason) {
        return new ClickHouseEvidence(Optional.empty(), reason, Thresholds.DEFAULTS);
    }
}
