package dev.signozha.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    private static final String HEALTHY = "src/test/resources/clusters/healthy-2x2.yaml";

    @Test
    void doctor_withTopologyFile_judgesAgainstIt() {
        CliRun run = CliRun.of("doctor", "--snapshot", HEALTHY, "-f", "examples/production-2x2.yaml");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(
                run.out().contains("topology: topology file examples/production-2x2.yaml: 2 shard(s) x 2 replica(s)"),
                run.out());
    }

    @Test
    void doctor_topologyDisagreesWithTheMigration_reportsIt(@TempDir Path dir) throws Exception {
        Path topology = Files.writeString(
                dir.resolve("other-cluster.yaml"),
                Files.readString(Path.of("examples/production-2x2.yaml"))
                        .replace("cluster: prod", "cluster: analytics"));
        CliRun run = CliRun.of("doctor", "--snapshot", HEALTHY, "-f", topology.toString());
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.out().contains("× the schema migration runs with the real cluster's topology"), run.out());
        assertTrue(run.out().contains("migrates cluster 'prod', the intended cluster is 'analytics'"), run.out());
    }

    @Test
    void doctor_missingSnapshot_isBadInput() {
        CliRun run = CliRun.of("doctor", "--snapshot", "no-such-snapshot.yaml");
        assertEquals(2, run.exitCode());
        assertEquals(
                "error: no-such-snapshot.yaml: file not found\n1 problem found; nothing was changed.\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void doctor_malformedSnapshot_isLocatedBadInput(@TempDir Path dir) throws Exception {
        Path snapshot = Files.writeString(
                dir.resolve("broken.yaml"), "apiVersion: v1\nkind: List\nitems:\n- kind: Pod\n  a: [\n");
        CliRun run = CliRun.of("doctor", "--snapshot", snapshot.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: " + snapshot + ":"), run.err());
        assertTrue(run.err().contains("not valid YAML"), run.err());
    }

    @Test
    void doctor_snapshotCoveringSeveralNamespaces_asksForOne(@TempDir Path dir) throws Exception {
        Path snapshot = Files.writeString(dir.resolve("two.yaml"), """
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: a, namespace: one}}
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: b, namespace: two}}
                """);
        CliRun run = CliRun.of("doctor", "--snapshot", snapshot.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("say which one the release is in with -n"), run.err());
        assertEquals(
                0,
                CliRun.of("doctor", "--snapshot", snapshot.toString(), "-n", "one")
                                .exitCode()
                        % 3);
    }

    @Test
    void doctor_clickhouseUrlNotAUrl_isBadInput() {
        CliRun run = CliRun.of("doctor", "--snapshot", HEALTHY, "--clickhouse-url", "clickhouse-host");
        assertEquals(2, run.exitCode());
        assertTrue(
                run.err().contains("--clickhouse-url: 'clickhouse-host' is not jdbc:clickhouse://HOST:PORT"),
                run.err());
    }

    @Test
    void doctor_passwordVariableUnset_isBadInputNamingTheVariable() {
        CliRun run = CliRun.of(
                "doctor",
                "--snapshot",
                HEALTHY,
                "--clickhouse-url",
                "jdbc:clickhouse://127.0.0.1:1",
                "--clickhouse-password-env",
                "SIGNOZ_HA_TEST_NO_SUCH_VARIABLE");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("environment variable SIGNOZ_HA_TEST_NO_SUCH_VARIABLE is not set"), run.err());
    }

    @Test
    void doctor_clickhouseUnreachable_reportsTheHostDownAndSkipsTheRest() {
        CliRun run = CliRun.of(
                "doctor", "--snapshot", HEALTHY, "--clickhouse-url", "jdbc:clickhouse://127.0.0.1:1", "-o", "json");
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.out().contains("\"code\" : \"CLICKHOUSE_HOST_DOWN\""), run.out());
        assertTrue(run.out().contains("no ClickHouse host answered"), run.out());
    }
}
