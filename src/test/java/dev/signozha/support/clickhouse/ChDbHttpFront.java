package dev.signozha.support.clickhouse;

import com.clickhouse.data.ClickHouseCityHash;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * ClickHouse's HTTP interface in front of {@link ChDb}, as much of it as the product's driver (com.clickhouse
 * clickhouse-jdbc 0.9.x) uses: {@code GET /ping}, and queries by {@code POST /} or {@code GET /?query=} with the
 * query in the URL and/or the body, the output format from {@code default_format} or the {@code X-ClickHouse-Format}
 * header (the query's own FORMAT clause wins, as on a server), {@code compress=1} answered in ClickHouse's compressed
 * block framing (LZ4, CityHash128 checksums), any other URL parameter applied as a setting of that query, and the
 * response headers a 26.x server sends. A refused query is answered as the server does: HTTP 500, the
 * {@code X-ClickHouse-Exception-Code} header and {@code Code: N. DB::Exception: ...} as the body.
 *
 * <p>Users are checked as a server checks them (HTTP basic authentication, {@code X-ClickHouse-User}/{@code -Key}
 * headers or {@code user}/{@code password} parameters): a wrong user or password is refused with HTTP 403 and
 * code 516, as 26.x does. Every query it received is kept ({@link #requests()}), so a test can show what went to
 * the engine and how the driver asked for it.
 */
public final class ChDbHttpFront implements AutoCloseable {

    /** URL parameters that steer the HTTP interface itself rather than being settings of the query. */
    private static final Set<String> INTERFACE_PARAMETERS = Set.of(
            "query",
            "database",
            "default_format",
            "compress",
            "decompress",
            "query_id",
            "session_id",
            "session_timeout",
            "session_check",
            "user",
            "password",
            "wait_end_of_query",
            "buffer_size",
            "enable_http_compression",
            "http_headers_progress_interval_ms",
            "send_progress_in_http_headers",
            "client_protocol_version");

    private static final int AUTHENTICATION_FAILED = 516;
    private static final byte LZ4_METHOD = (byte) 0x82;
    private static final int CHECKSUM_BYTES = 16;
    private static final int BLOCK_HEADER_BYTES = 9;
    private static final int BLOCK_SIZE = 1 << 20;

    private final ChDb engine;
    private final HttpServer server;
    private final String version;
    private final String timezone;
    private final LZ4Compressor compressor = LZ4Factory.fastestJavaInstance().fastCompressor();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final String user;
    private final String password;

    /** One query as received: its SQL, the output format asked for, and whether the answer had to be compressed. */
    public record Request(String sql, String format, boolean compressed) {}

    private ChDbHttpFront(ChDb engine, HttpServer server, String user, String password) {
        this.engine = engine;
        this.server = server;
        this.user = user;
        this.password = password;
        this.version = engine.text("SELECT version()");
        this.timezone = engine.text("SELECT timezone()");
    }

    /** A front on 127.0.0.1 at a free port, started, that lets in only {@code user} with {@code password}. */
    public static ChDbHttpFront start(ChDb engine, String user, String password) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ChDbHttpFront front = new ChDbHttpFront(engine, server, user, password);
            server.createContext("/", front::handle);
            server.start();
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the chDB HTTP front", e);
        }
    }

    public String host() {
        return server.getAddress().getHostString();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The engine's version, as the server header and {@code SELECT version()} give it. */
    public String version() {
        return version;
    }

    /** Every query received so far, in order (the driver's own ones included). */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/ping")) {
                reply(exchange, 200, "Ok.\n".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/")) {
                query(exchange);
            } else {
                error(exchange, 404, 0, "There is no handle " + path);
            }
        }
    }

    private void query(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = parameters(exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String sql = (parameters.getOrDefault("query", "") + (body.isEmpty() ? "" : "\n" + body)).strip();
        Headers request = exchange.getRequestHeaders();
        String format =
                parameters.getOrDefault("default_format", headerOr(request, "X-ClickHouse-Format", "TabSeparated"));
        String database = parameters.getOrDefault("database", headerOr(request, "X-ClickHouse-Database", ""));
        boolean compress = "1".equals(parameters.get("compress"));
        Map<String, String> settings = new LinkedHashMap<>(parameters);
        settings.keySet().removeAll(INTERFACE_PARAMETERS);
        if (!authenticated(request, parameters)) {
            error(
                    exchange,
                    403,
                    AUTHENTICATION_FAILED,
                    "Code: 516. DB::Exception: " + user + ": Authentication failed: "
                            + "password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED) (version "
                            + version + ")");
            return;
        }
        requests.add(new Request(sql, format, compress));
        ChDb.Output output;
        try {
            output = run(sql, format, settings, database);
        } catch (ChDb.QueryException e) {
            error(exchange, 500, e.code(), e.getMessage());
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("X-ClickHouse-Format", format);
        headers.set(
                "X-ClickHouse-Query-Id",
                parameters.getOrDefault("query_id", UUID.randomUUID().toString()));
        headers.set(
                "X-ClickHouse-Summary",
                "{\"read_rows\":\"" + output.rowsRead() + "\",\"read_bytes\":\""
                        + output.bytesRead()
                        + "\",\"written_rows\":\"0\",\"written_bytes\":\"0\",\"total_rows_to_read\":\""
                        + output.rowsRead() + "\",\"result_rows\":\"0\",\"result_bytes\":\"" + output.data().length
                        + "\",\"elapsed_ns\":\"" + output.elapsedNanos() + "\"}");
        headers.set("Content-Type", contentType(format));
        reply(exchange, 200, compress ? compressed(output.data()) : output.data());
    }

    private boolean authenticated(Headers request, Map<String, String> parameters) {
        String givenUser = parameters.getOrDefault("user", headerOr(request, "X-ClickHouse-User", "default"));
        String givenPassword = parameters.getOrDefault("password", headerOr(request, "X-ClickHouse-Key", ""));
        String authorization = request.getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            givenUser = colon < 0 ? pair : pair.substring(0, colon);
            givenPassword = colon < 0 ? "" : pair.substring(colon + 1);
        }
        return user.equals(givenUser) && password.equals(givenPassword);
    }

    /** Runs the query with its settings for this query only, in its database, as a server would. */
    private ChDb.Output run(String sql, String format, Map<String, String> settings, String database) {
        synchronized (engine) {
            List<String> applied = new ArrayList<>();
            try {
                if (database != null && !database.isEmpty()) {
                    engine.query("USE " + database, "TabSeparated");
                }
                for (Map.Entry<String, String> setting : settings.entrySet()) {
                    engine.query(
                            "SET " + setting.getKey() + " = '"
                                    + setting.getValue().replace("'", "\\'") + "'",
                            "TabSeparated");
                    applied.add(setting.getKey());
                }
                return engine.run(sql, format);
            } finally {
                for (String setting : applied) {
                    engine.query("SET " + setting + " = DEFAULT", "TabSeparated");
                }
            }
        }
    }

    private void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        exchange.getResponseHeaders().set("X-ClickHouse-Exception-Code", String.valueOf(code));
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        String text = message.startsWith("Code: ") ? message : "Code: " + code + ". DB::Exception: " + message;
        reply(exchange, status, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("X-ClickHouse-Server-Display-Name", "chdb");
        headers.set("X-ClickHouse-Timezone", timezone);
        headers.set("X-ClickHouse-Version", version);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The {@code compress=1} framing: blocks of checksum, method, sizes and LZ4 data. */
    @SuppressWarnings("deprecation") // ClickHouseCityHash: the driver's only CityHash128, the one its reader checks
    private byte[] compressed(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += BLOCK_SIZE) {
            int length = Math.min(BLOCK_SIZE, data.length - offset);
            byte[] block = new byte[BLOCK_HEADER_BYTES + compressor.maxCompressedLength(length)];
            int compressedLength = compressor.compress(data, offset, length, block, BLOCK_HEADER_BYTES);
            int total = BLOCK_HEADER_BYTES + compressedLength;
            ByteBuffer header = ByteBuffer.wrap(block, 0, BLOCK_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            header.put(LZ4_METHOD).putInt(total).putInt(length);
            long[] checksum = ClickHouseCityHash.cityHash128(block, 0, total);
            out.writeBytes(ByteBuffer.allocate(CHECKSUM_BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(checksum[0])
                    .putLong(checksum[1])
                    .array());
            out.write(block, 0, total);
        }
        return out.toByteArray();
    }

    private static String contentType(String format) {
        return format.startsWith("JSON")
                ? "application/json; charset=UTF-8"
                : format.startsWith("RowBinary") || format.startsWith("Native")
                        ? "application/octet-stream"
                        : "text/tab-separated-values; charset=UTF-8";
    }

    private static String headerOr(Headers headers, String name, String fallback) {
        String value = headers.getFirst(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }
}
