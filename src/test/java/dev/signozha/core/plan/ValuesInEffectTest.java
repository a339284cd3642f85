package dev.signozha.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.yaml.YamlReader;
import org.junit.jupiter.api.Test;

class ValuesInEffectTest {

    private static JsonNode values(String yaml) {
        return YamlReader.readAll("values", yaml).get(0).root();
    }

    /** The name the clickhouse subchart gives its installation, for the release's computed values. */
    private static String fullname(String yaml, String release) {
        return ValuesInEffect.of(values(yaml), release)
                .at("/clickhouse/fullnameOverride")
                .asText();
    }

    @Test
    void theSubchartsName_isWhatItsFullnameHelperGives() {
        assertEquals("signoz-clickhouse", fullname("clickhouse: {fullnameOverride: ''}", "signoz"));
        assertEquals(
                "my-clickhouse",
                fullname("clickhouse: {fullnameOverride: ''}", "my-clickhouse"),
                "a release name containing the chart's is used as it is");
        assertEquals("signoz-ch", fullname("clickhouse: {nameOverride: ch}", "signoz"));
        assertEquals("pinned", fullname("clickhouse: {fullnameOverride: pinned}", "signoz"));
    }

    @Test
    void aSetGlobalStorageClass_winsOverClickHouseAndZooKeepersOwn() {
        JsonNode effect = ValuesInEffect.of(
                values("global: {storageClass: gp3}\nclickhouse: {persistence: {storageClass: standard}, "
                        + "zookeeper: {persistence: {size: 8Gi}}}"),
                "signoz");
        assertEquals("gp3", effect.at("/clickhouse/persistence/storageClass").asText());
        assertEquals(
                "gp3",
                effect.at("/clickhouse/zookeeper/persistence/storageClass").asText());
        assertEquals(
                "standard",
                ValuesInEffect.of(values("clickhouse: {persistence: {storageClass: standard}}"), "signoz")
                        .at("/clickhouse/persistence/storageClass")
                        .asText());
    }

    @Test
    void externalMode_withoutTheSubchartsValues_isLeftAsItIs() {
        JsonNode external = values("externalClickhouse: {host: ch}");
        assertEquals(external, ValuesInEffect.of(external, "signoz"));
    }
}
