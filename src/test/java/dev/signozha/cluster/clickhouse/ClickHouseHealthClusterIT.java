package dev.signozha.cluster.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.actions.ClickHouseAccess;
import dev.signozha.actions.DeployAction;
import dev.signozha.actions.DeployPhase;
import dev.signozha.actions.DoctorAction;
import dev.signozha.actions.IngestionProbe;
import dev.signozha.actions.InputFiles;
import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckResult;
import dev.signozha.checks.Finding;
import dev.signozha.core.clickhouse.ClickHouseObservation;
import dev.signozha.core.clickhouse.IngestionSample;
import dev.signozha.core.clickhouse.Thresholds;
import dev.signozha.support.SimulatedCluster;
import dev.signozha.support.clickhouse.LegacyConnections;
import dev.signozha.support.clickhouse.LocalClickHouseCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ClickHouse-level checks against a real 2 shards x 2 replicas cluster with a real ZooKeeper (Debian's
 * clickhouse-server 18.16), healthy and broken in each of the ways the checks exist for. The product's query
 * code runs unchanged; only the JDBC connection comes from the legacy driver, the one 18.16 speaks to.
 */
class ClickHouseHealthClusterIT {

    @RegisterExtension
    static final LocalClickHouseCluster CLUSTER = new LocalClickHouseCluster();

    private static final String SEED = "127.0.0.11";
    private static final String LOCAL_SHARD_1 = "127.0.0.11";
    private static final String LOCAL_SHARD_2 = "127.0.0.13";
    private static final ConnectionFactory LEGACY = (host, port) -> LegacyConnections.open(host);

    @TempDir
    Path dir;

    @BeforeEach
    void createSignozShapedSchema() {
        for (String database : ClickHouseObservation.SIGNOZ_DATABASES) {
            ddl("CREATE DATABASE IF NOT EXISTS " + database + " ON CLUSTER cluster");
            replicated(
                    database,
                    "schema_migrations_v2",
                    "migration_id UInt64, status String, error String, " + "created_at DateTime, updated_at DateTime",
                    "ReplicatedReplacingMergeTree",
                    "migration_id",
                    "rand()",
                    ", updated_at");
            CLUSTER.query(
                    LOCAL_SHARD_1,
                    "INSERT INTO " + database + ".schema_migrations_v2 SELECT 1, 'finished', '', now(), now()");
        }
        replicated(
                "signoz_traces",
                "signoz_index_v3",
                "timestamp DateTime, ts_bucket_start UInt64, trace_id String",
                "ReplicatedMergeTree",
                "timestamp",
                "cityHash64(trace_id)",
                "");
        replicated(
                "signoz_logs",
                "logs_v2",
                "timestamp UInt64, ts_bucket_start UInt64, id String",
                "ReplicatedMergeTree",
                "timestamp",
                "cityHash64(id)",
                "");
        replicated(
                "signoz_metrics",
                "samples_v4",
                "unix_milli Int64, metric_name String",
                "ReplicatedMergeTree",
                "unix_milli",
                "cityHash64(metric_name)",
                "");
        insertRows("now()");
    }

    @AfterEach
    void dropSchema() {
        CLUSTER.restart();
        for (String database : ClickHouseObservation.SIGNOZ_DATABASES) {
            ddl("DROP DATABASE IF EXISTS " + database + " ON CLUSTER cluster");
        }
    }

    @Test
    void healthyCluster_passesEveryClickHouseCheck_andSkipsTheDdlQueueOn1816() throws IOException {
        long start = System.nanoTime();
        Map<String, CheckResult> results = doctor(topology("cluster", 2, 2));
        System.out.printf(
                "one full set of ClickHouse checks against the 2x2 cluster: %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(Set.of(), failing(results));
        CheckResult ddl = results.get("DDL_QUEUE_STUCK");
        assertEquals(CheckResult.Status.SKIP, ddl.status());
        assertTrue(
                ddl.note().startsWith("ClickHouse 18.16")
                        && ddl.note().endsWith("(no system.distributed_ddl_queue, or no ZooKeeper)"),
                ddl.note());
        assertEquals(
                CheckResult.Status.PASS,
                results.get("CLICKHOUSE_TOPOLOGY_MISMATCH").status());
        assertEquals(
                "cluster 'cluster' is 2 x 2",
                results.get("CLICKHOUSE_TOPOLOGY_MISMATCH").note());
    }

    @Test
    void wrongClusterName_isATopologyMismatch() throws IOException {
        Map<String, CheckResult> results = doctor(topology("prod", 2, 2));
        assertEquals(Set.of("CLICKHOUSE_TOPOLOGY_MISMATCH"), failing(results));
        assertTrue(detail(results, "CLICKHOUSE_TOPOLOGY_MISMATCH").startsWith("system.clusters has no cluster 'prod'"));
    }

    @Test
    void threeShardTopology_isATopologyMismatch() throws IOException {
        Map<String, CheckResult> results = doctor(topology("cluster", 3, 2));
        assertEquals(Set.of("CLICKHOUSE_TOPOLOGY_MISMATCH"), failing(results));
        assertEquals(
                "cluster 'cluster' has 2 shard(s) x 2 replica(s), the topology wants 3 x 2",
                detail(results, "CLICKHOUSE_TOPOLOGY_MISMATCH"));
    }

    @Test
    void stoppedReplica_isAHostDown() throws IOException {
        CLUSTER.stopNode("ch-s2-r2");
        Map<String, CheckResult> results = doctor(topology("cluster", 2, 2));
        assertTrue(
                failing(results).contains("CLICKHOUSE_HOST_DOWN"),
                failing(results).toString());
        Finding down = results.get("CLICKHOUSE_HOST_DOWN").findings().get(0);
        assertEquals(List.of("ClickHouse/127.0.0.14:8123"), down.objects());
        assertTrue(down.detail().startsWith("127.0.0.14:9000 (shard 2, replica 2) does not answer"), down.detail());
    }

    @Test
    void stoppedZooKeeper_makesReplicasReadOnlyOrUnreachable() throws Exception {
        CLUSTER.stopZooKeeper();
        Set<String> failing = Set.of();
        long deadline = System.nanoTime() + 40_000_000_000L;
        while (System.nanoTime() < deadline) {
            failing = failing(doctor(topology("cluster", 2, 2)));
            if (failing.contains("REPLICA_READONLY") || failing.contains("ZOOKEEPER_UNREACHABLE")) {
                break;
            }
            Thread.sleep(1000);
        }
        assertTrue(
                failing.contains("REPLICA_READONLY") || failing.contains("ZOOKEEPER_UNREACHABLE"), failing.toString());
    }

    @Test
    void databaseOnOneHostOnly_andAFailedMigration_areIncompleteMigrations() throws IOException {
        ddl("DROP DATABASE IF EXISTS signoz_meter ON CLUSTER cluster");
        CLUSTER.query(LOCAL_SHARD_1, "CREATE DATABASE signoz_meter");
        CLUSTER.query(
                LOCAL_SHARD_2,
                "INSERT INTO signoz_logs.schema_migrations_v2 SELECT 1004, 'failed', "
                        + "'code: 115, Unknown setting', now(), now()");
        Map<String, CheckResult> results = doctor(topology("cluster", 2, 2));
        assertEquals(Set.of("MIGRATIONS_INCOMPLETE", "SCHEMA_PARITY"), failing(results));
        assertEquals(
                List.of("127.0.0.12:9000 lacks 1 SigNoz database(s) or table(s) other hosts have: database "
                        + "signoz_meter (on 1 of 4 hosts)"),
                results.get("SCHEMA_PARITY").findings().stream()
                        .map(Finding::detail)
                        .filter(detail -> detail.startsWith("127.0.0.12"))
                        .toList());
        List<String> details = results.get("MIGRATIONS_INCOMPLETE").findings().stream()
                .map(Finding::detail)
                .toList();
        assertTrue(
                details.contains("signoz_meter is missing on 127.0.0.12:9000, 127.0.0.13:9000, 127.0.0.14:9000"),
                details.toString());
        assertTrue(
                details.contains("signoz_logs has migration(s) 1004 failed (code: 115, Unknown setting)"),
                details.toString());
    }

    @Test
    void oldRowsOnly_isStalledIngestion_andFreshRowsClearIt() throws IOException {
        for (String table :
                List.of("signoz_traces.signoz_index_v3", "signoz_logs.logs_v2", "signoz_metrics.samples_v4")) {
            ddl("TRUNCATE TABLE " + table + " ON CLUSTER cluster");
        }
        insertRows("now() - 7200");
        Map<String, CheckResult> stale = doctor(topology("cluster", 2, 2));
        assertEquals(Set.of("INGESTION_STALLED"), failing(stale));
        assertEquals(
                List.of(
                        "traces: newest row is 120 min old (limit 10 min)",
                        "logs: newest row is 120 min old (limit 10 min)",
                        "metrics: newest row is 120 min old (limit 10 min)"),
                stale.get("INGESTION_STALLED").findings().stream()
                        .map(Finding::detail)
                        .toList());
        insertRows("now()");
        assertEquals(Set.of(), failing(doctor(topology("cluster", 2, 2))));
    }

    @Test
    void ingestionProbe_countsEveryShardsRows_andSeesTheNextInsertAdvance() {
        IngestionProbe probe = IngestionProbe.direct("jdbc:clickhouse://" + SEED + ":8123", LEGACY);
        IngestionSample before = probe.sample().orElseThrow();
        assertEquals(Set.of("logs", "metrics", "traces"), before.signals().keySet());
        assertEquals(2, before.signals().get("traces").rows(), "one row on each shard, through the distributed table");
        insertRows("now() + 5");
        IngestionSample after = probe.sample().orElseThrow();
        for (String signal : before.signals().keySet()) {
            assertTrue(after.signals().get(signal).advancedFrom(before.signals().get(signal)), signal);
        }
    }

    @Test
    void deploy_verifiesInsideClickHouse_stoppingWhileItDisagrees_andPassingWhenItAgrees() throws Exception {
        // The local servers run 18.16.1 and define cluster 'cluster': the topology names that version, so only the
        // cluster's name disagrees at first.
        String production = InputFiles.readText(SimulatedCluster.PRODUCTION)
                .replace("clickhouse-server:25.12.5", "clickhouse-server:18.16.1");
        SimulatedCluster.Run wrongCluster = deployAgainstTheLocalServers(production);
        assertEquals(7, wrongCluster.exitCode(), wrongCluster.all());
        String message = wrongCluster.failure().getMessage();
        assertTrue(message.contains("clickhouse-version: ClickHouse did not converge on 18.16.1 within 3s"), message);
        assertTrue(message.contains("system.clusters has no cluster 'prod'"), message);
        assertTrue(message.contains("so the schema migration did not run"), message);

        SimulatedCluster.Run agreeing =
                deployAgainstTheLocalServers(production.replace("cluster: prod", "cluster: cluster"));
        assertEquals(0, agreeing.exitCode(), agreeing.all());
        assertTrue(
                agreeing.progress().contains("clickhouse-version: 4/4 hosts at 18.16.1, replication caught up"),
                agreeing.progress());
        assertTrue(agreeing.progress().contains("[9/9] verification: "), agreeing.progress());
    }

    /** A simulated deploy whose convergence and verification ask the local 2x2 servers, with 3 s each to pass. */
    private static SimulatedCluster.Run deployAgainstTheLocalServers(String topology) throws Exception {
        try (SimulatedCluster world = new SimulatedCluster(Duration.ofMillis(30))) {
            world.withClickHouse(ClickHouseAccess.direct(
                    "jdbc:clickhouse://" + SEED + ":8123", LEGACY, Thresholds.DEFAULTS, Clock.systemUTC()));
            return world.run(SimulatedCluster.request(DeployAction.Kind.DEPLOY, topology, Optional.empty()).toBuilder()
                    .timeout(DeployPhase.CLICKHOUSE_VERSION, Duration.ofSeconds(3))
                    .timeout(DeployPhase.VERIFICATION, Duration.ofSeconds(3))
                    .build());
        }
    }

    private Map<String, CheckResult> doctor(Path topology) {
        DoctorAction.Result result = new DoctorAction()
                .run(new DoctorAction.Request(
                        null,
                        null,
                        DoctorAction.load(topology),
                        ClickHouseAccess.direct(
                                "jdbc:clickhouse://" + SEED + ":8123",
                                LEGACY,
                                Thresholds.DEFAULTS,
                                Clock.systemUTC())));
        Map<String, CheckResult> byCode = new TreeMap<>();
        result.report().results().stream()
                .filter(r -> CheckCatalog.clickhouse().contains(r.spec()))
                .forEach(r -> byCode.put(r.spec().code(), r));
        return byCode;
    }

    private static Set<String> failing(Map<String, CheckResult> results) {
        return results.values().stream()
                .filter(r -> r.status() == CheckResult.Status.FAIL)
                .map(r -> r.spec().code())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String detail(Map<String, CheckResult> results, String code) {
        return results.get(code).findings().get(0).detail();
    }

    private Path topology(String cluster, int shards, int replicas) throws IOException {
        return Files.writeString(
                dir.resolve("topology-" + cluster + "-" + shards + ".yaml"), """
                apiVersion: signoz-ha/v1
                kind: Topology
                metadata: {name: local}
                spec:
                  namespace: local
                  clickhouse: {host: local-clickhouse, cluster: %s, shards: %d, replicas: %d}
                """.formatted(cluster, shards, replicas));
    }

    /** A replicated local table on every host and its Distributed table, as the SigNoz migrator creates them. */
    private static void replicated(
            String database,
            String table,
            String columns,
            String engine,
            String orderBy,
            String shardingKey,
            String engineArgument) {
        ddl("CREATE TABLE IF NOT EXISTS " + database + "." + table + " ON CLUSTER cluster (" + columns + ") ENGINE = "
                + engine + "('/clickhouse/tables/{shard}/" + database + "." + table + "', '{replica}'" + engineArgument
                + ") ORDER BY " + orderBy);
        ddl("CREATE TABLE IF NOT EXISTS " + database + ".distributed_" + table + " ON CLUSTER cluster AS " + database
                + "." + table + " ENGINE = Distributed(cluster, " + database + ", " + table + ", " + shardingKey + ")");
    }

    /** A row per signal on each shard (inserted into the local tables, so it replicates without the async queue). */
    private static void insertRows(String when) {
        for (String host : List.of(LOCAL_SHARD_1, LOCAL_SHARD_2)) {
            CLUSTER.query(
                    host,
                    "INSERT INTO signoz_traces.signoz_index_v3 SELECT " + when + ", toUInt64(toUnixTimestamp(" + when
                            + ")), 'trace'");
            CLUSTER.query(
                    host,
                    "INSERT INTO signoz_logs.logs_v2 SELECT toUInt64(toUnixTimestamp(" + when
                            + ")) * 1000000000, toUInt64(toUnixTimestamp(" + when + ")), 'log'");
            CLUSTER.query(
                    host,
                    "INSERT INTO signoz_metrics.samples_v4 SELECT toInt64(toUnixTimestamp(" + when
                            + ")) * 1000, 'metric'");
        }
    }

    private static void ddl(String sql) {
        CLUSTER.query(SEED, sql);
    }
}
