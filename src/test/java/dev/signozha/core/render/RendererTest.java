package dev.signozha.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.Examples;
import dev.signozha.actions.InputFiles;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.TopologyLoader;
import dev.signozha.core.yaml.CanonicalYaml;
import dev.signozha.support.EditedTemplates;
import dev.signozha.support.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RendererTest {

    static List<Path> topologies() {
        return Examples.all();
    }

    static RenderedRelease render(Path file) {
        LoadedTopology loaded = TopologyLoader.load(Examples.relative(file), InputFiles.readText(file));
        return new Renderer(new ClasspathTemplates()).render(loaded.topology());
    }

    @Test
    void aTemplateWithASecret_isBadInputNamingTheTemplateAndKey() {
        Path file = Path.of("examples/production-2x2.yaml");
        LoadedTopology loaded = TopologyLoader.load(file.toString(), InputFiles.readText(file));
        Renderer renderer = new Renderer(new EditedTemplates(
                "manifests/external/zookeeper.yaml",
                text -> text
                        + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: extra, namespace: platform}\n"
                        + "stringData: {password: hunter2}\n"));
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> renderer.render(loaded.topology()));
        assertTrue(bad.getMessage().contains("manifests/external/zookeeper.yaml"), bad.getMessage());
        assertTrue(bad.getMessage().contains("signoz-ha renders no Secret"), bad.getMessage());
        assertFalse(bad.getMessage().contains("hunter2"), bad.getMessage());
    }

    @Test
    void aValuesOverrideWithARenamedKey_isBadInputNamingTheNewKeyAndTheLine() {
        Path file = Path.of("examples/production-2x2.yaml");
        LoadedTopology loaded = TopologyLoader.load(file.toString(), InputFiles.readText(file));
        Renderer renderer = new Renderer(new EditedTemplates(
                "values/common.yaml", text -> text + "schemaMigrator:\n  enableReplication: true\n"));
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> renderer.render(loaded.topology()));
        assertTrue(bad.getMessage().contains("values/common.yaml:"), bad.getMessage());
        assertTrue(
                bad.getMessage()
                        .contains("chart 0.131.0 no longer reads schemaMigrator (removed in 0.113.0); "
                                + "use telemetryStoreMigrator"),
                bad.getMessage());
    }

    @Test
    void aKeyRemovedOnlyInALaterChart_isAcceptedForTheChartThatStillReadsIt() {
        Path file = Examples.all().stream()
                .filter(f -> f.endsWith("legacy-chart-0.112.yaml"))
                .findFirst()
                .orElseThrow();
        LoadedTopology loaded = TopologyLoader.load(Examples.relative(file), InputFiles.readText(file));
        RenderedRelease release = new Renderer(new EditedTemplates(
                        "values/common.yaml", text -> text + "---\nsignoz:\n  additionalEnvs:\n    EXTRA: \"1\"\n"))
                .render(loaded.topology());
        assertEquals(
                "1",
                release.values()
                        .path("signoz")
                        .path("additionalEnvs")
                        .path("EXTRA")
                        .asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    void render_everyTopology_matchesGolden(Path file) {
        RenderedRelease release = render(file);
        String documents = release.manifests().stream()
                .map(m -> "# " + m.fileName() + "\n" + CanonicalYaml.yaml(m.body()))
                .collect(Collectors.joining("---\n"));
        Golden.assertMatches(CanonicalYaml.yaml(release.values()), "render/" + Examples.stem(file) + ".values.yaml");
        Golden.assertMatches(documents, "render/" + Examples.stem(file) + ".manifests.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    void render_everyManifest_carriesOwnershipLabels(Path file) {
        for (Manifest manifest : render(file).manifests()) {
            JsonNode labels = manifest.body().path("metadata").path("labels");
            assertEquals(
                    "signoz-ha", labels.path("app.kubernetes.io/managed-by").asText(), manifest.id());
            assertFalse(labels.path("signoz-ha/topology").asText().isEmpty(), manifest.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    void render_twice_isByteIdentical(Path file) {
        RenderedRelease first = render(file);
        RenderedRelease second = render(file);
        assertEquals(CanonicalYaml.yaml(first.values()), CanonicalYaml.yaml(second.values()));
        assertEquals(
                first.manifests().stream()
                        .map(m -> CanonicalYaml.yaml(m.body()))
                        .toList(),
                second.manifests().stream()
                        .map(m -> CanonicalYaml.yaml(m.body()))
                        .toList());
    }

    @Test
    void render_externalMode_pointsEveryComponentAtTheOneHost() {
        RenderedRelease release = render(Examples.all().stream()
                .filter(f -> f.endsWith("production-2x2.yaml"))
                .findFirst()
                .orElseThrow());
        JsonNode values = release.values();
        assertFalse(values.path("clickhouse").path("enabled").asBoolean(true));
        assertEquals(
                "clickhouse-signoz-clickhouse-ha",
                values.path("externalClickhouse").path("host").asText());
        assertEquals("prod", values.path("externalClickhouse").path("cluster").asText());
        assertEquals(
                "clickhouse-credentials",
                values.path("externalClickhouse").path("existingSecret").asText());
        assertTrue(
                values.path("telemetryStoreMigrator").path("enableReplication").asBoolean());
        Manifest installation = release.manifests().stream()
                .filter(m -> m.kind().equals("ClickHouseInstallation"))
                .findFirst()
                .orElseThrow();
        JsonNode spec = installation.body().path("spec");
        assertEquals(
                "clickhouse-signoz-clickhouse-ha",
                spec.path("templates")
                        .path("serviceTemplates")
                        .get(0)
                        .path("generateName")
                        .asText());
        assertEquals(
                "Retain",
                spec.path("templates")
                        .path("volumeClaimTemplates")
                        .get(0)
                        .path("reclaimPolicy")
                        .asText());
        assertEquals(
                3, spec.path("configuration").path("zookeeper").path("nodes").size());
    }

    @Test
    void render_chart0112_usesSchemaMigratorWithReplication() {
        JsonNode values = render(Examples.all().stream()
                        .filter(f -> f.endsWith("legacy-chart-0.112.yaml"))
                        .findFirst()
                        .orElseThrow())
                .values();
        assertTrue(values.path("schemaMigrator").path("enableReplication").asBoolean());
        assertTrue(values.path("telemetryStoreMigrator").isMissingNode());
    }

    @Test
    void render_bundledMode_pinsServiceNameAndNeverEmitsThePassword() {
        JsonNode clickhouse = render(Examples.all().stream()
                        .filter(f -> f.endsWith("bundled-2x2.yaml"))
                        .findFirst()
                        .orElseThrow())
                .values()
                .path("clickhouse");
        assertEquals("signoz-clickhouse", clickhouse.path("fullnameOverride").asText());
        assertEquals(2, clickhouse.path("layout").path("shardsCount").asInt());
        assertEquals(
                "ShardAntiAffinity",
                clickhouse.path("podDistribution").get(0).path("type").asText());
        assertTrue(clickhouse.path("password").asText().startsWith("<from Secret clickhouse-credentials/password"));
    }

    /** Read as the subcharts' templates read them: clickhouse-instance.yaml renders resources whole. */
    @Test
    void render_bundledMode_givesTheSubchartsTheMemoryLimitAHardZooKeeperSpreadAndAZooKeeperBudget() {
        Path file = Examples.all().stream()
                .filter(f -> f.endsWith("bundled-2x2.yaml"))
                .findFirst()
                .orElseThrow();
        LoadedTopology loaded = TopologyLoader.load(Examples.relative(file), InputFiles.readText(file));
        RenderedRelease release = new Renderer(new ClasspathTemplates()).render(loaded.topology());
        JsonNode clickhouse = release.values().path("clickhouse");
        assertEquals(
                loaded.spec().clickhouse().resources().limits().memory().text(),
                clickhouse.path("resources").path("limits").path("memory").asText(),
                "clickhouse.resources: " + clickhouse.path("resources"));
        JsonNode zookeeper = clickhouse.path("zookeeper");
        assertEquals("hard", zookeeper.path("podAntiAffinityPreset").asText());
        assertTrue(zookeeper.path("pdb").path("create").asBoolean());
        assertEquals(1, zookeeper.path("pdb").path("maxUnavailable").asInt());
        assertTrue(
                release.notes().stream().noneMatch(note -> note.contains("limits")),
                release.notes().toString());
    }
}
