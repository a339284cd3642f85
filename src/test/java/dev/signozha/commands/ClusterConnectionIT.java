package dev.signozha.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.CliRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API server that accepts connections and never answers (a hung control plane, a firewall that swallows
 * packets after the handshake): the run ends within its request timeout, says it is still waiting after three
 * seconds, and exits 8 naming context, server and the timeout. Slow by nature (seconds of waiting).
 */
class ClusterConnectionIT {

    private ServerSocket hung;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private Path kubeconfig;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        hung = new ServerSocket(0);
        Thread acceptor = new Thread(
                () -> {
                    try {
                        while (true) {
                            held.add(hung.accept());
                        }
                    } catch (IOException closed) {
                        // the test is over
                    }
                },
                "hung-api-server");
        acceptor.setDaemon(true);
        acceptor.start();
        kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: hung, cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}}]
                contexts: [{name: prod, context: {cluster: hung, user: u, namespace: platform}}]
                current-context: prod
                users: [{name: u, user: {token: t}}]
                """.formatted(hung.getLocalPort()));
    }

    @AfterEach
    void stop() throws Exception {
        hung.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void hungServer_endsWithinTheRequestTimeout_exit8() {
        Instant start = Instant.now();
        CliRun run = CliRun.of(
                "doctor", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "2s", "--no-clickhouse");
        Duration took = Duration.between(start, Instant.now());
        assertEquals(8, run.exitCode(), run.all());
        assertEquals(
                "error: cannot reach the cluster (context prod, server https://127.0.0.1:" + hung.getLocalPort()
                        + "/): no answer within 2s (timed out; --request-timeout sets the limit); nothing was changed",
                run.err().strip());
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "took " + took);
        assertTrue(held.size() > 0, "the client did connect");
    }

    @Test
    void hungServer_pastThreeSeconds_saysItIsStillConnecting() {
        Instant start = Instant.now();
        CliRun run = CliRun.of(
                "plan",
                "-f",
                "examples/production-2x2.yaml",
                "--kubeconfig",
                kubeconfig.toString(),
                "--request-timeout",
                "5s");
        Duration took = Duration.between(start, Instant.now());
        assertEquals(8, run.exitCode(), run.all());
        List<String> lines = run.err().lines().toList();
        assertEquals("still connecting to https://127.0.0.1:" + hung.getLocalPort() + "/ (context prod)", lines.get(0));
        assertTrue(lines.get(1).contains("no answer within 5s"), run.err());
        assertTrue(took.compareTo(Duration.ofSeconds(50)) < 0, "took " + took);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) >= 0, "waited the whole timeout: " + took);
    }
}
