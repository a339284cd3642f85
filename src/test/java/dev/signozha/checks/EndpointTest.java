package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tcp://signoz-clickhouse:9000/?username=admin&password=x | signoz-clickhouse | 9000",
            "tcp://admin:secret@ch.platform.svc.cluster.local:9440/db | ch.platform.svc.cluster.local | 9440",
            "clickhouse://ch:9000 | ch | 9000",
            "signoz-clickhouse:9000/?username=$(CLICKHOUSE_USER) | signoz-clickhouse | 9000",
            "tcp://ch | ch | ''"})
    void hostAndPort_dsnForms_yieldHostAndPort(String dsn, String host, String port) {
        String[] parsed = Endpoint.hostAndPort(dsn);
        assertEquals(host, parsed[0]);
        assertEquals(port.isEmpty() ? null : port, parsed[1]);
    }

    @Test
    void fromEnvironment_expandsKubernetesVariableReferences() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CLICKHOUSE_USER", "admin");
        env.put("SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_DSN", "tcp://$(CLICKHOUSE_USER):$(CLICKHOUSE_PASSWORD)@$(H):$(P)");
        env.put("H", "clickhouse-signoz-clickhouse-ha");
        env.put("P", "9000");
        env.put("SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_CLUSTER", "$(CLUSTER)");
        env.put("CLUSTER", "prod");
        Endpoint endpoint = Endpoint.fromEnvironment(env, null);
        assertEquals(new Endpoint("clickhouse-signoz-clickhouse-ha", 9000, "prod"), endpoint);
    }

    @Test
    void fromEnvironment_clusterArgumentWins() {
        Endpoint endpoint = Endpoint.fromEnvironment(Map.of("CLICKHOUSE_HOST", "ch", "CLICKHOUSE_CLUSTER", "a"), "b");
        assertEquals("b", endpoint.cluster());
    }

    @Test
    void fromEnvironment_noClickHouseSettings_isNull() {
        assertNull(Endpoint.fromEnvironment(Map.of("FOO", "bar"), null));
    }

    @Test
    void serviceNameAndNamespace_fromClusterDnsNames() {
        Endpoint fqdn = new Endpoint("ch.other.svc.cluster.local", 9000, null);
        assertEquals("ch", fqdn.serviceName());
        assertEquals("other", fqdn.namespaceOr("platform"));
        assertEquals("platform", new Endpoint("ch", 9000, null).namespaceOr("platform"));
        assertTrue(new Endpoint("10.0.0.7", 9000, null).isAddress());
        assertFalse(fqdn.isAddress());
    }
}
