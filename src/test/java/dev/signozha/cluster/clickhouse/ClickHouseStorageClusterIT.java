package dev.signozha.cluster.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckContext;
import dev.signozha.checks.CheckResult;
import dev.signozha.checks.CheckRunner;
import dev.signozha.checks.CheckSpec;
import dev.signozha.checks.ClickHouseEvidence;
import dev.signozha.checks.DoctorChecks;
import dev.signozha.checks.Finding;
import dev.signozha.checks.Intended;
import dev.signozha.core.clickhouse.Thresholds;
import dev.signozha.support.clickhouse.LegacyConnections;
import dev.signozha.support.clickhouse.LocalClickHouseCluster;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * REPLICATION_ENGINE_MISMATCH, SCHEMA_PARITY and PARTS_BACKLOG on the real 2 shards x 2 replicas cluster (Debian's
 * clickhouse-server 18.16 with ZooKeeper), from the inspector's queries to the checks' findings; DISK_USAGE is skipped
 * there, since 18.16 has no system.disks (ClickHouseStorageChDbIT covers it on a modern engine).
 */
class ClickHouseStorageClusterIT {

    @RegisterExtension
    static final LocalClickHouseCluster CLUSTER = new LocalClickHouseCluster();

    private static final String SEED = "127.0.0.11";
    private static final String LAST_REPLICA = "127.0.0.14";
    private static final ConnectionFactory LEGACY = (host, port) -> LegacyConnections.open(host);

    @AfterEach
    void dropSchema() {
        for (String database : List.of("signoz_logs", "signoz_traces")) {
            CLUSTER.query(SEED, "DROP DATABASE IF EXISTS " + database + " ON CLUSTER cluster");
        }
    }

    private static void onCluster(String sql) {
        CLUSTER.query(SEED, sql);
    }

    private static void createLogsAndTraces(String logsEngine) {
        onCluster("CREATE DATABASE IF NOT EXISTS signoz_logs ON CLUSTER cluster");
        onCluster("CREATE DATABASE IF NOT EXISTS signoz_traces ON CLUSTER cluster");
        onCluster("CREATE TABLE signoz_logs.logs_v2 ON CLUSTER cluster (timestamp UInt64, id String) ENGINE = "
                + logsEngine + " PARTITION BY toDate(intDiv(timestamp, 1000000000)) ORDER BY (timestamp, id)");
        onCluster("CREATE TABLE signoz_traces.signoz_index_v3 ON CLUSTER cluster (timestamp DateTime, trace_id String) "
                + "ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/signoz_index_v3', '{replica}') "
                + "PARTITION BY toDate(timestamp) ORDER BY timestamp");
        onCluster("CREATE TABLE signoz_traces.distributed_signoz_index_v3 ON CLUSTER cluster AS "
                + "signoz_traces.signoz_index_v3 ENGINE = Distributed(cluster, signoz_traces, signoz_index_v3, "
                + "cityHash64(trace_id))");
    }

    private static CheckResult check(CheckSpec spec, int replicas) {
        Intended intended = new Intended(
                "test", "local", "local", "local-clickhouse", "cluster", 2, replicas, 3, null, null, null, false);
        ClickHouseEvidence evidence = ClickHouseEvidence.of(
                new ClickHouseInspector(new DirectHosts(SEED, LegacyConnections.HTTP_PORT, LEGACY), Clock.systemUTC())
                        .inspect("cluster"),
                Thresholds.DEFAULTS);
        return CheckRunner.run(
                        DoctorChecks.all().stream()
                                .filter(c -> c.spec() == spec)
                                .toList(),
                        new CheckContext(Optional.empty(), Optional.of(intended), evidence))
                .results()
                .get(0);
    }

    private static List<String> details(CheckResult result) {
        return result.findings().stream().map(Finding::detail).toList();
    }

    @Test
    void replicatedSigNozTables_passTheEngineCheck() {
        createLogsAndTraces("ReplicatedMergeTree('/clickhouse/tables/{shard}/logs_v2', '{replica}')");
        CheckResult result = check(CheckCatalog.REPLICATION_ENGINE_MISMATCH, 2);
        assertEquals(CheckResult.Status.PASS, result.status(), details(result).toString());
        assertEquals(
                CheckResult.Status.PASS, check(CheckCatalog.SCHEMA_PARITY, 2).status());
    }

    @Test
    void aPlainMergeTreeLogsTableWithTwoReplicas_isAnEngineMismatchOnEveryHost() {
        createLogsAndTraces("MergeTree");
        CheckResult result = check(CheckCatalog.REPLICATION_ENGINE_MISMATCH, 2);
        assertTrue(result.isError());
        assertEquals(
                List.of("127.0.0.11:9000", "127.0.0.12:9000", "127.0.0.13:9000", "127.0.0.14:9000"),
                details(result).stream()
                        .map(detail -> detail.substring(0, detail.indexOf(": ")))
                        .toList());
        assertEquals(
                "127.0.0.11:9000: 1 SigNoz table(s) are not replicated although the cluster has 2 replicas per "
                        + "shard, so each replica holds different data: signoz_logs.logs_v2 (MergeTree)",
                details(result).get(0));
        assertEquals(
                List.of("ClickHouse/127.0.0.11:8123"), result.findings().get(0).objects());
        assertEquals(
                CheckResult.Status.SKIP,
                check(CheckCatalog.REPLICATION_ENGINE_MISMATCH, 1).status());
    }

    @Test
    void aTableDroppedOnOneHost_isASchemaParityFindingForThatHost() {
        createLogsAndTraces("ReplicatedMergeTree('/clickhouse/tables/{shard}/logs_v2', '{replica}')");
        CLUSTER.query(LAST_REPLICA, "DROP TABLE signoz_traces.distributed_signoz_index_v3");
        CheckResult result = check(CheckCatalog.SCHEMA_PARITY, 2);
        assertTrue(result.isError());
        assertEquals(
                List.of("127.0.0.14:9000 lacks 1 SigNoz database(s) or table(s) other hosts have: table "
                        + "signoz_traces.distributed_signoz_index_v3 (on 3 of 4 hosts)"),
                details(result));
        assertEquals(
                List.of("ClickHouse/127.0.0.14:8123"), result.findings().get(0).objects());
    }

    @Test
    void aDatabaseMissingOnOneHost_isNamedOnce() {
        createLogsAndTraces("ReplicatedMergeTree('/clickhouse/tables/{shard}/logs_v2', '{replica}')");
        CLUSTER.query(LAST_REPLICA, "DROP DATABASE signoz_logs");
        assertEquals(
                List.of("127.0.0.14:9000 lacks 1 SigNoz database(s) or table(s) other hosts have: database "
                        + "signoz_logs (on 3 of 4 hosts)"),
                details(check(CheckCatalog.SCHEMA_PARITY, 2)));
    }

    /** 18.16's parts_to_throw_insert is 300: 150 parts in one partition, with merges stopped, is half way. */
    @Test
    void partsPilingUpInOnePartition_isAPartsBacklog() {
        createLogsAndTraces("MergeTree");
        CLUSTER.query(SEED, "SYSTEM STOP MERGES signoz_logs.logs_v2");
        for (int part = 0; part < 149; part++) {
            CLUSTER.query(SEED, "INSERT INTO signoz_logs.logs_v2 VALUES (1764583200000000000, 'p" + part + "')");
        }
        assertEquals(
                CheckResult.Status.PASS, check(CheckCatalog.PARTS_BACKLOG, 2).status());
        CLUSTER.query(SEED, "INSERT INTO signoz_logs.logs_v2 VALUES (1764583200000000000, 'p149')");
        CheckResult result = check(CheckCatalog.PARTS_BACKLOG, 2);
        assertTrue(result.isError());
        assertEquals(
                List.of("127.0.0.11:9000: partitions near parts_to_throw_insert (300), where inserts fail with "
                        + "TOO_MANY_PARTS: signoz_logs.logs_v2 partition 2025-12-01: 150 active parts"),
                details(result));
    }

    @Test
    void diskUsage_isSkippedOn1816() {
        createLogsAndTraces("MergeTree");
        CheckResult result = check(CheckCatalog.DISK_USAGE, 2);
        assertEquals(CheckResult.Status.SKIP, result.status());
        assertTrue(
                result.note().startsWith("ClickHouse 18.16")
                        && result.note().endsWith("has no system.disks " + "(19.15 and later have)"),
                result.note());
    }
}
