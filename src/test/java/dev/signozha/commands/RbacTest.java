package dev.signozha.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.inventory.SnapshotParser;
import dev.signozha.core.rbac.ApiAccess;
import dev.signozha.core.rbac.Permission;
import dev.signozha.support.ApiRequest;
import dev.signozha.support.CliRun;
import dev.signozha.support.Golden;
import dev.signozha.support.GuardedDispatcher;
import dev.signozha.support.SimulatedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RBAC: doctor and plan go on under a namespace-scoped Role, skipping exactly the checks whose kinds were refused and
 * naming the permission each needs; and the table `signoz-ha rbac` prints from covers every request each command
 * makes against a live-looking cluster.
 */
class RbacTest {

    private static final String TOPOLOGY = SimulatedCluster.PRODUCTION.toString();

    private GuardedDispatcher api;
    private SimulatedCluster world;
    private SimulatedCluster.ForTheCli cli;

    @BeforeEach
    void deployed(@TempDir Path dir) throws Exception {
        api = new GuardedDispatcher();
        world = new SimulatedCluster(Duration.ofMillis(20), api, null);
        cli = world.deployedForTheCli(dir);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void doctor_namespaceScopedRole_skipsOnlyTheChecksThatNeedClusterWideKinds() throws Exception {
        api.deny(GuardedDispatcher.outsideNamespace(SimulatedCluster.NAMESPACE));
        CliRun run = CliRun.of(
                "doctor",
                "-f",
                TOPOLOGY,
                "--no-clickhouse",
                "-o",
                "json",
                "--kubeconfig",
                cli.kubeconfig().toString());
        assertTrue(run.exitCode() == 0 || run.exitCode() == 3, run.all());
        Map<String, String> skipped = new LinkedHashMap<>();
        for (JsonNode check : new ObjectMapper().readTree(run.out()).path("checks")) {
            if (check.path("status").asText().equals("skip")
                    && check.path("reason").asText().startsWith("needs permission")) {
                skipped.put(check.path("code").asText(), check.path("reason").asText());
            }
        }
        assertEquals(
                "needs permission to list nodes (apiGroup \"\", cluster-wide), which the cluster refused",
                skipped.get("SINGLE_POINT_OF_FAILURE"),
                skipped.toString());
        assertTrue(
                skipped.get("OPERATOR_MISSING")
                        .contains("customresourcedefinitions (apiGroup \"apiextensions.k8s.io\""),
                skipped.toString());
        assertFalse(skipped.containsKey("CONFIG_DRIFT"), "namespace kinds were readable: " + skipped);
        assertFalse(skipped.containsKey("CLICKHOUSE_HOST_UNRESOLVED"), skipped.toString());
        assertEquals(List.of(), api.writes());
    }

    @Test
    void doctor_namespaceScopedRole_textReportShowsTheSkipAndThePermission() {
        api.deny(GuardedDispatcher.outsideNamespace(SimulatedCluster.NAMESPACE));
        CliRun run = CliRun.of(
                "doctor",
                "-f",
                TOPOLOGY,
                "--no-clickhouse",
                "--kubeconfig",
                cli.kubeconfig().toString());
        assertTrue(
                run.out()
                        .contains("skipped (2 checks): needs permission to list nodes (apiGroup \"\", cluster-wide), "
                                + "which the cluster refused\n"),
                run.out());
    }

    @Test
    void snapshot_namespaceScopedRole_writesWhatItCouldReadAndSaysWhatIsMissing(@TempDir Path dir) throws Exception {
        api.deny(GuardedDispatcher.outsideNamespace(SimulatedCluster.NAMESPACE));
        Path file = dir.resolve("snapshot.yaml");
        CliRun run = CliRun.of(
                "snapshot",
                "-n",
                SimulatedCluster.NAMESPACE,
                "-o",
                file.toString(),
                "--kubeconfig",
                cli.kubeconfig().toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(
                run.err()
                        .contains("warning: not in the snapshot: the cluster refused to list nodes (apiGroup \"\", "
                                + "cluster-wide)"),
                run.err());
        Inventory read = SnapshotParser.parse(file.toString(), Files.readString(file));
        assertEquals(List.of(), read.nodes());
        assertFalse(read.statefulSets().isEmpty(), "the namespace's objects are there");
    }

    @Test
    void plan_namespaceScopedRole_goesOn() {
        api.deny(GuardedDispatcher.outsideNamespace(SimulatedCluster.NAMESPACE));
        CliRun run = CliRun.of(
                "plan",
                "-f",
                TOPOLOGY,
                "--kubeconfig",
                cli.kubeconfig().toString(),
                "--helm-binary",
                cli.helm().toString());
        assertEquals(0, run.exitCode(), run.all());
        assertFalse(run.out().isEmpty());
        assertEquals(List.of(), api.writes());
    }

    @Test
    void everyCommand_makesOnlyRequestsItsRbacTableAllows(@TempDir Path dir) {
        Map<String, String[]> runs = new LinkedHashMap<>();
        runs.put("doctor", new String[] {"doctor", "-f", TOPOLOGY, "--no-clickhouse"});
        runs.put("snapshot", new String[] {
            "snapshot",
            "-n",
            SimulatedCluster.NAMESPACE,
            "-o",
            dir.resolve("snapshot.yaml").toString()
        });
        runs.put("plan", new String[] {
            "plan", "-f", TOPOLOGY, "--helm-binary", cli.helm().toString()
        });
        runs.put("deploy", new String[] {
            "deploy",
            "-f",
            TOPOLOGY,
            "--yes",
            "--no-clickhouse",
            "--helm-binary",
            cli.helm().toString()
        });
        runs.put("upgrade", new String[] {
            "upgrade",
            "-f",
            TOPOLOGY,
            "--chart-version",
            "0.132.0",
            "--yes",
            "--no-clickhouse",
            "--helm-binary",
            cli.helm().toString()
        });
        runs.put("adopt", new String[] {
            "adopt",
            "-n",
            SimulatedCluster.NAMESPACE,
            "--output-file",
            dir.resolve("adopted.yaml").toString(),
            "--helm-binary",
            cli.helm().toString()
        });
        runs.put("cleanup", new String[] {"cleanup", "-n", SimulatedCluster.NAMESPACE, "--yes"});
        Set<String> uncovered = new TreeSet<>();
        runs.forEach((command, arguments) -> {
            int before = api.requests().size();
            List<String> args = new ArrayList<>(List.of(arguments));
            args.addAll(List.of("--kubeconfig", cli.kubeconfig().toString()));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            // adopt refuses (4) a release signoz-ha already manages, after reading the cluster and the state record.
            assertTrue(Set.of(0, 3, 4).contains(run.exitCode()), command + ": " + run.all());
            List<ApiRequest> made =
                    api.requests().subList(before, api.requests().size());
            assertFalse(made.isEmpty(), command);
            for (ApiRequest request : made) {
                Permission needed = new Permission(
                        request.verb(), request.group(), request.resource(), request.namespace() == null);
                if (!ApiAccess.of(command).contains(needed)) {
                    uncovered.add(command + ": " + needed);
                }
            }
        });
        assertEquals(Set.of(), uncovered, "requests the RBAC table does not grant");
    }

    @Test
    void rbacCommand_printsTheRoleAndClusterRole() {
        CliRun run = CliRun.of("rbac", "--command", "doctor", "-n", "platform");
        assertEquals(0, run.exitCode(), run.all());
        Golden.assertMatches(run.out(), "cli/rbac-doctor.yaml");
        assertEquals(
                2, CliRun.of("rbac", "--command", "render", "-n", "platform").exitCode());
    }
}
