package dev.signozha.support.clickhouse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real ClickHouse cluster for tests: 2 shards x 2 replicas of Debian's clickhouse-server 18.16
 * plus one ZooKeeper, started by {@code .ci/clickhouse-cluster/start.sh} into
 * {@code target/ch-cluster} once per JVM and stopped (and deleted) when the JVM exits.
 *
 * <p>Every node has its own loopback address with the standard ports, like a pod: node i
 * (shard-major: ch-s1-r1, ch-s1-r2, ch-s2-r1, ch-s2-r2) is {@code 127.0.0.(11+i)}, http 8123,
 * tcp 9000, interserver 9009; {@code system.clusters} lists those addresses. ZooKeeper is
 * {@code 127.0.0.1:2181}. Macros: {@code {cluster}}, {@code {shard}} (01, 02) and {@code {replica}}
 * (the node name); the DDL queue is {@code /clickhouse/task_queue/ddl}.
 *
 * <p>Use either form; the cluster is shared by every test class of the JVM:
 * <pre>{@code
 * @RegisterExtension static final LocalClickHouseCluster CLUSTER = new LocalClickHouseCluster();
 *
 * @ExtendWith(LocalClickHouseCluster.class)
 * class MyTest { @Test void t(LocalClickHouseCluster cluster) { ... } }
 * }</pre>
 *
 * <p>When clickhouse-server is missing and cannot be installed here (not root, no network, apt
 * fails), the tests are <b>skipped</b> with the reason, unless the environment has {@code CI=true}:
 * there the packages are installed beforehand, so their absence <b>fails</b> the tests. Any other
 * start-up problem always fails them. Tests that stop a node or ZooKeeper must bring the cluster
 * back ({@link #restart()}, e.g. in a {@code finally}) and drop their tables ({@code ON CLUSTER}),
 * so the next test starts from a clean, complete cluster. {@code -Dch.cluster.keep=true} leaves the
 * cluster running after the JVM exits (to look at it; the next run starts afresh).
 */
public final class LocalClickHouseCluster
        implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    /** One ClickHouse server of the cluster; shard and replica are numbered from 1, as in system.clusters. */
    public record Node(String name, int shard, int replica, String address) {}

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration ADDRESS_WAIT = Duration.ofMinutes(3);
    private static final int EXIT_UNAVAILABLE = 3;
    private static final int EXIT_ADDRESS_IN_USE = 4;

    private static final Object LOCK = new Object();
    /** Null until the first test asks; then the outcome of the single start attempt of this JVM. */
    private static State state;

    private sealed interface State permits Running, Unavailable, Broken {}

    private record Running(Path baseDir, String clusterName, String zooKeeper, int httpPort, List<Node> nodes)
            implements State {}

    private record Unavailable(String reason) implements State {}

    private record Broken(String message) implements State {}

    private static HttpClient http;
    private static FileChannel usersChannel;
    private static FileLock usersLock;

    // ------------------------------------------------------------------ JUnit

    /**
     * Skips the tests (each one reported as skipped, with the reason) when the cluster cannot run
     * here. Done as a condition rather than an aborted beforeAll: Surefire reports a class aborted
     * in beforeAll as "Tests run: 0", which would hide it.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (startOnce() instanceof Unavailable u && !isCi()) {
            return ConditionEvaluationResult.disabled(skipReason(u));
        }
        return ConditionEvaluationResult.enabled(
                "ClickHouse test cluster: " + startOnce().getClass().getSimpleName());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        requireRunning();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        requireRunning();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalClickHouseCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        requireRunning();
        return this;
    }

    // ------------------------------------------------------------------ API

    /** The cluster name in remote_servers ({@code cluster} unless CH_CLUSTER_NAME says otherwise). */
    public String clusterName() {
        return running().clusterName();
    }

    /** The ClickHouse nodes, shard-major: ch-s1-r1, ch-s1-r2, ch-s2-r1, ch-s2-r2. */
    public List<Node> nodes() {
        return running().nodes();
    }

    /** The node called {@code name}, e.g. {@code ch-s1-r2}. */
    public Node node(String name) {
        return nodes().stream()
                .filter(n -> n.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name + " in " + nodes()));
    }

    /** The node addresses in node order (127.0.0.11 ...). */
    public List<String> addresses() {
        return nodes().stream().map(Node::address).toList();
    }

    /** ZooKeeper as host:port (127.0.0.1:2181). */
    public String zooKeeper() {
        return running().zooKeeper();
    }

    /** Where the cluster lives: configs, data, logs ({@code NODE/log/}), pid files. */
    public Path baseDir() {
        return running().baseDir();
    }

    /** {@code http://ADDRESS:8123} (no trailing slash). */
    public String httpUrl(String address) {
        return "http://" + address + ":" + running().httpPort();
    }

    /** A JDBC connection to the node at {@code address}; see {@link LegacyConnections}. */
    public Connection connect(String address) throws SQLException {
        running();
        return LegacyConnections.open(address);
    }

    /**
     * Runs {@code sql} through the HTTP interface of the node at {@code address} and returns the
     * body (TabSeparated unless the query says FORMAT ...). Fails on any status but 200.
     */
    public String query(String address, String sql) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(httpUrl(address) + "/"))
                .timeout(Duration.ofMinutes(4))
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response =
                    httpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(address + " answered " + response.statusCode() + " to " + sql + ": "
                        + response.body().strip());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(address + ": " + sql, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Stops the ClickHouse node {@code name} (SIGTERM, as Kubernetes deletes a pod): its address
     * stops answering, the others keep going. {@link #restart()} brings it back.
     */
    public void stopNode(String name) {
        node(name);
        runOrFail(List.of("stop.sh", running().baseDir().toString(), "--node", name));
    }

    /**
     * Stops ZooKeeper: the nodes keep answering queries, but replicated tables turn read-only and
     * ON CLUSTER DDL cannot be queued. {@link #restart()} brings it back.
     */
    public void stopZooKeeper() {
        runOrFail(List.of("stop.sh", running().baseDir().toString(), "--zookeeper"));
    }

    /**
     * Starts whatever is down and returns when every node answers, has a ZooKeeper session and all
     * its replicated tables are active and writable again (about 10 s after ZooKeeper was down
     * while replicated tables existed; under a second otherwise).
     */
    public void restart() {
        runOrFail(List.of("start.sh", running().baseDir().toString()));
    }

    // ------------------------------------------------------------------ start-up, once per JVM

    private static void requireRunning() {
        State s = startOnce();
        if (s instanceof Unavailable u) {
            if (isCi()) {
                throw new IllegalStateException("CI=true, but the ClickHouse test cluster cannot run: " + u.reason()
                        + " (.ci/run installs clickhouse-server, clickhouse-client and zookeeper)");
            }
            Assumptions.abort(skipReason(u));
        }
        if (s instanceof Broken b) {
            throw new IllegalStateException(b.message());
        }
    }

    private static String skipReason(Unavailable u) {
        return "ClickHouse test cluster unavailable: " + u.reason() + " (with CI=true this is a failure)";
    }

    private static Running running() {
        State s = startOnce();
        if (s instanceof Running r) {
            return r;
        }
        requireRunning();
        throw new IllegalStateException("ClickHouse test cluster is not running");
    }

    private static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static Path projectRoot() {
        return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
    }

    private static Path scripts() {
        return projectRoot().resolve(".ci/clickhouse-cluster");
    }

    private static State startOnce() {
        synchronized (LOCK) {
            if (state == null) {
                try {
                    state = start();
                } catch (IOException | RuntimeException e) {
                    state = new Broken("ClickHouse test cluster did not start: " + e);
                }
            }
            return state;
        }
    }

    /**
     * Several JVMs (two Maven runs on one checkout) share the cluster under target/ch-cluster: each
     * holds a shared lock on target/ch-cluster.users.lock while it runs, and the last one to leave
     * stops it. A JVM that finds no other user purges what a crashed run left behind first.
     */
    @SuppressWarnings("try") // the gate lock is held for the block, never read
    private static State start() throws IOException {
        Path target = projectRoot().resolve("target");
        Path baseDir = target.resolve("ch-cluster");
        if (!Files.isRegularFile(scripts().resolve("start.sh"))) {
            return new Broken("no " + scripts().resolve("start.sh") + " (project.root=" + projectRoot() + ")");
        }
        Files.createDirectories(target);
        Instant started = Instant.now();
        try (FileChannel gate = FileChannel.open(
                        target.resolve("ch-cluster.gate.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = gate.lock()) {
            usersChannel = FileChannel.open(
                    target.resolve("ch-cluster.users.lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock alone = usersChannel.tryLock();
            if (alone != null) {
                if (Files.exists(baseDir)) {
                    run(List.of("stop.sh", baseDir.toString(), "--purge"));
                }
                alone.release();
            }
            usersLock = usersChannel.lock(0, Long.MAX_VALUE, true);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAtExit(target, baseDir), "ch-cluster-stop"));

            Instant waitUntil = Instant.now().plus(ADDRESS_WAIT);
            while (true) {
                Result result = run(List.of("start.sh", baseDir.toString()));
                if (result.exitCode() == 0) {
                    break;
                }
                if (result.exitCode() == EXIT_UNAVAILABLE) {
                    return new Unavailable(result.lastLines(3));
                }
                if (result.exitCode() == EXIT_ADDRESS_IN_USE && Instant.now().isBefore(waitUntil)) {
                    // Most likely the cluster of another checkout's test run: it stops at its exit.
                    System.err.println("[ch-cluster] waiting for the addresses: " + result.lastLines(1));
                    sleep(Duration.ofSeconds(2));
                    continue;
                }
                return new Broken("ClickHouse test cluster did not start (start.sh exit " + result.exitCode() + "):\n"
                        + result.lastLines(25));
            }
        }
        Running running = load(baseDir);
        System.err.printf(
                "[ch-cluster] %d nodes of cluster '%s' up in %d ms (%s)%n",
                running.nodes().size(),
                running.clusterName(),
                Duration.between(started, Instant.now()).toMillis(),
                baseDir);
        return running;
    }

    private static Running load(Path baseDir) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(baseDir.resolve("cluster.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(baseDir.resolve("nodes.txt"))) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 4) {
                nodes.add(new Node(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3]));
            }
        }
        if (nodes.isEmpty()) {
            throw new IOException("no nodes in " + baseDir.resolve("nodes.txt"));
        }
        return new Running(
                baseDir,
                env.getOrDefault("CH_CLUSTER_NAME", "cluster"),
                env.getOrDefault("ZK_HOST", "127.0.0.1") + ":" + env.getOrDefault("ZK_PORT", "2181"),
                Integer.parseInt(env.getOrDefault("CH_HTTP_PORT", String.valueOf(LegacyConnections.HTTP_PORT))),
                List.copyOf(nodes));
    }

    @SuppressWarnings("try") // the gate lock is held for the block, never read
    private static void stopAtExit(Path target, Path baseDir) {
        if (Boolean.getBoolean("ch.cluster.keep")) {
            System.err.println("[ch-cluster] left running (ch.cluster.keep): " + baseDir);
            return;
        }
        try (FileChannel gate = FileChannel.open(
                        target.resolve("ch-cluster.gate.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = gate.lock()) {
            usersLock.release();
            FileLock alone = usersChannel.tryLock();
            if (alone != null) {
                run(List.of("stop.sh", baseDir.toString(), "--purge"));
                alone.release();
            }
            usersChannel.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("[ch-cluster] could not stop " + baseDir + ": " + e);
        }
    }

    // ------------------------------------------------------------------ scripts

    private record Result(int exitCode, List<String> output) {
        String lastLines(int n) {
            return String.join("\n", output.subList(Math.max(0, output.size() - n), output.size()));
        }
    }

    private static void runOrFail(List<String> command) {
        Result result;
        try {
            result = run(command);
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command), e);
        }
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed (exit " + result.exitCode() + "):\n" + result.lastLines(25));
        }
    }

    /** Runs a script of .ci/clickhouse-cluster with bash; its output is kept and appended to target/ch-cluster.log. */
    private static Result run(List<String> command) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add("bash");
        argv.add(scripts().resolve(command.get(0)).toString());
        argv.addAll(command.subList(1, command.size()));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        process.getOutputStream().close();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            synchronized (output) {
                                output.add(line);
                            }
                        }
                    } catch (IOException e) {
                        synchronized (output) {
                            output.add("(output lost: " + e + ")");
                        }
                    }
                },
                "ch-cluster-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted: " + argv, e);
        }
        List<String> lines;
        synchronized (output) {
            lines = List.copyOf(output);
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        log(argv, exit, lines);
        return new Result(exit, lines);
    }

    private static void log(List<String> argv, int exit, List<String> lines) {
        StringBuilder text = new StringBuilder();
        text.append("# ")
                .append(Instant.now())
                .append(' ')
                .append(String.join(" ", argv))
                .append('\n');
        lines.forEach(l -> text.append(l).append('\n'));
        text.append("# exit ").append(exit).append('\n');
        try {
            Path target = projectRoot().resolve("target");
            Files.createDirectories(target);
            Files.writeString(
                    target.resolve("ch-cluster.log"), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is a convenience; the output is in the result too
        }
    }

    private static HttpClient httpClient() {
        synchronized (LOCK) {
            if (http == null) {
                http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
            }
            return http;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
