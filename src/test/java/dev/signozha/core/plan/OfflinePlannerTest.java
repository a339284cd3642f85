package dev.signozha.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signozha.Examples;
import dev.signozha.support.CliRun;
import dev.signozha.support.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OfflinePlannerTest {

    static List<Path> topologies() {
        return Examples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    void plan_everyTopology_matchesTextAndJsonGoldens(Path file) {
        String source = Examples.relative(file);
        CliRun text = CliRun.of("plan", "--offline", "-f", source);
        CliRun json = CliRun.of("plan", "--offline", "-f", source, "-o", "json");
        CliRun yaml = CliRun.of("plan", "--offline", "-f", source, "-o", "yaml");
        Golden.assertMatches(text.out(), "plan/" + Examples.stem(file) + ".txt");
        Golden.assertMatches(json.out(), "plan/" + Examples.stem(file) + ".json");
        assertEquals(text.exitCode(), json.exitCode());
        assertEquals(text.exitCode(), yaml.exitCode());
        assertEquals("", text.err() + json.err() + yaml.err());
    }

    @Test
    void plan_productionExample_marksProfileValuesAndPlacesEveryPod() throws Exception {
        CliRun run = CliRun.of("plan", "--offline", "-f", "examples/production-2x2.yaml", "-o", "json");
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertEquals(0, run.exitCode());
        assertEquals(1, plan.path("schemaVersion").asInt());
        assertEquals("profile", setting(plan, "zookeeper.image").path("origin").asText());
        assertEquals("file", setting(plan, "clickhouse.shards").path("origin").asText());
        assertEquals(11, plan.path("placement").path("placed").size());
        assertEquals(0, plan.path("placement").path("unplaced").size());
    }

    @Test
    void plan_devExample_derivesTheHostAndHasNoPlacement() throws Exception {
        JsonNode plan = new ObjectMapper()
                .readTree(CliRun.of("plan", "--offline", "-f", "examples/dev.yaml", "-o", "json")
                        .out());
        assertEquals("derived", setting(plan, "clickhouse.host").path("origin").asText());
        assertEquals(
                "signoz-clickhouse",
                setting(plan, "clickhouse.host").path("value").asText());
        assertTrue(plan.path("placement").isNull() || plan.path("placement").isMissingNode());
    }

    @Test
    void plan_podsThatCannotBePlaced_exitThreeWithTheSchedulerReason() {
        CliRun run = CliRun.of(
                "plan", "--offline", "-f", "src/test/resources/topologies/unplaceable-node-anti-affinity.yaml");
        assertEquals(3, run.exitCode());
        assertTrue(run.out().contains("cannot be placed: 0/2 nodes are available:"), run.out());
    }

    private static JsonNode setting(JsonNode plan, String path) {
        for (JsonNode setting : plan.path("topology").path("settings")) {
            if (setting.path("path").asText().equals(path)) {
                return setting;
            }
        }
        throw new AssertionError("no setting " + path);
    }

    /** The severity policy doctor applies: across 2+ zones, a zone that takes the ensemble's quorum is an error. */
    @Test
    void plan_twoZonesForThreeZooKeeperMembers_isAnError_asDoctorJudgesIt(@TempDir Path dir) throws Exception {
        Path twoZones = Files.writeString(
                dir.resolve("two-zones.yaml"),
                Files.readString(Path.of("examples/bundled-2x2.yaml"))
                        .replace(
                                "count: 3, cpu: \"16\", memory: 64Gi, zones: [eu-west-1a, eu-west-1b, " + "eu-west-1c]",
                                "count: 4, cpu: \"16\", memory: 64Gi, zones: [eu-west-1a, eu-west-1b]"));
        CliRun run = CliRun.of("plan", "--offline", "-f", twoZones.toString(), "-o", "json");
        assertEquals(3, run.exitCode(), "an error, as in doctor: " + run.err());
        JsonNode findings =
                new ObjectMapper().readTree(run.out()).path("resilience").path("findings");
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("SINGLE_POINT_OF_FAILURE", findings.get(0).path("code").asText());
        assertEquals("error", findings.get(0).path("severity").asText());
        assertEquals(
                "losing zone eu-west-1a leaves StatefulSet/observability/signoz-zookeeper: 1 of 3 left, quorum "
                        + "needs 2",
                findings.get(0).path("detail").asText());
        assertEquals("Zone/eu-west-1a", findings.get(0).path("objects").get(0).asText());
    }

    @Test
    void plan_bundledExample_survivesTheLossOfAnyNodeOrZone() {
        CliRun run = CliRun.of("plan", "--offline", "-f", "examples/bundled-2x2.yaml");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(
                run.out()
                        .contains(
                                "✔ losing any one node or zone leaves every shard a replica and ZooKeeper or Keeper its quorum"),
                run.out());
    }

    @Test
    void plan_everyDeclaredNodeInOneZone_warnsThatLosingItLeavesNothing(@TempDir Path dir) throws Exception {
        Path oneZone = Files.writeString(
                dir.resolve("one-zone.yaml"),
                Files.readString(Path.of("examples/production-2x2.yaml"))
                        .replace("zones: [us-east-1a, us-east-1b, us-east-1c]", "zones: [us-east-1a]"));
        CliRun run = CliRun.of("plan", "--offline", "-f", oneZone.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("""
                ‼ losing any one node or zone leaves every shard a replica and ZooKeeper or Keeper its quorum [SINGLE_POINT_OF_FAILURE]
                    losing zone us-east-1a leaves clickhouse-signoz-clickhouse-ha shard 0: 0 of 2 replicas left; \
                clickhouse-signoz-clickhouse-ha shard 1: 0 of 2 replicas left; StatefulSet/platform/signoz-ha-zookeeper: \
                0 of 3 left, quorum needs 2
                      Zone/us-east-1a
                """), run.out());
    }
}
