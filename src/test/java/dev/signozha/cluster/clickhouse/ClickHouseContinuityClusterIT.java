package dev.signozha.cluster.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.continuity.DataContinuity;
import dev.signozha.core.continuity.DataSnapshot;
import dev.signozha.core.continuity.Retention;
import dev.signozha.core.continuity.SignalExtent;
import dev.signozha.support.clickhouse.LocalClickHouseCluster;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The continuity figures read through SigNoz's distributed tables on the real 2 shards x 2 replicas cluster (Debian's
 * clickhouse-server 18.16 with ZooKeeper): counts span both shards, and a partition dropped on one shard (replicated
 * to its other replica) is lost data. 18.16 cannot parse TTL, so its tables keep their rows for ever; retention parsing
 * on SigNoz's real DDL is covered on chDB (ClickHouseSqlChDbIT).
 */
class ClickHouseContinuityClusterIT {

    @RegisterExtension
    static final LocalClickHouseCluster CLUSTER = new LocalClickHouseCluster();

    private static final String SEED = "127.0.0.11";
    private static final String SHARD_1 = "127.0.0.11";
    private static final String SHARD_2 = "127.0.0.13";
    private static final long DAY = 86_400;

    @AfterEach
    void dropSchema() {
        for (String database : List.of("signoz_traces", "signoz_logs", "signoz_metrics")) {
            CLUSTER.query(SEED, "DROP DATABASE IF EXISTS " + database + " ON CLUSTER cluster");
        }
    }

    private static void table(String database, String local, String columns, String partition, String orderBy) {
        CLUSTER.query(SEED, "CREATE DATABASE IF NOT EXISTS " + database + " ON CLUSTER cluster");
        CLUSTER.query(
                SEED,
                "CREATE TABLE " + database + "." + local + " ON CLUSTER cluster (" + columns + ") ENGINE = "
                        + "ReplicatedMergeTree('/clickhouse/tables/{shard}/" + database + "." + local
                        + "', '{replica}') "
                        + "PARTITION BY " + partition + " ORDER BY " + orderBy);
        CLUSTER.query(
                SEED,
                "CREATE TABLE " + database + ".distributed_" + local + " ON CLUSTER cluster AS " + database + "."
                        + local + " ENGINE = Distributed(cluster, " + database + ", " + local + ", rand())");
    }

    private static void signozTables() {
        table(
                "signoz_traces",
                "signoz_index_v3",
                "timestamp DateTime, trace_id String",
                "toDate(timestamp)",
                "timestamp");
        table(
                "signoz_logs",
                "logs_v2",
                "timestamp UInt64, id String",
                "toDate(toDateTime(intDiv(timestamp, 1000000000)))",
                "timestamp");
        table(
                "signoz_metrics",
                "samples_v4",
                "unix_milli Int64, value Float64",
                "toDate(toDateTime(intDiv(unix_milli, 1000)))",
                "unix_milli");
    }

    @Test
    void extentsSpanBothShardsAndAPartitionDroppedOnOneShardIsLost() throws SQLException {
        signozTables();
        long now = Long.parseLong(
                CLUSTER.query(SEED, "SELECT toUnixTimestamp(now())").strip());
        long twoDaysAgo = now - 2 * DAY;
        CLUSTER.query(
                SHARD_1,
                "INSERT INTO signoz_traces.signoz_index_v3 VALUES (toDateTime(" + twoDaysAgo + "), 'a'), (toDateTime("
                        + (now - 60) + "), 'b')");
        CLUSTER.query(
                SHARD_2, "INSERT INTO signoz_traces.signoz_index_v3 VALUES (toDateTime(" + twoDaysAgo + "), 'c')");
        CLUSTER.query(SHARD_2, "INSERT INTO signoz_logs.logs_v2 VALUES (" + twoDaysAgo + "000000000, 'l1')");
        CLUSTER.query(SHARD_1, "INSERT INTO signoz_metrics.samples_v4 VALUES (" + now + "000, 1)");
        for (String address : List.of(SEED, SHARD_2)) {
            for (String table :
                    List.of("signoz_traces.signoz_index_v3", "signoz_logs.logs_v2", "signoz_metrics.samples_v4")) {
                CLUSTER.query(address, "SYSTEM SYNC REPLICA " + table);
            }
        }

        try (Connection connection = CLUSTER.connect(SEED)) {
            ClickHouseSql sql = new ClickHouseSql(connection);
            Map<String, Retention> retention = sql.retention();
            assertEquals(
                    Map.of(
                            "traces",
                            new Retention.Forever(),
                            "logs",
                            new Retention.Forever(),
                            "metrics",
                            new Retention.Forever()),
                    retention);
            DataContinuity rule = new DataContinuity(retention, Instant.ofEpochSecond(now - 30), Duration.ofHours(1));
            DataSnapshot before = sql.extents(rule.windows());
            assertEquals(
                    new SignalExtent(
                            "signoz_traces.distributed_signoz_index_v3",
                            3,
                            Instant.ofEpochSecond(twoDaysAgo),
                            Instant.ofEpochSecond(now - 60),
                            3),
                    before.signals().get("traces"));
            assertEquals(1, before.signals().get("logs").protectedRows());
            assertEquals(0, before.signals().get("metrics").protectedRows(), "written after the start");

            String partition = CLUSTER.query(SHARD_2, "SELECT toString(toDate(toDateTime(" + twoDaysAgo + ")))")
                    .strip();
            CLUSTER.query(SHARD_2, "ALTER TABLE signoz_traces.signoz_index_v3 DROP PARTITION '" + partition + "'");
            DataContinuity.Verdict verdict = rule.judge(before, sql.extents(rule.windows()));
            assertEquals(1, verdict.violations().size(), verdict.table());
            assertTrue(
                    verdict.violations()
                            .get(0)
                            .startsWith("traces: 1 of the 3 rows of " + "signoz_traces.distributed_signoz_index_v3"),
                    verdict.violations().get(0));
        }
    }
}
