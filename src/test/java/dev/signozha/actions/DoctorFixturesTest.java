package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signozha.support.CliRun;
import dev.signozha.support.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five ways SigNoz HA breaks, and a healthy 2x2, as kubectl-format snapshots: doctor must name each
 * failure with the right codes and objects, and find no error in the healthy cluster.
 */
class DoctorFixturesTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("healthy-2x2", Set.of(), ""),
                Arguments.of("single-node", Set.of("SINGLE_POINT_OF_FAILURE"), "Node/node-a"),
                Arguments.of(
                        "migration-single-node",
                        Set.of("SCHEMA_MIGRATION_TOPOLOGY"),
                        "Job/platform/signoz-schema-migrator-sync"),
                Arguments.of(
                        "duplicate-install",
                        Set.of("DUPLICATE_CLICKHOUSE", "CLICKHOUSE_HOST_UNRESOLVED", "CONFIG_DRIFT"),
                        "ClickHouseInstallation/platform/signoz-clickhouse"),
                Arguments.of(
                        "anti-affinity-deadlock",
                        Set.of(
                                "ANTI_AFFINITY_UNSCHEDULABLE",
                                "DUPLICATE_CLICKHOUSE",
                                "CLICKHOUSE_NOT_READY",
                                "SINGLE_POINT_OF_FAILURE"),
                        "Pod/platform/chi-clickhouse-signoz-clickhouse-ha-prod-1-1-0"),
                Arguments.of("config-drift", Set.of("CONFIG_DRIFT"), "Deployment/platform/signoz-otel-collector"),
                Arguments.of(
                        "dev-sized",
                        Set.of("RESOURCE_LIMITS", "ZOOKEEPER_QUORUM", "ZOOKEEPER_STORAGE", "POD_EVICTIONS"),
                        "StatefulSet/platform/signoz-zookeeper"),
                Arguments.of(
                        "default-password",
                        Set.of("DEFAULT_CLICKHOUSE_PASSWORD"),
                        "ClickHouseInstallation/platform/signoz-clickhouse"),
                Arguments.of(
                        "operator-missing",
                        Set.of("OPERATOR_MISSING"),
                        "CustomResourceDefinition/clickhouseinstallations.clickhouse.altinity.com"),
                Arguments.of(
                        "pending-reasons",
                        Set.of(
                                "INSUFFICIENT_CAPACITY",
                                "POD_UNSCHEDULABLE",
                                "NODE_PRESSURE",
                                "SINGLE_POINT_OF_FAILURE"),
                        "Pod/platform/signoz-ha-zookeeper-2"),
                Arguments.of("bundled-own-password", Set.of(), "ClickHouseInstallation/platform/signoz-clickhouse"),
                Arguments.of("evictions", Set.of("POD_EVICTIONS", "NODE_PRESSURE", "RESOURCE_LIMITS"), "Node/node-c"),
                Arguments.of("healthy-keeper", Set.of(), ""),
                Arguments.of(
                        "keeper-quorum-lost",
                        Set.of("ZOOKEEPER_QUORUM", "POD_EVICTIONS"),
                        "ClickHouseKeeperInstallation/platform/signoz-ha-keeper"));
    }

    static String snapshot(String fixture) {
        return "src/test/resources/clusters/" + fixture + ".yaml";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void doctor_snapshot_findsExactlyTheExpectedErrors(String fixture, Set<String> errors, String object)
            throws Exception {
        CliRun run = CliRun.of("doctor", "--snapshot", snapshot(fixture), "-o", "json");
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(errors, codes(report, "error"), run.out());
        assertEquals(errors.isEmpty() ? 0 : 3, run.exitCode());
        assertTrue(
                report.path("findings").toString().contains(object), object + " not named: " + report.path("findings"));
        assertEquals("", run.err());
    }

    @Test
    void doctor_healthyCluster_hasNoFindingAtAll() throws Exception {
        JsonNode report = new ObjectMapper()
                .readTree(CliRun.of("doctor", "--snapshot", snapshot("healthy-2x2"), "-o", "json")
                        .out());
        assertEquals(0, report.path("findings").size(), report.toString());
        int skipped = 0;
        for (JsonNode check : report.path("checks")) {
            if (check.path("status").asText().equals("skip")) {
                skipped++;
                assertTrue(check.path("reason").asText().contains("add --clickhouse-url"), check.toString());
            }
        }
        assertEquals(
                dev.signozha.checks.CheckCatalog.clickhouse().size(), skipped, "only the ClickHouse-level checks skip");
    }

    @Test
    void doctor_healthyKeeperInstall_hasNoFindingAtAll() throws Exception {
        CliRun run = CliRun.of("doctor", "--snapshot", snapshot("healthy-keeper"), "-o", "json");
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(0, report.path("findings").size(), report.toString());
        assertEquals(0, run.exitCode());
    }

    @Test
    void doctor_twoOfThreeKeeperServersCrashLooping_reportsTheLostQuorumCausedByTheirLoops() throws Exception {
        CliRun run = CliRun.of("doctor", "--snapshot", snapshot("keeper-quorum-lost"), "-o", "json");
        JsonNode report = new ObjectMapper().readTree(run.out());
        JsonNode quorum = null;
        for (JsonNode finding : report.path("findings")) {
            if (finding.path("code").asText().equals("ZOOKEEPER_QUORUM")) {
                quorum = finding;
            }
        }
        assertTrue(quorum != null, report.toString());
        String detail = quorum.path("detail").asText();
        assertTrue(detail.startsWith("1 of 3 Keeper servers ready, a quorum needs 2"), detail);
        assertTrue(detail.contains("chk-signoz-ha-keeper-keeper-0-1-0 CrashLoopBackOff"), detail);
        assertTrue(detail.contains("chk-signoz-ha-keeper-keeper-0-2-0 CrashLoopBackOff"), detail);
        assertEquals(2, quorum.path("causes").size(), quorum.toString());
        assertTrue(quorum.path("hint").asText().contains("-c clickhouse-keeper --previous"), quorum.toString());
        assertEquals(3, run.exitCode());
    }

    @Test
    void doctor_allReplicasOnOneNodeOfAnHaInstall_isAnError() throws Exception {
        CliRun run = CliRun.of("doctor", "--snapshot", snapshot("single-node"), "-o", "json");
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(Set.of("SINGLE_POINT_OF_FAILURE"), codes(report, "error"));
        assertTrue(objects(report, "SINGLE_POINT_OF_FAILURE")
                .containsAll(java.util.List.of("Node/node-a", "Zone/us-east-1a")));
        assertEquals(3, run.exitCode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void doctor_snapshot_matchesTextAndJsonGoldens(String fixture, Set<String> errors, String object) {
        Golden.assertMatches(
                CliRun.of("doctor", "--snapshot", snapshot(fixture)).out(), "doctor/" + fixture + ".txt");
        Golden.assertMatches(
                CliRun.of("doctor", "--snapshot", snapshot(fixture), "-o", "json")
                        .out(),
                "doctor/" + fixture + ".json");
    }

    static Set<String> codes(JsonNode report, String severity) {
        Set<String> codes = new TreeSet<>();
        for (JsonNode finding : report.path("findings")) {
            if (severity.equals(finding.path("severity").asText())) {
                codes.add(finding.path("code").asText());
            }
        }
        return codes;
    }

    static List<String> objects(JsonNode report, String code) {
        List<String> objects = new ArrayList<>();
        for (JsonNode finding : report.path("findings")) {
            if (code.equals(finding.path("code").asText())) {
                finding.path("objects").forEach(o -> objects.add(o.asText()));
            }
        }
        return objects;
    }
}
