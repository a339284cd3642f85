package dev.signozha.cluster.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.signozha.support.HelmBinary;
import dev.signozha.support.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HelmCli against the real helm binary (v3.18.0, see {@link HelmBinary}): the version, a local
 * chart rendered with a values file, helm's own error line, and release history read from a
 * stand-in API that stores releases the way helm does. Never {@code helm install}: there is no
 * API server here that could take the write.
 */
class HelmBinaryIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path TINY = Project.path("src/test/resources/charts/tiny");

    @TempDir
    static Path helmHome;

    @Test
    void version_realHelm_isV3_18WithDryRunModes() {
        String version = helm(HelmSettings.defaults()).version();

        assertTrue(version.startsWith("v3.18."), version);
        assertTrue(HelmDialect.parse(version).hasDryRunModes());
    }

    @Test
    void template_tinyChartWithValuesFile_rendersTheValueIntoTheConfigMap(@TempDir Path dir) throws Exception {
        Path values = Files.writeString(dir.resolve("values.yaml"), "greeting: hello from signoz-ha\n");

        String manifests =
                helm(HelmSettings.defaults()).template("platform", "sig", ChartReference.local(TINY), List.of(values));

        assertTrue(manifests.startsWith("---\n# Source: tiny/templates/configmap.yaml\n"), manifests);
        JsonNode configMap = YAML.readTree(manifests);
        assertEquals("ConfigMap", configMap.path("kind").asText());
        assertEquals("sig-tiny", configMap.path("metadata").path("name").asText());
        assertEquals("platform", configMap.path("metadata").path("namespace").asText());
        assertEquals(
                "Helm",
                configMap
                        .path("metadata")
                        .path("labels")
                        .path("app.kubernetes.io/managed-by")
                        .asText());
        assertEquals(
                "hello from signoz-ha", configMap.path("data").path("greeting").asText());
    }

    @Test
    void template_chartMissing_failsWithHelmsErrorLine(@TempDir Path dir) {
        Path missing = dir.resolve("no-chart");
        HelmCli helm = helm(HelmSettings.defaults());

        HelmException e = assertThrows(
                HelmException.class, () -> helm.template("platform", "sig", ChartReference.local(missing), List.of()));

        assertEquals("Error: path \"" + missing + "\" not found", e.helmError());
        assertEquals(
                "helm template sig -n platform failed (exit 1): Error: path \"" + missing + "\" not found",
                e.getMessage());
    }

    @Test
    void history_releaseInClusterStorage_readsEveryRevisionOldestFirst(@TempDir Path dir) throws Exception {
        List<HelmRevision> stored = List.of(
                revision(1, "superseded", "signoz-0.81.0", "v0.81.0", "2025-05-01T10:15:13.500Z", "Install complete"),
                revision(2, "deployed", "signoz-0.82.0", "v0.82.0", "2025-05-02T10:15:13Z", "Upgrade complete"));
        try (HelmStorageServer cluster = new HelmStorageServer()) {
            cluster.store("platform", "signoz", stored.get(1), Map.of());
            cluster.store("platform", "signoz", stored.get(0), Map.of());

            List<HelmRevision> history = helm(cluster, dir).history("platform", "signoz");

            assertEquals(stored, history);
            assertTrue(
                    cluster.requests().stream().allMatch(request -> request.startsWith("GET ")),
                    cluster.requests().toString());
        }
    }

    @Test
    void status_releaseInClusterStorage_isTheNewestRevisionWithoutItsValues(@TempDir Path dir) throws Exception {
        try (HelmStorageServer cluster = new HelmStorageServer()) {
            cluster.store(
                    "platform",
                    "signoz",
                    revision(1, "superseded", "signoz-0.81.0", "v0.81.0", "2025-05-01T10:15:13Z", "Install complete"),
                    Map.of("clickhouse", Map.of("password", "Planted-S3cret")));
            cluster.store(
                    "platform",
                    "signoz",
                    revision(
                            2,
                            "failed",
                            "signoz-0.82.0",
                            "v0.82.0",
                            "2025-05-02T10:15:13Z",
                            "Upgrade \"signoz\" failed: context deadline exceeded"),
                    Map.of("clickhouse", Map.of("password", "Planted-S3cret")));
            RecordingRunner recording = new RecordingRunner();
            HelmCli helm = new HelmCli(recording, settings(cluster, dir));

            Optional<HelmRelease> release = helm.status("platform", "signoz");

            assertEquals(
                    Optional.of(new HelmRelease("signoz", "platform", 2, "failed", "signoz-0.82.0", "v0.82.0")),
                    release);
            assertFalse(recording.stdout.contains("Planted-S3cret"), "helm history carries no values");
        }
    }

    @Test
    void status_releaseMissing_isEmpty(@TempDir Path dir) throws Exception {
        try (HelmStorageServer cluster = new HelmStorageServer()) {
            cluster.store(
                    "other",
                    "signoz",
                    revision(1, "deployed", "signoz-0.82.0", "v0.82.0", "2025-05-01T10:15:13Z", "Install complete"),
                    Map.of());

            assertEquals(Optional.empty(), helm(cluster, dir).status("platform", "signoz"));
        }
    }

    private static HelmRevision revision(
            int number, String status, String chart, String appVersion, String updated, String description) {
        return new HelmRevision(number, status, chart, appVersion, Optional.of(Instant.parse(updated)), description);
    }

    private static HelmCli helm(HelmStorageServer cluster, Path dir) throws Exception {
        return new HelmCli(new SystemProcessRunner(), settings(cluster, dir));
    }

    private static HelmSettings settings(HelmStorageServer cluster, Path dir) throws Exception {
        return isolated(HelmSettings.forCluster(cluster.writeKubeconfig(dir), null));
    }

    private static HelmCli helm(HelmSettings settings) {
        return new HelmCli(new SystemProcessRunner(), isolated(settings));
    }

    /** The real binary, with helm's config, cache and data directories kept out of the user's home. */
    private static HelmSettings isolated(HelmSettings settings) {
        return settings.withBinary(HelmBinary.require().toString())
                .withEnv(Map.of(
                        "HELM_CONFIG_HOME", helmHome.resolve("config").toString(),
                        "HELM_CACHE_HOME", helmHome.resolve("cache").toString(),
                        "HELM_DATA_HOME", helmHome.resolve("data").toString()));
    }

    /** The system runner, keeping what helm printed, to show what crossed the pipe. */
    private static final class RecordingRunner implements ProcessRunner {

        private final SystemProcessRunner delegate = new SystemProcessRunner();
        private String stdout = "";

        @Override
        public ProcessResult run(List<String> argv, Map<String, String> extraEnv, java.time.Duration timeout)
                throws java.io.IOException {
            ProcessResult result = delegate.run(argv, extraEnv, timeout);
            stdout += result.stdout();
            return result;
        }
    }
}
