package dev.signozha.cluster.clickhouse;

import dev.signozha.core.clickhouse.ClusterHost;
import dev.signozha.core.clickhouse.DdlTask;
import dev.signozha.core.clickhouse.HostStorage;
import dev.signozha.core.clickhouse.MigrationState;
import dev.signozha.core.clickhouse.ReplicaState;
import java.util.Map;

/** Rows (column label → value) to records; pure, so they are tested with plain maps. */
final class RowMappers {

    private RowMappers() {}

    static ClusterHost clusterHost(Map<String, Object> row) {
        return new ClusterHost(
                Values.asText(row.get("cluster")),
                (int) Values.asLong(row.get("shard_num")),
                (int) Values.asLong(row.get("replica_num")),
                Values.asText(row.get("host_name")),
                Values.asText(row.get("host_address")),
                (int) Values.asLong(row.get("port")));
    }

    static ReplicaState replica(Map<String, Object> row) {
        return new ReplicaState(
                Values.asText(row.get("database")),
                Values.asText(row.get("table")),
                Values.asBoolean(row.get("is_readonly")),
                Values.asBoolean(row.get("is_session_expired")),
                Values.asLong(row.get("absolute_delay")),
                Values.asLong(row.get("queue_size")),
                (int) Values.asLong(row.get("active_replicas")),
                (int) Values.asLong(row.get("total_replicas")));
    }

    static DdlTask ddlTask(Map<String, Object> row) {
        return new DdlTask(
                Values.asText(row.get("entry")),
                Values.asText(row.get("host")),
                Values.asText(row.get("status")),
                Values.asEpochSecond(row.get("created")),
                Values.asText(row.get("query")));
    }

    static HostStorage.TableEngine tableEngine(Map<String, Object> row) {
        return new HostStorage.TableEngine(
                Values.asText(row.get("database")), Values.asText(row.get("name")), Values.asText(row.get("engine")));
    }

    static HostStorage.DiskUsage disk(Map<String, Object> row) {
        return new HostStorage.DiskUsage(
                Values.asText(row.get("name")),
                Values.asText(row.get("path")),
                Values.asLong(row.get("free_space")),
                Values.asLong(row.get("total_space")));
    }

    static HostStorage.PartitionParts partitionParts(Map<String, Object> row) {
        return new HostStorage.PartitionParts(
                Values.asText(row.get("database")),
                Values.asText(row.get("table")),
                Values.asText(row.get("partition")),
                Values.asLong(row.get("parts")));
    }

    static MigrationState migration(String database, Map<String, Object> row) {
        return new MigrationState(
                database,
                Values.asLong(row.get("migration_id")),
                Values.asText(row.get("latest_status")),
                Values.asText(row.get("latest_error")));
    }
}
