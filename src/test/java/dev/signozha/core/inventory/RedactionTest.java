package dev.signozha.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    private static final String PLANTED = "Planted-S3cret-4711";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CLICKHOUSE_PASSWORD | hunter2 | <redacted>",
                "AWS_SECRET_ACCESS_KEY | abc | <redacted>",
                "GITHUB_TOKEN | abc | <redacted>",
                "API_KEY | abc | <redacted>",
                "CLICKHOUSE_PASSWORD | 27ff0399-0d3a-4bd8-919d-17c2181e6fb9 | <redacted:signoz-chart-default-password>",
                "SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN | tcp://admin:hunter2@ch:9000/x | tcp://admin:<redacted>@ch:9000/x",
                "SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_DSN | tcp://$(U):$(P)@ch:9000 | tcp://$(U):$(P)@ch:9000",
                "ClickHouseUrl | ch:9000/?username=admin&password=hunter2 | ch:9000/?username=admin&password=<redacted>",
                "CLICKHOUSE_HOST | signoz-clickhouse | signoz-clickhouse",
                "MONKEY | banana | banana"
            })
    void value_namedSetting_isRedactedWhereSecret(String name, String value, String expected) {
        assertEquals(expected, Redaction.value(name, value));
    }

    @Test
    void redact_objectTree_removesSecretsEverywhere() throws Exception {
        ObjectNode pod = (ObjectNode) new ObjectMapper().readTree("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","annotations":{
                  "kubectl.kubernetes.io/last-applied-configuration":"{\\"password\\":\\"%1$s\\"}"},
                  "managedFields":[{"manager":"kubectl"}]},
                 "spec":{"initContainers":[{"name":"i","env":[{"name":"DB_PASSWORD","value":"%1$s"}]}],
                  "containers":[{"name":"c","args":["--password=%1$s","--dsn","tcp://u:%1$s@h:9000"],
                   "env":[{"name":"TOKEN","value":"%1$s"},{"name":"P","valueFrom":{"secretKeyRef":{"name":"s","key":"k"}}}]}]}}
                """.formatted(PLANTED));
        Redaction.redact(pod);
        String text = pod.toString();
        assertFalse(text.contains(PLANTED), text);
        assertTrue(text.contains("secretKeyRef"), "references stay");
        assertFalse(text.contains("managedFields"));
    }

    @Test
    void redact_clickHouseInstallationUsersAndConfigMapData() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode chi = (ObjectNode)
                mapper.readTree(
                        "{\"kind\":\"ClickHouseInstallation\",\"spec\":{\"configuration\":"
                                + "{\"users\":{\"admin/password\":\"27ff0399-0d3a-4bd8-919d-17c2181e6fb9\",\"admin/profile\":\"default\"}}}}");
        Redaction.redact(chi);
        assertEquals(
                Redaction.CHART_DEFAULT_MARKER,
                chi.at("/spec/configuration/users/admin~1password").asText());
        assertEquals(
                "default", chi.at("/spec/configuration/users/admin~1profile").asText());
        ObjectNode map = (ObjectNode) mapper.readTree(
                "{\"kind\":\"ConfigMap\",\"data\":{\"api-token\":\"" + PLANTED + "\",\"config.yaml\":\"x: 1\"}}");
        Redaction.redact(map);
        assertFalse(map.toString().contains(PLANTED));
        assertEquals("x: 1", map.at("/data/config.yaml").asText());
    }
}
