package dev.signozha.cluster.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.backup.BackupStatement;
import dev.signozha.core.clickhouse.ClickHouseObservation;
import dev.signozha.core.clickhouse.ClusterHost;
import dev.signozha.core.clickhouse.Freshness;
import dev.signozha.core.clickhouse.HostObservation;
import dev.signozha.core.clickhouse.IngestionSample;
import dev.signozha.core.clickhouse.MigrationState;
import dev.signozha.core.clickhouse.ZooKeeperSession;
import dev.signozha.core.continuity.DataContinuity;
import dev.signozha.core.continuity.DataSnapshot;
import dev.signozha.core.continuity.Retention;
import dev.signozha.core.continuity.SignalExtent;
import dev.signozha.core.topology.Topology;
import dev.signozha.support.clickhouse.ChDb;
import dev.signozha.support.clickhouse.ChDbHttpFront;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every statement ClickHouseSql sends, on a modern ClickHouse engine (chDB 26.7) holding SigNoz's table layout, sent
 * by the product's own driver (com.clickhouse clickhouse-jdbc, through DriverConnections with its settings and a
 * password) over ClickHouse's HTTP protocol. The engine's data is set up through chDB's own API.
 */
class ClickHouseSqlChDbIT {

    private static final String USER = "signoz";
    private static final String PASSWORD = "s3cret-Pa55";

    private static ChDb engine;
    private static ChDbHttpFront front;
    private Connection connection;
    private ClickHouseSql sql;

    @BeforeAll
    static void start() {
        engine = ChDb.require();
        engine.loadSignozSchema();
        front = ChDbHttpFront.start(engine, USER, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (front != null) {
            System.err.println("[chdb] statements run through the driver on ClickHouse " + front.version() + ":");
            front.requests().stream()
                    .map(ChDbHttpFront.Request::sql)
                    .distinct()
                    .forEach(statement -> System.err.println("[chdb]   " + statement));
            front.close();
        }
    }

    @BeforeEach
    void connect() throws SQLException {
        for (String table : List.of(
                "signoz_traces.signoz_index_v3",
                "signoz_logs.logs_v2",
                "signoz_metrics.samples_v4",
                "signoz_traces.schema_migrations_v2",
                "signoz_logs.schema_migrations_v2")) {
            engine.query("TRUNCATE TABLE " + table, "TabSeparated");
        }
        connection = connection(PASSWORD);
        sql = new ClickHouseSql(connection);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static Connection connection(String password) throws SQLException {
        return new DriverConnections(new Credentials(USER, password)).open(front.host(), front.port());
    }

    @Test
    void theDriverAsksForRowBinaryWithTypesCompressedAndGetsTheEnginesAnswer() throws SQLException {
        assertEquals(engine.text("SELECT version()"), sql.version());
        assertTrue(sql.version().startsWith("26."), sql.version());
        ChDbHttpFront.Request last = front.requests().get(front.requests().size() - 1);
        assertEquals(new ChDbHttpFront.Request("SELECT version() AS v", "RowBinaryWithNamesAndTypes", true), last);
        Duration skew = Duration.between(sql.now(), Instant.now()).abs();
        assertTrue(skew.compareTo(Duration.ofSeconds(5)) < 0, "server now is " + skew + " off");
    }

    @Test
    void aWrongPasswordIsRefusedAsTheServerRefusesIt() {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection wrong = connection("not-it")) {
                new ClickHouseSql(wrong).version();
            }
        });
        assertTrue(chain(refused).contains("Code: 516"), chain(refused));
        assertFalse(chain(refused).contains(PASSWORD), "the password must not appear in the error");
    }

    @Test
    void systemTablesDatabasesAndTablesOfTheSigNozLayout() throws SQLException {
        Set<String> system = sql.systemTables();
        assertTrue(
                system.containsAll(Set.of(
                        "clusters",
                        "replicas",
                        "distributed_ddl_queue",
                        "disks",
                        "parts",
                        "merge_tree_settings",
                        "columns",
                        "tables",
                        "databases")),
                system.toString());
        assertTrue(
                sql.databases().containsAll(ClickHouseObservation.SIGNOZ_DATABASES),
                sql.databases().toString());
        assertTrue(sql.tableExists("signoz_traces", "distributed_signoz_index_v3"));
        assertTrue(sql.tableExists("signoz_logs", "distributed_schema_migrations_v2"));
        assertFalse(sql.tableExists("signoz_meter", "distributed_schema_migrations_v2"));
    }

    @Test
    void clusterHostsAreTheEnginesOneHostCluster() throws SQLException {
        assertEquals(List.of(new ClusterHost(ChDb.CLUSTER, 1, 1, "localhost", "127.0.0.1", 49000)), sql.clusterHosts());
    }

    @Test
    void replicasParseAndNeitherZooKeeperNorItsDdlQueueIsReadWithoutZooKeeper() throws SQLException {
        assertEquals(List.of(), sql.replicas());
        Set<String> system = sql.systemTables();
        ZooKeeperSession zookeeper = sql.zookeeper(system);
        assertEquals(ZooKeeperSession.State.NOT_CONFIGURED, zookeeper.state(), zookeeper.detail());
        assertEquals(Optional.empty(), sql.ddlQueue(system));
        SQLException refused = assertThrows(SQLException.class, sql::unfinishedDdl);
        assertTrue(
                chain(refused).contains("Code: 139"), "a ZooKeeper-less server refuses the queue: " + chain(refused));
    }

    /**
     * The queue cannot be read without ZooKeeper, so the columns the query names are checked on the table's
     * definition (chDB's API): host and query_create_time, the modern names of 18.16's host_name/query_start_time.
     */
    @Test
    void theDdlQueueHasTheColumnsTheQueryReads() {
        Set<String> columns = Set.of(engine.text("SELECT name FROM system.columns WHERE database = 'system' "
                        + "AND table = 'distributed_ddl_queue'")
                .split("\n"));
        assertTrue(
                columns.containsAll(Set.of("entry", "host", "status", "query_create_time", "query")),
                columns.toString());
        String tree =
                engine.text("EXPLAIN QUERY TREE SELECT entry, toString(host) AS host, toString(status) AS status, "
                        + "toUnixTimestamp(query_create_time) AS created, query FROM system.distributed_ddl_queue "
                        + "WHERE toString(status) != 'Finished'");
        assertTrue(
                tree.contains("COLUMN id: ") && tree.contains("column_name: query_create_time"),
                "the analyzer resolves the query against the table: " + tree);
    }

    @Test
    void unfinishedMigrationsTakeEachMigrationsLatestStatus() throws SQLException {
        engine.query(
                "INSERT INTO signoz_logs.schema_migrations_v2 VALUES "
                        + "(1, 'finished', '', now64(9) - 60, now64(9) - 60), "
                        + "(1004, 'in-progress', '', now64(9) - 60, now64(9) - 60), "
                        + "(1004, 'failed', 'code: 115, message: Unknown setting', now64(9) - 60, now64(9) - 30), "
                        + "(1005, 'in-progress', '', now64(9) - 10, now64(9) - 10)",
                "TabSeparated");
        assertEquals(
                List.of(
                        new MigrationState("signoz_logs", 1004, "failed", "code: 115, message: Unknown setting"),
                        new MigrationState("signoz_logs", 1005, "in-progress", "")),
                sql.unfinishedMigrations("signoz_logs"));
        assertEquals(List.of(), sql.unfinishedMigrations("signoz_traces"));
    }

    @Test
    void aMissingTableIsReportedWithTheServersCodeAndName() {
        SQLException missing = assertThrows(SQLException.class, () -> sql.unfinishedMigrations("signoz_meter"));
        assertTrue(chain(missing).contains("Code: 60") && chain(missing).contains("UNKNOWN_TABLE"), chain(missing));
    }

    @Test
    void freshnessAndIngestionReadTheNewestRowOfEachSignalsDistributedTable() throws SQLException {
        long now = Long.parseLong(engine.text("SELECT toUnixTimestamp(now())"));
        engine.query(
                "INSERT INTO signoz_traces.signoz_index_v3 (ts_bucket_start, timestamp, trace_id, span_id, name) "
                        + "VALUES (" + (now - 1800) + ", toDateTime64(" + (now - 120) + ", 9), 'a1', 's1', 'GET /'), ("
                        + (now - 1800) + ", toDateTime64(" + (now - 7200) + ", 9), 'a2', 's2', 'GET /')",
                "TabSeparated");
        engine.query(
                "INSERT INTO signoz_logs.logs_v2 (ts_bucket_start, timestamp, id, body) VALUES (" + (now - 1800) + ", "
                        + (now - 60) + "000000000, 'l1', 'connection refused')",
                "TabSeparated");
        engine.query(
                "INSERT INTO signoz_metrics.samples_v4 (metric_name, fingerprint, unix_milli, value) VALUES "
                        + "('up', 1, " + (now - 2 * 86_400) + "000, 1)",
                "TabSeparated");

        Map<String, Freshness> freshness =
                sql.freshness().stream().collect(Collectors.toMap(Freshness::signal, signal -> signal));
        assertEquals(
                new Freshness(
                        "traces", "signoz_traces.distributed_signoz_index_v3", true, Instant.ofEpochSecond(now - 120)),
                freshness.get("traces"));
        assertEquals(Instant.ofEpochSecond(now - 60), freshness.get("logs").newest());
        assertTrue(freshness.get("metrics").tableExists());
        assertNull(freshness.get("metrics").newest(), "a sample older than the look-back window counts as none");

        IngestionSample sample = sql.ingestion();
        assertEquals(2, sample.signals().get("traces").rows());
        assertEquals(1, sample.signals().get("logs").rows());
        assertEquals(1, sample.signals().get("metrics").rows());
        assertEquals(
                Instant.ofEpochSecond(now - 120), sample.signals().get("traces").newest());
    }

    /**
     * The continuity figures on SigNoz's own DDL: the retention each local table declares (traces and metrics in
     * seconds, logs per row through _retention_days), and per distributed table the rows, oldest and newest
     * timestamps, and the rows inside the protected window; a row deleted from the window is seen as lost.
     */
    @Test
    void continuityReadsRetentionFromTheMigratorsDdlAndCountsTheProtectedWindow() throws SQLException {
        assertEquals(
                Map.of(
                        "traces", new Retention.Expires(Duration.ofDays(15)),
                        "logs", new Retention.Expires(Duration.ofDays(15)),
                        "metrics", new Retention.Expires(Duration.ofDays(30))),
                sql.retention());
        long now = Long.parseLong(engine.text("SELECT toUnixTimestamp(now())"));
        long tenDaysAgo = now - 10 * 86_400;
        engine.query(
                "INSERT INTO signoz_traces.signoz_index_v3 (ts_bucket_start, timestamp, trace_id, span_id, name) VALUES "
                        + "(" + tenDaysAgo + ", toDateTime64(" + tenDaysAgo + ", 9), 't1', 's1', 'GET /'), "
                        + "(" + (now - 14 * 86_400) + ", toDateTime64(" + (now - 14 * 86_400)
                        + ", 9), 't2', 's2', 'GET /'), "
                        + "(" + (now - 60) + ", toDateTime64(" + (now - 60) + ", 9), 't3', 's3', 'GET /')",
                "TabSeparated");
        engine.query(
                "INSERT INTO signoz_logs.logs_v2 (ts_bucket_start, timestamp, id, body) VALUES (" + tenDaysAgo + ", "
                        + tenDaysAgo + "000000000, 'l1', 'started'), (" + now + ", " + now
                        + "000000000, 'l2', 'ready')",
                "TabSeparated");
        Instant start = Instant.ofEpochSecond(now - 30);
        DataContinuity rule = new DataContinuity(sql.retention(), start, Duration.ofDays(2));
        DataSnapshot before = sql.extents(rule.windows());

        SignalExtent traces = before.signals().get("traces");
        assertEquals(
                new SignalExtent(
                        "signoz_traces.distributed_signoz_index_v3",
                        3,
                        Instant.ofEpochSecond(now - 14 * 86_400),
                        Instant.ofEpochSecond(now - 60),
                        2),
                traces,
                "the 14-day-old span can expire within the 2-day bound, so it is not protected");
        assertEquals(
                new SignalExtent(
                        "signoz_logs.distributed_logs_v2",
                        2,
                        Instant.ofEpochSecond(tenDaysAgo),
                        Instant.ofEpochSecond(now),
                        1),
                before.signals().get("logs"));
        assertEquals(
                new SignalExtent("signoz_metrics.distributed_samples_v4", 0, null, null, 0),
                before.signals().get("metrics"));
        assertTrue(rule.judge(before, sql.extents(rule.windows())).kept());

        engine.query(
                "ALTER TABLE signoz_traces.signoz_index_v3 DELETE WHERE trace_id = 't1' SETTINGS mutations_sync = 1",
                "TabSeparated");
        DataContinuity.Verdict lost = rule.judge(before, sql.extents(rule.windows()));
        assertEquals(1, lost.violations().size(), lost.table());
        assertTrue(
                lost.violations().get(0).startsWith("traces: 1 of the 2 rows"),
                lost.violations().get(0));
    }

    /**
     * The backup statement upgrade sends parses as ClickHouse 26.7 parses it (formatQuery: ON CLUSTER, several
     * databases, S3 with credentials, Disk, ASYNC, which it reads as the setting async), system.backups has the status values BackupProgress reads, and
     * the per-host query runs (chDB has no ZooKeeper, so ON CLUSTER itself cannot run here).
     */
    @Test
    void theBackupStatementParsesAndSystemBackupsHasTheStatusesTheGateReads() throws SQLException {
        String name = BackupStatement.name("signoz", Instant.parse("2026-12-06T23:40:05Z"));
        Topology.Backup s3 = new Topology.Backup(
                new Topology.S3Backup(
                        "https://signoz-backups.s3.eu-west-1.amazonaws.com/prod",
                        new Topology.SecretRef("s3-backup", "AWS_ACCESS_KEY_ID"),
                        new Topology.SecretRef("s3-backup", "AWS_SECRET_ACCESS_KEY")),
                null);
        for (BackupStatement statement : List.of(
                BackupStatement.of(
                        name,
                        sql.signozDatabases(),
                        ChDb.CLUSTER,
                        s3,
                        Optional.of(new BackupStatement.S3Credentials("AKIAIOSFODNN7EXAMPLE", "it's\\secret"))),
                BackupStatement.of(
                        name,
                        List.of("signoz_logs"),
                        ChDb.CLUSTER,
                        new Topology.Backup(null, "backups"),
                        Optional.empty()))) {
            String formatted = engine.text("SELECT formatQuerySingleLine(" + literal(statement.sql()) + ")");
            assertTrue(formatted.startsWith("BACKUP DATABASE signoz_"), formatted);
            assertTrue(
                    formatted.contains("ON CLUSTER cluster TO ") && formatted.endsWith(" SETTINGS async = true"),
                    formatted);
        }
        assertEquals(
                List.of(
                        "signoz_traces",
                        "signoz_metrics",
                        "signoz_logs",
                        "signoz_metadata",
                        "signoz_analytics",
                        "signoz_meter"),
                sql.signozDatabases());
        String status = engine.text("SELECT type FROM system.columns WHERE database = 'system' AND table = 'backups' "
                + "AND name = 'status'");
        for (String value : List.of("CREATING_BACKUP", "BACKUP_CREATED", "BACKUP_FAILED", "BACKUP_CANCELLED")) {
            assertTrue(status.contains(value), status);
        }
        assertEquals(List.of(), sql.backupProgress(ChDb.CLUSTER, name).hosts());
    }

    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void theInspectorSeesTheEngineAsAOneHostClusterWithItsStorage() {
        engine.query(
                "INSERT INTO signoz_logs.logs_v2 (ts_bucket_start, timestamp, id, body) VALUES (1, "
                        + "toUInt64(toUnixTimestamp(now())) * 1000000000, 'l2', 'x')",
                "TabSeparated");
        ClickHouseObservation observation = new ClickHouseInspector(
                        new DirectHosts(
                                front.host(), front.port(), new DriverConnections(new Credentials(USER, PASSWORD))),
                        Clock.systemUTC())
                .inspect(ChDb.CLUSTER);
        assertTrue(observation.answered(), observation.seedError());
        assertEquals(Set.of(ChDb.CLUSTER), observation.clusterNames());
        assertEquals(Set.of("signoz_traces", "signoz_logs", "signoz_metrics"), observation.databasesWithMigrations());
        HostObservation host = observation.hosts().get(0);
        assertTrue(host.reachable(), host.error());
        assertTrue(
                host.storage()
                        .tables()
                        .contains(new dev.signozha.core.clickhouse.HostStorage.TableEngine(
                                "signoz_logs", "distributed_logs_v2", "Distributed")),
                host.storage().tables().toString());
        assertTrue(
                host.storage()
                        .tables()
                        .contains(new dev.signozha.core.clickhouse.HostStorage.TableEngine(
                                "signoz_logs", "logs_v2", "MergeTree")),
                host.storage().tables().toString());
        assertEquals("default", host.storage().disks().orElseThrow().get(0).name());
        assertTrue(host.storage().disks().orElseThrow().get(0).totalBytes() > 0);
        assertEquals(3000, host.storage().partsToThrowInsert());
        assertEquals(
                1,
                host.storage().busiestPartitions().stream()
                        .filter(p -> p.table().equals("logs_v2"))
                        .findFirst()
                        .orElseThrow()
                        .activeParts());
    }

    private static String chain(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append(" | ");
        }
        return text.toString();
    }
}
