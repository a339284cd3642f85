package dev.signozha.core.migration;

import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.versions.ChartKnowledge;

/**
 * The two shapes of SigNoz's schema migration. Charts before 0.113.0 run the signoz-schema-migrator image twice
 * ({@code sync}, then {@code async}, flags {@code --cluster-name --dsn [--replication]}); from 0.113.0 the collector
 * image runs {@code migrate ready|bootstrap|sync up|async up}, configured by SIGNOZ_OTEL_COLLECTOR_* variables.
 * The name is the chart's values key, which turns the chart's own hook Job off when {@code enabled} is false.
 */
public enum MigratorForm {
    SCHEMA_MIGRATOR("schemaMigrator"),
    TELEMETRY_STORE_MIGRATOR("telemetryStoreMigrator");

    private final String valuesKey;

    MigratorForm(String valuesKey) {
        this.valuesKey = valuesKey;
    }

    /** The chart's values key for the migration: {@code schemaMigrator} or {@code telemetryStoreMigrator}. */
    public String valuesKey() {
        return valuesKey;
    }

    /** The form a chart ships, as the version knowledge records it (the chart version's era when it does not). */
    public static MigratorForm of(ChartVersion chart, ChartKnowledge knowledge) {
        return knowledge
                .shippedWith(chart)
                .map(shipped -> byValuesKey(shipped.migrator()))
                .orElse(chart.usesTelemetryStoreMigrator() ? TELEMETRY_STORE_MIGRATOR : SCHEMA_MIGRATOR);
    }

    static MigratorForm byValuesKey(String key) {
        for (MigratorForm form : values()) {
            if (form.valuesKey.equals(key)) {
                return form;
            }
        }
        throw new IllegalArgumentException("unknown migrator form '" + key + "' in the version knowledge");
    }
}
