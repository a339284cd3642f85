package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signozha.support.CliRun;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Doctor on one snapshot per endpoint form (src/test/resources/clusters/endpoints, see generate.py there): every
 * component uses the served installation except one place, written in that form, that names signoz-clickhouse,
 * whose Service is gone. Doctor must find the drift and the unresolved host through that place, and say where.
 */
class EndpointFormsTest {

    /** Form, the component holding the stale address, and how doctor names the place it was read from. */
    static Stream<Arguments> forms() {
        String query = "StatefulSet/platform/signoz";
        String collector = "Deployment/platform/signoz-otel-collector";
        return Stream.of(
                Arguments.of("env-host", query, "env CLICKHOUSE_HOST"),
                Arguments.of("dsn-query-credentials", query, "env SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN"),
                Arguments.of("dsn-userinfo-name-ns", query, "env SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN"),
                Arguments.of("dsn-clickhouse-scheme-svc", query, "env SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN"),
                Arguments.of("dsn-http-fqdn", query, "env SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN"),
                Arguments.of("dsn-host-list", query, "env SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN"),
                Arguments.of("dsn-var-reference", query, "env SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN"),
                Arguments.of("env-configmap-key", query, "env CLICKHOUSE_HOST"),
                Arguments.of("envfrom-configmap-prefix", query, "env SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN"),
                Arguments.of(
                        "exporter-datasource",
                        collector,
                        "exporter clickhousetraces in ConfigMap signoz-otel-collector"),
                Arguments.of(
                        "exporter-named-instance",
                        collector,
                        "exporter clickhouselogsexporter/archive in ConfigMap signoz-otel-collector"),
                Arguments.of(
                        "exporter-subpath-items",
                        collector,
                        "exporter signozclickhousemetrics in ConfigMap signoz-otel-collector-custom"),
                Arguments.of("migrator-dsn-argument", "Job/platform/signoz-telemetrystore-migrator", "argument --dsn"),
                Arguments.of("cronjob-env-host", "CronJob/platform/signoz-clickhouse-backup", "env CLICKHOUSE_HOST"));
    }

    static String snapshot(String form) {
        return "src/test/resources/clusters/endpoints/" + form + ".yaml";
    }

    private static JsonNode doctor(String form) throws Exception {
        CliRun run = CliRun.of("doctor", "--snapshot", snapshot(form), "-o", "json");
        assertEquals("", run.err());
        return new ObjectMapper().readTree(run.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void doctor_findsTheDriftAndTheUnresolvedHost_throughEachForm(String form, String component, String source)
            throws Exception {
        JsonNode report = doctor(form);
        Set<String> errors = DoctorFixturesTest.codes(report, "error");
        assertTrue(errors.containsAll(Set.of("CONFIG_DRIFT", "CLICKHOUSE_HOST_UNRESOLVED")), form + ": " + errors);
        assertTrue(
                detail(report, "CLICKHOUSE_HOST_UNRESOLVED").contains(component + " connects to signoz-clickhouse"),
                detail(report, "CLICKHOUSE_HOST_UNRESOLVED"));
        assertTrue(
                detail(report, "CLICKHOUSE_HOST_UNRESOLVED").contains("(" + source + ")"),
                detail(report, "CLICKHOUSE_HOST_UNRESOLVED"));
        assertTrue(
                detail(report, "CONFIG_DRIFT").contains(component + " → signoz-clickhouse"),
                detail(report, "CONFIG_DRIFT"));
        assertTrue(DoctorFixturesTest.objects(report, "CONFIG_DRIFT").contains(component));
        assertFalse(
                DoctorFixturesTest.codes(report, "warning").contains("CLICKHOUSE_ENDPOINT_UNREADABLE"),
                "every form is read: " + report);
    }

    @Test
    void baseline_everyComponentUsesTheServedInstallation_noDriftNoUnresolvedHost() throws Exception {
        JsonNode report = doctor("baseline");
        Set<String> errors = DoctorFixturesTest.codes(report, "error");
        assertFalse(errors.contains("CONFIG_DRIFT"), errors.toString());
        assertFalse(errors.contains("CLICKHOUSE_HOST_UNRESOLVED"), errors.toString());
        assertTrue(errors.contains("DUPLICATE_CLICKHOUSE"), errors.toString());
    }

    @Test
    void dsnFromSecret_isAWarningNamingTheSecret_andTheTopologyIsStillInferred() throws Exception {
        JsonNode report = doctor("dsn-from-secret");
        assertEquals(Set.of("CLICKHOUSE_ENDPOINT_UNREADABLE"), DoctorFixturesTest.codes(report, "warning"));
        assertEquals(
                "StatefulSet/platform/signoz takes a ClickHouse address from env SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN "
                        + "(from Secret signoz-telemetrystore-dsn key dsn), which signoz-ha cannot read: signoz-ha does not read "
                        + "that value; cleanup treats it as using an unknown installation",
                detail(report, "CLICKHOUSE_ENDPOINT_UNREADABLE"));
        assertTrue(
                report.path("topology")
                        .asText()
                        .startsWith("inferred from ClickHouseInstallation/platform/clickhouse-signoz-clickhouse-ha"),
                report.path("topology").asText());
    }

    @Test
    void credentialsInADsn_neverReachTheReport() {
        for (String format : List.of("text", "json")) {
            CliRun run = CliRun.of("doctor", "--snapshot", snapshot("dsn-userinfo-name-ns"), "-o", format);
            assertFalse(run.all().contains("Lit3ral-Pa55"), run.all());
        }
    }

    private static String detail(JsonNode report, String code) {
        StringBuilder details = new StringBuilder();
        report.path("findings").forEach(finding -> {
            if (finding.path("code").asText().equals(code)) {
                details.append(finding.path("detail").asText()).append('\n');
            }
        });
        return details.toString().strip();
    }
}
