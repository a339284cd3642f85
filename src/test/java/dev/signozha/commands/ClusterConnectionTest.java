package dev.signozha.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signozha.support.CliRun;
import dev.signozha.support.GuardedDispatcher;
import dev.signozha.support.MockCluster;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selecting the cluster and failing to reach it, through the real command line: each case ends with its exit code,
 * one line naming what went wrong, in bounded time, and without a single write request reaching the API server.
 */
class ClusterConnectionTest {

    private static final String TOPOLOGY = "examples/production-2x2.yaml";

    private GuardedDispatcher api;
    private MockCluster cluster;
    private Path dir;

    @BeforeEach
    void start(@TempDir Path dir) {
        this.dir = dir;
        api = new GuardedDispatcher();
        cluster = MockCluster.with(api);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void unknownContext_isBadInputNamingItAndTheContexts_beforeAnyRequest() throws Exception {
        int before = cluster.requestCount();
        CliRun run = CliRun.of(
                "doctor", "--kubeconfig", kubeconfig(url()).toString(), "--context", "prod-eu", "--no-clickhouse");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("--context prod-eu is not a context of "), run.err());
        assertTrue(run.err().contains("its contexts: mock, staging"), run.err());
        assertEquals(before, cluster.requestCount(), "no request before the context is known");
    }

    @Test
    void missingKubeconfig_isBadInputNamingThePath_evenForPlan() {
        Path missing = dir.resolve("typo/config");
        CliRun plan = CliRun.of("plan", "-f", TOPOLOGY, "--kubeconfig", missing.toString());
        assertEquals(2, plan.exitCode(), plan.all());
        assertEquals(
                "error: " + missing + ": no such kubeconfig file (named by --kubeconfig)",
                plan.err().strip());
        assertEquals("", plan.out(), "no offline plan when a kubeconfig was named");
    }

    @Test
    void plan_noKubeconfigConfiguredAtAll_plansOfflineAndSaysSo() {
        assumeTrue(
                System.getenv("KUBECONFIG") == null && System.getenv("KUBERNETES_SERVICE_HOST") == null,
                "this machine configures a cluster in the environment");
        String home = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        try {
            CliRun plan = CliRun.of("plan", "-f", TOPOLOGY);
            assertEquals(0, plan.exitCode(), plan.all());
            assertEquals(
                    "no kubeconfig is configured (--kubeconfig, KUBECONFIG, ~/.kube/config): planning offline, "
                            + "without a cluster",
                    plan.err().strip());
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void malformedKubeconfig_isBadInputWithTheFileAndLine() throws Exception {
        Path broken = Files.writeString(
                dir.resolve("config"), "apiVersion: v1\nclusters:\n- name: a\n  cluster: {server: [\n");
        CliRun run = CliRun.of("snapshot", "--kubeconfig", broken.toString(), "-n", "platform");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().startsWith("error: " + broken + ":5:"), run.err());
        assertTrue(run.err().contains("nothing was changed"), run.err());
    }

    @Test
    void namespaceDisagreeingWithTheTopology_isBadInputNamingBoth() throws Exception {
        int before = cluster.requestCount();
        CliRun run = CliRun.of(
                "plan",
                "-f",
                TOPOLOGY,
                "-n",
                "observability",
                "--kubeconfig",
                kubeconfig(url()).toString());
        assertEquals(2, run.exitCode(), run.all());
        assertEquals(
                "error: -n observability disagrees with " + TOPOLOGY + ", whose spec.namespace is platform; drop -n "
                        + "or change one of them",
                run.err().strip());
        assertEquals(before, cluster.requestCount());
    }

    @Test
    void refusedConnection_isExit8NamingContextServerAndCause_withinSeconds() throws Exception {
        String closed = "https://127.0.0.1:" + closedPort() + "/";
        Instant start = Instant.now();
        CliRun run = CliRun.of("doctor", "--kubeconfig", kubeconfig(closed).toString(), "--no-clickhouse");
        Duration took = Duration.between(start, Instant.now());
        assertEquals(8, run.exitCode(), run.all());
        List<String> lines = run.err().lines().toList();
        assertEquals(
                "error: cannot reach the cluster (context mock, server " + closed + "): connection refused (nothing "
                        + "listens at that address and port); nothing was changed",
                lines.get(lines.size() - 1));
        assertTrue(
                lines.subList(0, lines.size() - 1).stream().allMatch(line -> line.startsWith("still connecting to ")),
                run.err());
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "the client's retries end within seconds: " + took);
    }

    @Test
    void rejectedCredentials_isExit8With401_andNoWrite() throws Exception {
        api.rejectCredentials();
        CliRun run = CliRun.of(
                "deploy",
                "-f",
                TOPOLOGY,
                "--yes",
                "--kubeconfig",
                kubeconfig(url()).toString(),
                "--helm-binary",
                dir.resolve("no-helm").toString());
        assertEquals(8, run.exitCode(), run.all());
        assertEquals(
                "error: cannot reach the cluster (context mock, server " + url() + "): 401 Unauthorized: the "
                        + "cluster rejected the credentials of the kubeconfig's user; nothing was changed",
                run.err().strip());
        assertEquals(List.of(), api.writes());
    }

    @Test
    void forbidden_isExit8WithTheApiServersSentence_noStatusDump_andNoWrite() throws Exception {
        api.deny(request -> true);
        CliRun run = CliRun.of(
                "deploy",
                "-f",
                TOPOLOGY,
                "--yes",
                "--kubeconfig",
                kubeconfig(url()).toString(),
                "--helm-binary",
                dir.resolve("no-helm").toString());
        assertEquals(8, run.exitCode(), run.all());
        assertTrue(run.err().contains("): 403 Forbidden: "), run.err());
        assertTrue(run.err().contains(" is forbidden: User \"" + GuardedDispatcher.USER + "\" cannot "), run.err());
        assertFalse(run.err().contains("Status("), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals(List.of(), api.writes());
    }

    @Test
    void unknownCommand_withHelp_isUsageErrorWithSuggestion() {
        CliRun run = CliRun.of("doctr", "--help");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("Unmatched argument at index 0: 'doctr'"), run.err());
        assertTrue(run.err().contains("Did you mean: signoz-ha doctor"), run.err());
    }

    private String url() {
        return cluster.client().getMasterUrl().toString();
    }

    /** A kubeconfig with the contexts mock (current, at {@code server}) and staging. */
    private Path kubeconfig(String server) throws Exception {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - {name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}
                - {name: staging, cluster: {server: "https://staging.invalid:6443"}}
                contexts:
                - {name: mock, context: {cluster: mock, user: mock, namespace: platform}}
                - {name: staging, context: {cluster: staging, user: mock}}
                current-context: mock
                users: [{name: mock, user: {token: %s}}]
                """.formatted(server, MockCluster.TOKEN));
    }

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
