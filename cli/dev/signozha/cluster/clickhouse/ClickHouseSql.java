package dev.signozha.cluster.clickhouse;

import dev.signozha.core.backup.BackupProgress;
import dev.signozha.core.backup.BackupStatement;
import dev.signozha.core.clickhouse.ClickHouseObservation;
import dev.signozha.core.clickhouse.ClusterHost;
import dev.signozha.core.clickhouse.DdlTask;
import dev.signozha.core.clickhouse.Freshness;
import dev.signozha.core.clickhouse.HostStorage;
import dev.signozha.core.clickhouse.IngestionSample;
import dev.signozha.core.clickhouse.MigrationState;
import dev.signozha.core.clickhouse.ReplicaState;
import dev.signozha.core.clickhouse.ZooKeeperSession;
import dev.signozha.core.continuity.DataSnapshot;
import dev.signozha.core.continuity.ProtectedWindow;
import dev.signozha.core.continuity.Retention;
import dev.signozha.core.continuity.SignalExtent;
import dev.signozha.core.continuity.TableTtl;
import dev.signozha.core.text.Messages;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every query the ClickHouse checks make, on any JDBC connection (the product's driver, or the legacy one the
 * tests use against ClickHouse 18.16). Written for old and new servers alike: times come back as epoch seconds
 * computed by the server, and optional system tables are looked up before they are read.
 */
public final class ClickHouseSql {

    static final int QUERY_TIMEOUT_SECONDS = 15;
    /** How far back the freshness queries look; older data counts as none. */
    static final int LOOK_BACK_SECONDS = 86_400;
    /** How many of a host's partitions with the most parts are read. */
    static final int BUSIEST_PARTITIONS = 10;

    private static final String SIGNOZ_DATABASE_LIST = ClickHouseObservation.SIGNOZ_DATABASES.stream()
            .map(database -> "'" + identifier(database) + "'")
            .collect(Collectors.joining(", "));

    private final Connection connection;

    public ClickHouseSql(Connection connection) {
        this.connection = connection;
    }

    public String version() throws SQLException {
        return Values.asText(one("SELECT version() AS v").get("v"));
    }

    public Instant now() throws SQLException {
        return Instant.ofEpochSecond(
                Values.asLong(one("SELECT toUnixTimestamp(now()) AS now").get("now")));
    }

    public Set<String> systemTables() throws SQLException {
        return names("SELECT name FROM system.tables WHERE database = 'system'");
    }

    public Set<String> databases() throws SQLException {
        return names("SELECT name FROM system.databases");
    }

    public boolean tableExists(String database, String table) throws SQLException {
        return !rows("SELECT 1 AS found FROM system.tables WHERE database = '" + identifier(database) + "' AND name = '"
                        + identifier(table) + "'")
                .isEmpty();
    }

    public List<ClusterHost> clusterHosts() throws SQLException {
        return rows("SELECT cluster, shard_num, replica_num, host_name, host_address, port FROM system.clusters")
                .stream()
                .map(RowMappers::clusterHost)
                .toList();
    }

    public List<ReplicaState> replicas() throws SQLException {
        return rows("SELECT database, table, is_readonly, is_session_expired, absolute_delay, queue_size, "
                        + "active_replicas, total_replicas FROM system.replicas")
                .stream()
                .map(RowMappers::replica)
                .toList();
    }

    /**
     * A session per system.zookeeper_connection where the server has it, else by reading the root node. A server
     * without either table has no ZooKeeper configured: modern servers attach them only when it is.
     */
    public ZooKeeperSession zookeeper(Set<String> systemTables) {
        if (!systemTables.contains("zookeeper_connection") && !systemTables.contains("zookeeper")) {
            return new ZooKeeperSession(
                    ZooKeeperSession.State.NOT_CONFIGURED,
                    "the server has no system.zookeeper: no ZooKeeper is configured");
        }
        try {
            if (systemTables.contains("zookeeper_connection")) {
                long sessions = Values.asLong(one("SELECT count() AS n FROM system.zookeeper_connection")
                        .get("n"));
                return sessions > 0
                        ? new ZooKeeperSession(ZooKeeperSession.State.UP, sessions + " connection(s)")
                        : new ZooKeeperSession(ZooKeeperSession.State.DOWN, "system.zookeeper_connection is empty");
            }
            rows("SELECT name FROM system.zookeeper WHERE path = '/'");
            return new ZooKeeperSession(ZooKeeperSession.State.UP, "read /");
        } catch (SQLException e) {
            String message = Messages.firstLine(e.getMessage(), "no answer");
            boolean unconfigured = message.contains("no ZooKeeper")
                    || message.contains("ZooKeeper is not configured")
                    || message.contains("There is no ZooKeeper configuration");
            return new ZooKeeperSession(
                    unconfigured ? ZooKeeperSession.State.NOT_CONFIGURED : ZooKeeperSession.State.DOWN, message);
        }
    }

    /** How this host stores SigNoz's data: tables and engines, disks where system.disks exists, parts per partition. */
    public HostStorage storage(Set<String> systemTables) throws SQLException {
        return new HostStorage(
                signozTables(),
                systemTables.contains("disks") ? Optional.of(disks()) : Optional.empty(),
                busiestPartitions(),
                partsToThrowInsert());
    }

    public List<HostStorage.TableEngine> signozTables() throws SQLException {
        return rows("SELECT database, name, engine FROM system.tables WHERE database IN (" + SIGNOZ_DATABASE_LIST
                        + ") ORDER BY database, name")
                .stream()
                .map(RowMappers::tableEngine)
                .toList();
    }

    public List<HostStorage.DiskUsage> disks() throws SQLException {
        return rows("SELECT name, path, free_space, total_space FROM system.disks ORDER BY name").stream()
                .map(RowMappers::disk)
                .toList();
    }

    /** The SigNoz partitions with the most active parts, most first. */
    public List<HostStorage.PartitionParts> busiestPartitions() throws SQLException {
        return rows(
                        "SELECT database, table, partition, count() AS parts FROM system.parts WHERE active AND database IN ("
                                + SIGNOZ_DATABASE_LIST
                                + ") GROUP BY database, table, partition ORDER BY parts DESC, database, table, "
                                + "partition LIMIT " + BUSIEST_PARTITIONS)
                .stream()
                .map(RowMappers::partitionParts)
                .toList();
    }

    /** The server's merge_tree setting parts_to_throw_insert; 0 when the server does not list it. */
    public long partsToThrowInsert() throws SQLException {
        List<Map<String, Object>> rows =
                rows("SELECT value FROM system.merge_tree_settings WHERE name = " + "'parts_to_throw_insert'");
        return rows.isEmpty() ? 0 : Values.asLong(rows.get(0).get("value"));
    }

    /**
     * The unfinished distributed DDL, or empty when the server has no queue to read: no system.distributed_ddl_queue
     * (before 20.x), or no ZooKeeper, where the queue lives (a modern server then refuses to read the table).
     */
    public Optional<List<DdlTask>> ddlQueue(Set<String> systemTables) throws SQLException {
        boolean zookeeper = systemTables.contains("zookeeper") || systemTables.contains("zookeeper_connection");
        return systemTables.contains("distributed_ddl_queue") && zookeeper
                ? Optional.of(unfinishedDdl())
                : Optional.empty();
    }

    /** Unfinished distributed DDL; column names differ across versions (host/host_name, query_create_time/query_start_time). */
    public List<DdlTask> unfinishedDdl() throws SQLException {
        Set<String> columns = names(
                "SELECT name FROM system.columns WHERE database = 'system' " + "AND table = 'distributed_ddl_queue'");
        String host = columns.contains("host") ? "host" : "host_name";
        String created = columns.contains("query_create_time") ? "query_create_time" : "query_start_time";
        return rows("SELECT entry, toString(" + host + ") AS host, toString(status) AS status, toUnixTimestamp("
                        + created
                        + ") AS created, query FROM system.distributed_ddl_queue WHERE toString(status) != 'Finished'")
                .stream()
                .map(RowMappers::ddlTask)
                .toList();
    }

    /** The latest state of every migration of a SigNoz database that is not finished. */
    public List<MigrationState> unfinishedMigrations(String database) throws SQLException {
        return rows("SELECT migration_id, argMax(status, updated_at) AS latest_status, argMax(error, updated_at) AS "
                        + "latest_error FROM " + identifier(database)
                        + ".distributed_schema_migrations_v2 GROUP BY migration_id "
                        + "HAVING latest_status != 'finished' ORDER BY migration_id")
                .stream()
                .map(row -> RowMappers.migration(database, row))
                .toList();
    }

    /** The newest row of each signal's distributed table within the look-back window, as epoch seconds. */
    public List<Freshness> freshness() throws SQLException {
        List<Freshness> signals = new ArrayList<>();
        for (SignalTable signal : SIGNALS) {
            if (!tableExists(signal.database(), signal.table())) {
                signals.add(new Freshness(signal.signal(), signal.name(), false, null));
            } else {
                Object value = one("SELECT " + signal.newest() + " AS newest FROM " + signal.name() + " WHERE "
                                + signal.window())
                        .get("newest");
                signals.add(new Freshness(signal.signal(), signal.name(), true, Values.asEpochSecond(value)));
            }
        }
        return signals;
    }

    /**
     * How far each signal's data has come: its distributed table's row count and newest row in the look-back
     * window, for the signals whose table exists.
     */
    public IngestionSample ingestion() throws SQLException {
        Map<String, IngestionSample.Signal> signals = new LinkedHashMap<>();
        for (SignalTable signal : SIGNALS) {
            if (tableExists(signal.database(), signal.table())) {
                Map<String, Object> row = one("SELECT count() AS rows, (SELECT " + signal.newest() + " FROM "
                        + signal.name() + " WHERE " + signal.window() + ") AS newest FROM " + signal.name());
                signals.put(
                        signal.signal(),
                        new IngestionSample.Signal(
                                signal.name(),
                                Values.asLong(row.get("rows")),
                                Values.asEpochSecond(row.get("newest"))));
            }
        }
        return new IngestionSample(now(), signals);
    }

    /**
     * What each signal's distributed table holds now: rows, oldest and newest timestamps, and the rows in the
     * signal's protected window, for the signals whose table exists. One scan of the table's time column per signal.
     */
    public DataSnapshot extents(Map<String, ProtectedWindow> windows) throws SQLException {
        Map<String, SignalExtent> signals = new LinkedHashMap<>();
        for (SignalTable signal : SIGNALS) {
            if (tableExists(signal.database(), signal.table())) {
                ProtectedWindow window = windows.get(signal.signal());
                String inWindow = window == null
                        ? "0"
                        : "countIf(" + signal.seconds(signal.column()) + " >= "
                                + window.from().getEpochSecond()
                                + " AND " + signal.seconds(signal.column()) + " < "
                                + window.until().getEpochSecond()
                                + ")";
                Map<String, Object> row = one("SELECT count() AS rows, "
                        + signal.seconds("min(" + signal.column() + ")")
                        + " AS oldest, " + signal.seconds("max(" + signal.column() + ")") + " AS newest, " + inWindow
                        + " AS kept FROM " + signal.name());
                signals.put(
                        signal.signal(),
                        new SignalExtent(
                                signal.name(),
                                Values.asLong(row.get("rows")),
                                Values.asEpochSecond(row.get("oldest")),
                                Values.asEpochSecond(row.get("newest")),
                                Values.asLong(row.get("kept"))));
            }
        }
        return new DataSnapshot(now(), signals);
    }

    /**
     * How long each signal's data is kept, read from the definition of the local table under its distributed one
     * (on this host; the migrator creates it alike on every host), for the signals whose table exists.
     */
    public Map<String, Retention> retention() throws SQLException {
        Map<String, Retention> retention = new LinkedHashMap<>();
        for (SignalTable signal : SIGNALS) {
            if (tableExists(signal.database(), signal.table())) {
                Map<String, Object> row = one("SELECT create_table_query FROM system.tables WHERE database = '"
                        + signal.database() + "' AND name = '" + signal.localTable() + "'");
                retention.put(signal.signal(), TableTtl.of(Values.asText(row.get("create_table_query"))));
            }
        }
        return retention;
    }

    /** The SigNoz databases this host has, in {@link ClickHouseObservation#SIGNOZ_DATABASES} order. */
    public List<String> signozDatabases() throws SQLException {
        Set<String> present = databases();
        return ClickHouseObservation.SIGNOZ_DATABASES.stream()
                .filter(present::contains)
                .toList();
    }

    /**
     * Starts {@code backup} (an ASYNC statement) and returns the operation's id. An error comes back with any S3
     * credentials hidden and without the driver's exception as its cause, which may quote the statement.
     */
    public String startBackup(BackupStatement backup) throws SQLException {
        try {
            return Values.asText(one(backup.sql()).get("id"));
        } catch (SQLException e) {
            throw new SQLException(BackupStatement.masked(Messages.firstLine(e.getMessage(), "no answer")));
        }
    }

    /** The backup {@code name} on every host of {@code cluster}, as each host's system.backups reports it. */
    public BackupProgress backupProgress(String cluster, String name) throws SQLException {
        return new BackupProgress(rows("SELECT hostName() AS host, toString(status) AS status, error FROM "
                        + "clusterAllReplicas('" + clusterName(cluster) + "', system.backups) WHERE name LIKE '%"
                        + backupName(name) + "%' ORDER BY host")
                .stream()
                .map(row -> new BackupProgress.Host(
                        Values.asText(row.get("host")),
                        Values.asText(row.get("status")),
                        Values.asText(row.get("error"))))
                .toList());
    }

    /**
     * A signal's distributed table, its time column and how to turn a value of it into epoch seconds
     * ({@code %s} stands for the value), and the look-back window of the freshness queries.
     */
    private record SignalTable(
            String signal, String database, String table, String column, String toSeconds, String window) {
        String name() {
            return database + "." + table;
        }

        /** The local table the distributed one reads, as the migrator names them. */
        String localTable() {
            return table.substring("distributed_".length());
        }

        String seconds(String value) {
            return toSeconds.formatted(value);
        }

        String newest() {
            return seconds("max(" + column + ")");
        }
    }

    private static final List<SignalTable> SIGNALS = List.of(
            new SignalTable(
                    "traces",
                    "signoz_traces",
                    "distributed_signoz_index_v3",
                    "timestamp",
                    "toUnixTimestamp(%s)",
                    "timestamp >= now() - " + LOOK_BACK_SECONDS),
            new SignalTable(
                    "logs",
                    "signoz_logs",
                    "distributed_logs_v2",
                    "timestamp",
                    "intDiv(%s, 1000000000)",
                    "timestamp >= toUInt64(toUnixTimestamp(now()) - " + LOOK_BACK_SECONDS + ") * 1000000000"),
            new SignalTable(
                    "metrics",
                    "signoz_metrics",
                    "distributed_samples_v4",
                    "unix_milli",
                    "intDiv(%s, 1000)",
                    "unix_milli >= (toUnixTimestamp(now()) - " + LOOK_BACK_SECONDS + ") * 1000"));

    private Map<String, Object> one(String sql) throws SQLException {
        List<Map<String, Object>> rows = rows(sql);
        if (rows.isEmpty()) {
            throw new SQLException("no row from: " + sql);
        }
        return rows.get(0);
    }

    private Set<String> names(String sql) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        rows(sql).forEach(row -> names.add(Values.asText(row.get("name"))));
        return names;
    }

    private List<Map<String, Object>> rows(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet results = statement.executeQuery(sql)) {
                ResultSetMetaData meta = results.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (results.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row.put(meta.getColumnLabel(column), results.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** Cluster names as the topology allows them (letters, digits, '_' and '-'), inside a string literal. */
    private static String clusterName(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("not a cluster name: " + name);
        }
        return name;
    }

    /** Backup names are {@link BackupStatement#name}s: letters, digits and dashes. */
    private static String backupName(String name) {
        if (!name.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("not a backup name: " + name);
        }
        return name;
    }

    /** Names come from our own constants and system tables; refuse anything that is not a plain identifier. */
    private static String identifier(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not an identifier: " + name);
        }
        return name;
    }
}
