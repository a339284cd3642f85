package dev.signozha.cluster.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.signozha.core.clickhouse.ClusterHost;
import dev.signozha.core.clickhouse.DdlTask;
import dev.signozha.core.clickhouse.MigrationState;
import dev.signozha.core.clickhouse.ReplicaState;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Row mapping with the value types both drivers return (BigInteger for UInt64, Integer/Short/Boolean for UInt8). */
class RowMappersTest {

    @Test
    void clusterHost_legacyDriverTypes() {
        ClusterHost host = RowMappers.clusterHost(Map.of(
                "cluster",
                "prod",
                "shard_num",
                2,
                "replica_num",
                1,
                "host_name",
                "chi-x-prod-1-0",
                "host_address",
                "10.1.2.3",
                "port",
                9000));
        assertEquals(new ClusterHost("prod", 2, 1, "chi-x-prod-1-0", "10.1.2.3", 9000), host);
    }

    @Test
    void replica_modernDriverTypes() {
        Map<String, Object> row = new HashMap<>(Map.of(
                "database",
                "signoz_logs",
                "table",
                "logs_v2",
                "is_readonly",
                Boolean.TRUE,
                "is_session_expired",
                (short) 0,
                "absolute_delay",
                BigInteger.valueOf(12),
                "queue_size",
                3L,
                "active_replicas",
                (short) 1,
                "total_replicas",
                (short) 2));
        assertEquals(new ReplicaState("signoz_logs", "logs_v2", true, false, 12, 3, 1, 2), RowMappers.replica(row));
    }

    @Test
    void ddlTask_epochSecondsAndZero() {
        DdlTask task = RowMappers.ddlTask(Map.of(
                "entry",
                "query-1",
                "host",
                "h:9000",
                "status",
                "Active",
                "created",
                BigInteger.valueOf(1_763_632_800L),
                "query",
                "DROP TABLE t"));
        assertEquals(Instant.ofEpochSecond(1_763_632_800L), task.created());
        assertNull(Values.asEpochSecond(0));
    }

    @Test
    void migration_latestStatus() {
        MigrationState state = RowMappers.migration(
                "signoz_traces",
                Map.of("migration_id", BigInteger.valueOf(1002), "latest_status", "in-progress", "latest_error", ""));
        assertEquals(new MigrationState("signoz_traces", 1002, "in-progress", ""), state);
    }

    @Test
    void values_booleansInEveryShape() {
        assertEquals(true, Values.asBoolean(1));
        assertEquals(true, Values.asBoolean("true"));
        assertEquals(false, Values.asBoolean("0"));
        assertEquals(false, Values.asBoolean(null));
        assertEquals(false, Values.asBoolean(Boolean.FALSE));
    }
}
