package dev.signozha.core.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.render.Renderer;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.Topology.ClickHouse;
import dev.signozha.core.topology.TopologyLoader;
import dev.signozha.core.yaml.YamlReader;
import dev.signozha.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ReleaseAdoptionTest {

    private static final String PLANTED = "Planted-Adopt-S3cret";

    private static JsonNode yaml(String file) throws IOException {
        String text = Files.readString(Project.path("src/test/resources/adopt/" + file));
        return YamlReader.readAll(file, text).get(0).root();
    }

    private static AdoptedTopology bundled() throws IOException {
        return ReleaseAdoption.adopt(
                new InstalledRelease("observability", "signoz", "0.131.0", yaml("bundled/values.yaml"), List.of()));
    }

    private static AdoptedTopology external() throws IOException {
        return ReleaseAdoption.adopt(new InstalledRelease(
                "platform", "signoz", "0.112.1", yaml("external/values.yaml"), List.of(installation("external"))));
    }

    /** The ClickHouseInstallation of a fixture's live objects, as the operator stores it. */
    private static JsonNode installation(String fixture) throws IOException {
        String file = fixture + "/live.yaml";
        return YamlReader.readAll(file, Files.readString(Project.path("src/test/resources/adopt/" + file))).stream()
                .map(document -> document.root())
                .filter(object -> object.path("kind").asText().equals("ClickHouseInstallation"))
                .findFirst()
                .orElseThrow();
    }

    /** A release of chart 0.131.0 with {@code externalClickhouse} as given (flow YAML) and no installation. */
    private static AdoptedTopology externalWithoutInstallation(String externalClickhouse) {
        JsonNode values = YamlReader.readAll(
                        "values", "clickhouse: {enabled: false}\nexternalClickhouse: " + externalClickhouse + "\n")
                .get(0)
                .root();
        return ReleaseAdoption.adopt(new InstalledRelease("platform", "signoz", "0.131.0", values, List.of()));
    }

    private static LoadedTopology load(AdoptedTopology adopted) {
        return TopologyLoader.load("adopted.yaml", adopted.yaml());
    }

    @Test
    void bundled_mapsWhatRunsNow_intoATopologyTheLoaderAccepts() throws IOException {
        ClickHouse clickhouse = load(bundled()).spec().clickhouse();
        assertEquals("signoz-clickhouse", clickhouse.host(), "the chart's service name, so nothing is renamed");
        assertEquals(2, clickhouse.shards());
        assertEquals(2, clickhouse.replicas());
        assertEquals("200Gi", clickhouse.storage().size().text());
        assertEquals("gp3", clickhouse.storage().storageClass());
        assertEquals("8Gi", clickhouse.resources().limits().memory().text());
        assertEquals("shard", clickhouse.antiAffinity().id());
        assertEquals("clickhouse/clickhouse-server:25.12.5", clickhouse.image(), "what chart 0.131.0 ships");
        assertEquals(3, load(bundled()).spec().zookeeper().replicas());
        assertEquals("signoz.example.com", load(bundled()).spec().ingress().host());
    }

    @Test
    void bundled_renderedAgain_reproducesEverySuppliedValueItMapped() throws IOException {
        RenderedRelease rendered =
                new Renderer(new ClasspathTemplates()).render(load(bundled()).topology());
        JsonNode supplied = yaml("bundled/values.yaml");
        for (String path : List.of(
                "clickhouse.layout",
                "clickhouse.persistence.size",
                "clickhouse.resources",
                "clickhouse.podDistribution",
                "clickhouse.zookeeper.replicaCount",
                "clickhouse.zookeeper.persistence.size",
                "otelCollector.replicaCount",
                "signoz.ingress.className")) {
            assertEquals(at(supplied, path), at(rendered.values(), path), path);
        }
        assertEquals(
                at(supplied, "signoz.ingress.hosts").get(0).path("host"),
                at(rendered.values(), "signoz.ingress.hosts").get(0).path("host"));
    }

    @Test
    void bundled_neverCopiesThePassword_andSaysHowToMoveItIntoASecret() throws IOException {
        AdoptedTopology adopted = bundled();
        String everything = adopted.yaml() + adopted.notes() + adopted.unmapped();
        assertFalse(everything.contains(PLANTED), everything);
        assertEquals(
                "clickhouse-credentials",
                load(adopted).spec().clickhouse().passwordSecret().name());
        assertTrue(
                adopted.notes().stream()
                        .anyMatch(
                                note -> note.contains(
                                        "kubectl -n observability create secret generic clickhouse-credentials --from-literal=password="
                                                + "\"$(helm -n observability get values signoz -o json | jq -r .clickhouse.password)\"")),
                adopted.notes().toString());
    }

    @Test
    void globalStorageClass_winsAsInTheChartsTemplates_andIsListedForTheVolumeWithNoTopologyField() {
        AdoptedTopology adopted = ReleaseAdoption.adopt(new InstalledRelease(
                "observability",
                "signoz",
                "0.131.0",
                YamlReader.readAll(
                                "values",
                                "global: {storageClass: gp3}\nclickhouse: {persistence: {storageClass: standard}, "
                                        + "zookeeper: {persistence: {storageClass: standard}}}\n")
                        .get(0)
                        .root(),
                List.of()));
        JsonNode spec =
                YamlReader.readAll("adopted", adopted.yaml()).get(0).root().path("spec");
        assertEquals("gp3", at(spec, "clickhouse.storage.storageClass").asText());
        assertEquals("gp3", at(spec, "zookeeper.storage.storageClass").asText());
        assertAny(
                adopted.unmapped(),
                value -> value.startsWith("global.storageClass: kept as the ClickHouse and ZooKeeper")
                        && value.contains("SigNoz's own volume"));
    }

    @Test
    void aDefaultSingleNodeInstall_isAdoptedAsItRuns_withProfileDev_andSaysWhatHaNeeds() throws IOException {
        AdoptedTopology adopted = ReleaseAdoption.adopt(new InstalledRelease(
                "observability",
                "signoz",
                "0.131.0",
                YamlReader.readAll("values", "{}").get(0).root(),
                List.of()));
        LoadedTopology loaded = load(adopted);
        assertEquals("dev", loaded.spec().profile().id());
        assertEquals(1, loaded.spec().clickhouse().replicas());
        assertEquals(1, loaded.spec().zookeeper().replicas());
        assertTrue(
                adopted.notes().stream()
                        .anyMatch(note -> note.startsWith("the release is not highly available")
                                && note.contains("spec.clickhouse.replicas: production needs at least 2 replicas")),
                adopted.notes().toString());
        assertTrue(bundled().notes().stream().noneMatch(note -> note.contains("not highly available")));
    }

    @Test
    void zookeeperWithoutAMemoryLimit_saysTheProfilesLimitApplies() throws IOException {
        assertTrue(
                bundled().notes().stream().anyMatch(note -> note.startsWith("ZooKeeper runs without a memory limit")),
                bundled().notes().toString());
    }

    @Test
    void external_installationOfAnotherRelease_isExisting_withTheLayoutAsItRuns() throws IOException {
        AdoptedTopology adopted = external();
        ClickHouse clickhouse = load(adopted).spec().clickhouse();
        assertEquals("existing", clickhouse.mode().id());
        assertEquals("clickhouse", clickhouse.host());
        assertEquals("prod", clickhouse.cluster());
        assertEquals(2, clickhouse.shards());
        assertEquals(2, clickhouse.replicas());
        assertEquals("clickhouse-credentials", clickhouse.passwordSecret().name(), "the existing Secret, referenced");
        assertAny(
                adopted.notes(), note -> note.contains("made by release clickhouse") && note.contains("never changes"));
    }

    @Test
    void external_installationSignozHaLabelled_staysExternal_andItsLayoutIsTheTopologys() throws IOException {
        ObjectNode chi = (ObjectNode) installation("external").deepCopy();
        ((ObjectNode) chi.path("metadata").path("labels")).put("app.kubernetes.io/managed-by", "signoz-ha");
        AdoptedTopology adopted = ReleaseAdoption.adopt(
                new InstalledRelease("platform", "signoz", "0.112.1", yaml("external/values.yaml"), List.of(chi)));
        ClickHouse clickhouse = load(adopted).spec().clickhouse();
        assertEquals("external", clickhouse.mode().id());
        assertEquals("500Gi", clickhouse.storage().size().text());
        assertEquals("gp3", clickhouse.storage().storageClass());
        assertEquals("24Gi", clickhouse.resources().limits().memory().text());
        assertEquals("docker.io/clickhouse/clickhouse-server:24.1.2-alpine", clickhouse.image());
        assertAny(
                adopted.notes(),
                note -> note.contains("uses ZooKeeper")
                        && note.contains("clickhouse-zookeeper-0.clickhouse-zookeeper-headless"));
    }

    @Test
    void external_aPortOtherThanTheRenderedOne_isListed_theDefaultIsNot() {
        AdoptedTopology adopted = externalWithoutInstallation("{host: clickhouse, httpPort: 8123, tcpPort: 9440}");
        assertEquals(
                List.of("externalClickhouse.tcpPort: 9440 is not the 9000 signoz-ha renders: a deploy would point "
                        + "every component at 9000 (keep it with a values template: README \"Templates\")"),
                adopted.unmapped());
    }

    @Test
    void external_withNoInstallationServingTheHost_warnsThatADeployWouldCreateAnEmptyOne() {
        AdoptedTopology adopted =
                externalWithoutInstallation("{host: ch.example.com, cluster: c1, password: " + PLANTED + "}");
        assertTrue(
                adopted.notes().stream().anyMatch(note -> note.contains("a deploy would create a new, empty one")),
                adopted.notes().toString());
        assertFalse((adopted.yaml() + adopted.notes() + adopted.unmapped()).contains(PLANTED));
    }

    private static void assertAny(List<String> lines, Predicate<String> wanted) {
        assertTrue(lines.stream().anyMatch(wanted), lines.toString());
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String part : dotted.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }
}
