package dev.signozha.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.inventory.SnapshotParser;
import dev.signozha.support.CliRun;
import dev.signozha.support.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command line against a live API server (the CRUD mock) through a kubeconfig, end to end. */
class LiveCommandsTest {

    private MockCluster cluster;
    private Path kubeconfig;

    @BeforeEach
    void seedTheDuplicateInstall(@TempDir Path dir) throws Exception {
        cluster = new MockCluster();
        Inventory seed = SnapshotParser.parse(
                "seed", Files.readString(Path.of("src/test/resources/clusters/duplicate-install.yaml")));
        cluster.seed(seed.all());
        kubeconfig = Files.writeString(dir.resolve("kubeconfig"), cluster.kubeconfig("platform"));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void doctor_liveThroughKubeconfig_findsTheDuplicateAndNamesTheContext() throws Exception {
        CliRun run = CliRun.of("doctor", "--kubeconfig", kubeconfig.toString(), "--no-clickhouse", "-o", "json");
        assertEquals(3, run.exitCode(), run.all());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals("context:mock", report.path("source").asText());
        assertEquals("platform", report.path("namespace").asText(), "the context's namespace is used without -n");
        assertTrue(report.path("findings").toString().contains("DUPLICATE_CLICKHOUSE"));
    }

    @Test
    void cleanupJson_isOneResultDocument_withWhatItWouldDelete() throws Exception {
        CliRun run = CliRun.of("cleanup", "--kubeconfig", kubeconfig.toString(), "-n", "platform", "-o", "json");
        JsonNode document = new ObjectMapper().readTree(run.out());
        assertEquals("cleanup", document.path("command").asText());
        assertEquals(run.exitCode(), document.path("exitCode").asInt(), run.all());
        assertEquals(
                run.exitCode() == 0 ? "listed" : "refused",
                document.path("outcome").asText(),
                run.all());
        assertEquals("platform", document.path("plan").path("namespace").asText());
        assertTrue(document.path("plan").path("deletions").isArray(), document.toString());
        assertTrue(document.path("plan").path("refusals").isArray(), document.toString());
        assertTrue(run.err().contains("Cleanup of namespace platform"), "the listing goes to stderr: " + run.err());
    }

    @Test
    void snapshot_liveThroughKubeconfig_writesAFileDoctorReadsTheSameWay(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("snapshot.yaml");
        CliRun snapshot = CliRun.of(
                "snapshot", "--kubeconfig", kubeconfig.toString(), "-n", "platform", "--output-file", file.toString());
        assertEquals(0, snapshot.exitCode(), snapshot.all());
        assertTrue(snapshot.err().startsWith("wrote "), snapshot.err());
        assertFalse(Files.readString(file).contains("kind: Secret"));
        CliRun live = CliRun.of("doctor", "--kubeconfig", kubeconfig.toString(), "--no-clickhouse", "-o", "json");
        CliRun offline = CliRun.of("doctor", "--snapshot", file.toString(), "-o", "json");
        JsonNode liveFindings = new ObjectMapper().readTree(live.out()).path("findings");
        JsonNode offlineFindings = new ObjectMapper().readTree(offline.out()).path("findings");
        assertEquals(liveFindings, offlineFindings);
    }

    @Test
    void snapshot_oldOutputFileSpelling_stillWritesAndWarns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("snapshot.yaml");
        CliRun snapshot =
                CliRun.of("snapshot", "--kubeconfig", kubeconfig.toString(), "-n", "platform", "-o", file.toString());
        assertEquals(0, snapshot.exitCode(), snapshot.all());
        assertTrue(
                snapshot.err()
                        .startsWith("warning: -o FILE is deprecated and will be removed in the next release; "
                                + "use --output-file (-o is always an output format)\nwrote "),
                snapshot.err());
        assertTrue(Files.readString(file).startsWith("apiVersion: v1\n"));
    }

    @Test
    void snapshot_jsonFormat_isASnapshotDoctorReads(@TempDir Path dir) throws Exception {
        CliRun snapshot = CliRun.of("snapshot", "--kubeconfig", kubeconfig.toString(), "-n", "platform", "-o", "json");
        assertEquals(0, snapshot.exitCode(), snapshot.all());
        assertEquals(
                "v1",
                new ObjectMapper().readTree(snapshot.out()).path("apiVersion").asText());
        Path file = Files.writeString(dir.resolve("snapshot.json"), snapshot.out());
        CliRun offline = CliRun.of("doctor", "--snapshot", file.toString(), "-o", "json");
        assertTrue(new ObjectMapper()
                .readTree(offline.out())
                .path("findings")
                .toString()
                .contains("DUPLICATE_CLICKHOUSE"));
    }

    @Test
    void snapshot_ofAnEmptyNamespace_exitsTwoNamingItAndWritesNothing(@TempDir Path dir) {
        Path file = dir.resolve("snapshot.yaml");
        CliRun snapshot = CliRun.of(
                "snapshot", "--kubeconfig", kubeconfig.toString(), "-n", "platfrom", "--output-file", file.toString());
        assertEquals(2, snapshot.exitCode(), snapshot.all());
        assertEquals(
                "error: found nothing in namespace platfrom (context:mock): no pod, service, StatefulSet, "
                        + "ClickHouseInstallation or ConfigMap; name the SigNoz release's namespace with -n. No snapshot was "
                        + "written.\n",
                snapshot.err());
        assertFalse(Files.exists(file));
    }

    @Test
    void doctor_unreachableCluster_isOneClearLine(@TempDir Path dir) throws Exception {
        Path dead = Files.writeString(
                dir.resolve("dead"),
                cluster.kubeconfig("platform")
                        .replace(cluster.client().getMasterUrl().toString(), "http://127.0.0.1:1/"));
        CliRun run = CliRun.of("doctor", "--kubeconfig", dead.toString(), "--no-clickhouse");
        assertEquals(8, run.exitCode());
        String last = run.err().lines().reduce((first, second) -> second).orElse("");
        assertTrue(
                last.startsWith("error: cannot reach the cluster (context mock, server http://127.0.0.1:1/): "),
                run.err());
        assertEquals(
                1, run.err().lines().filter(line -> line.startsWith("error: ")).count(), run.err());
    }

    @Test
    void snapshot_whileARunHoldsTheLock_writesTheLeaseAndReadsItBack(@TempDir Path dir) throws Exception {
        cluster.client()
                .leases()
                .inNamespace("platform")
                .resource(new io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder()
                        .withNewMetadata()
                        .withName("signoz-ha-lock")
                        .endMetadata()
                        .withNewSpec()
                        .withHolderIdentity("alice@ci-7")
                        .withLeaseDurationSeconds(300)
                        .withAcquireTime(java.time.ZonedDateTime.parse("2026-11-21T03:02:11.123456Z"))
                        .withRenewTime(java.time.ZonedDateTime.parse("2026-11-21T03:04:11.123456Z"))
                        .endSpec()
                        .build())
                .create();
        Path file = dir.resolve("snapshot.yaml");
        CliRun snapshot = CliRun.of(
                "snapshot", "--kubeconfig", kubeconfig.toString(), "-n", "platform", "--output-file", file.toString());
        assertEquals(0, snapshot.exitCode(), snapshot.all());
        assertTrue(Files.readString(file).contains("renewTime: 2026-11-21T03:04:11.123456Z"), Files.readString(file));
        CliRun offline = CliRun.of("doctor", "--snapshot", file.toString(), "-o", "json");
        assertEquals(3, offline.exitCode(), offline.all());
    }
}
