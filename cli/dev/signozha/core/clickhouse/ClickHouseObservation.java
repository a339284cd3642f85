package dev.signozha.core.clickhouse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One look inside a ClickHouse cluster: what the first host that answered (the seed) says about the cluster
 * (system.clusters, the DDL queue, migrations, ingestion) and what every host of the cluster says about itself.
 * {@code ddlQueue} is empty when the server has no system.distributed_ddl_queue; {@code seedError} is set
 * (and the rest empty) when not even the seed answered.
 */
public record ClickHouseObservation(
        String source,
        String seedError,
        String version,
        Set<String> clusterNames,
        List<ClusterHost> clusterHosts,
        List<HostObservation> hosts,
        Optional<List<DdlTask>> ddlQueue,
        Set<String> databasesWithMigrations,
        List<MigrationState> migrations,
        List<Freshness> freshness,
        Instant serverNow) {

    /** The SigNoz databases every host must have (created by the schema migrator). */
    public boolean answered() {
        return seedError == null;
    }

    public static final List<String> SIGNOZ_DATABASES = List.of(
            "signoz_traces", "signoz_metrics", "signoz_logs", "signoz_metadata", "signoz_analytics", "signoz_meter");
}
