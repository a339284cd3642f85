package dev.signozha.support.clickhouse;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.signozha.core.clickhouse.ClickHouseObservation;
import dev.signozha.support.Project;
import dev.signozha.support.ToolInstall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A modern ClickHouse engine in the test JVM: chDB (ClickHouse 26.7 as a library, {@code libchdb.so} from the npm
 * package {@code @chdb/lib-linux-x64-gnu}, put at {@code target/tools/chdb/libchdb.so} by {@code .ci/chdb/install.sh}
 * the first time a test asks), called through its C API with JNA. One engine per JVM, on a fresh data directory
 * under {@code target/chdb/}; every query runs in its one session, one at a time.
 *
 * <p>The engine is configured as one host of a one-shard, one-replica cluster {@value #CLUSTER} (remote_servers,
 * macros, a tcp_port that makes that host local), so {@code Distributed} tables over it work as on a server. It has
 * no ZooKeeper: {@code ReplicatedMergeTree} and {@code ON CLUSTER} are refused.
 *
 * <p>When chDB cannot be had here (not x86_64 Linux, no npm, registry unreachable) the asking test is skipped with
 * the reason, unless the environment has {@code CI=true}: .ci/run installs it beforehand, so there its absence fails
 * the test.
 */
public final class ChDb {

    /** The cluster name of remote_servers, as SigNoz's chart names it. */
    public static final String CLUSTER = "cluster";

    private static final Path LIBRARY = Project.path("target/tools/chdb/libchdb.so");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
    private static final Pattern ERROR_CODE = Pattern.compile("Code: (\\d+)\\.");
    /** The host's TCP port as remote_servers names it; nothing listens there, the engine only recognises itself. */
    private static final int OWN_TCP_PORT = 49000;

    /** The C API of libchdb.so (chdb.h) that the tests use. */
    interface Api extends Library {
        void chdb_set_signal_handlers_enabled(boolean enabled);

        Pointer chdb_connect(int argc, String[] argv);

        Pointer chdb_query_n(Pointer connection, byte[] query, long queryLength, String format, long formatLength);

        Pointer chdb_result_buffer(Pointer result);

        long chdb_result_length(Pointer result);

        long chdb_result_rows_read(Pointer result);

        long chdb_result_bytes_read(Pointer result);

        double chdb_result_elapsed(Pointer result);

        String chdb_result_error(Pointer result);

        void chdb_destroy_query_result(Pointer result);

        void chdb_close_conn(Pointer connection);
    }

    /** A query the engine refused, with ClickHouse's error code and its message as the server would print it. */
    public static final class QueryException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;

        QueryException(int code, String message) {
            super(message);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** Null until the first test asks; then why chDB cannot be had, or the engine. */
    private static Object state;

    private final Api api;
    private final Pointer connection;
    private final Path disks;

    private ChDb(Api api, Pointer connection, Path disks) {
        this.api = api;
        this.connection = connection;
        this.disks = disks;
    }

    /** The engine of this JVM, installing and starting it first if needed; skips or fails the test when there is none. */
    public static synchronized ChDb require() {
        if (state == null) {
            String unavailable = Files.isReadable(LIBRARY) ? "" : ToolInstall.install("chdb", LIBRARY, INSTALL_TIMEOUT);
            state = unavailable.isEmpty() ? start() : unavailable;
        }
        if (state instanceof String reason) {
            ToolInstall.unavailable("chdb", "chDB", reason);
        }
        return (ChDb) state;
    }

    /** Runs one statement and returns its output in {@code format} (a ClickHouse output format name). */
    public byte[] query(String sql, String format) {
        return run(sql, format).data();
    }

    /** A statement's output and what the engine says it cost, as a server's X-ClickHouse-Summary reports it. */
    public record Output(byte[] data, long rowsRead, long bytesRead, long elapsedNanos) {}

    /** Runs one statement and returns its output in {@code format} with the rows and bytes read and the time taken. */
    public synchronized Output run(String sql, String format) {
        byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        Pointer result = api.chdb_query_n(connection, text, text.length, format, format.length());
        if (result == null) {
            throw new QueryException(0, "chDB returned no result for: " + sql);
        }
        try {
            String error = api.chdb_result_error(result);
            if (error != null && !error.isEmpty()) {
                Matcher code = ERROR_CODE.matcher(error);
                throw new QueryException(code.find() ? Integer.parseInt(code.group(1)) : 0, error.strip());
            }
            long length = api.chdb_result_length(result);
            Pointer buffer = api.chdb_result_buffer(result);
            byte[] data = length == 0 || buffer == null ? new byte[0] : buffer.getByteArray(0, (int) length);
            return new Output(
                    data,
                    api.chdb_result_rows_read(result),
                    api.chdb_result_bytes_read(result),
                    Math.round(api.chdb_result_elapsed(result) * 1e9));
        } finally {
            api.chdb_destroy_query_result(result);
        }
    }

    /** Runs one statement and returns its TabSeparated output, without the final newline. */
    public String text(String sql) {
        return new String(query(sql, "TabSeparated"), StandardCharsets.UTF_8).stripTrailing();
    }

    /** Runs the statements of a script, separated by a semicolon at the end of a line; comment lines are dropped. */
    public void script(String statements) {
        for (String statement : statements.replaceAll("(?m)^--.*$", "").split(";\\s*\n")) {
            if (!statement.isBlank()) {
                query(statement.strip(), "TabSeparated");
            }
        }
    }

    /** SigNoz's databases and tables (src/test/resources/clickhouse/signoz-schema.sql), dropped and created afresh. */
    public void loadSignozSchema() {
        for (String database : ClickHouseObservation.SIGNOZ_DATABASES) {
            query("DROP DATABASE IF EXISTS " + database + " SYNC", "TabSeparated");
        }
        try (var schema = ChDb.class.getResourceAsStream("/clickhouse/signoz-schema.sql")) {
            script(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read clickhouse/signoz-schema.sql", e);
        }
    }

    /**
     * A local disk {@code name} of the engine, in a fresh directory, that keeps {@code keepFreeBytes} of its file
     * system free (ClickHouse's keep_free_space_bytes, which system.disks subtracts from free and total space).
     * Disks are added at run time as a table's dynamic disk, the only way chDB takes them; they stay for the JVM.
     */
    public Path addLocalDisk(String name, long keepFreeBytes) {
        Path path = disks.resolve(name);
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path, e);
        }
        query(
                "CREATE TABLE default.on_disk_" + name
                        + " (a UInt8) ENGINE = MergeTree ORDER BY a SETTINGS disk = disk("
                        + "name = '" + name + "', type = 'local', path = '" + path + "/', keep_free_space_bytes = "
                        + keepFreeBytes
                        + ")",
                "TabSeparated");
        return path;
    }

    private static String config(Path disks) {
        return """
                <clickhouse>
                  <tcp_port>%d</tcp_port>
                  <remote_servers>
                    <%s>
                      <shard><internal_replication>true</internal_replication>
                        <replica><host>localhost</host><port>%d</port></replica>
                      </shard>
                    </%s>
                  </remote_servers>
                  <macros><cluster>%s</cluster><shard>01</shard><replica>chdb</replica></macros>
                  <custom_local_disks_base_directory>%s/</custom_local_disks_base_directory>
                </clickhouse>
                """.formatted(OWN_TCP_PORT, CLUSTER, OWN_TCP_PORT, CLUSTER, CLUSTER, disks);
    }

    private static ChDb start() {
        try {
            Path data = Files.createDirectories(Project.path("target/chdb"))
                    .resolve("data-" + ProcessHandle.current().pid());
            deleteRecursively(data);
            Files.createDirectories(data);
            Path config = data.resolve("config.xml");
            Path disks = Files.createDirectories(data.resolve("disks"));
            Files.writeString(config, config(disks));
            Api api = Native.load(LIBRARY.toString(), Api.class);
            // The JVM itself relies on SIGSEGV and other signals (implicit null checks, safepoints); the engine's
            // own handlers for them would turn those into crashes.
            api.chdb_set_signal_handlers_enabled(false);
            String[] argv = {"clickhouse", "--path=" + data, "--config-file=" + config};
            Pointer handle = api.chdb_connect(argv.length, argv);
            if (handle == null || handle.getPointer(0) == null) {
                throw new IllegalStateException("chdb_connect failed for " + data);
            }
            ChDb engine = new ChDb(api, handle.getPointer(0), disks);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> engine.close(handle, data), "chdb-close"));
            return engine;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare chDB's data directory", e);
        }
    }

    /**
     * Stops the engine before the process exits: its background threads would otherwise still run while the library
     * is torn down, and crash the exiting JVM.
     */
    private synchronized void close(Pointer handle, Path data) {
        api.chdb_close_conn(handle);
        try {
            deleteRecursively(data);
        } catch (IOException e) {
            // target/ is cleaned by the build anyway
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
