package dev.signozha.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.yaml.YamlReader;
import org.junit.jupiter.api.Test;

class ValuesInEffectTest {

    private static JsonNode values(String yaml) {
        return YamlReader.readAll("values", yaml).get(0).root();
    }

    @Test
    void theSubchartsName_isWhatItsFullnameHelperGives() {
        assertEquals(
                "signoz-clickhouse",
                ValuesInEffect.of(values("clickhouse: {fullnameOverride: ''}"), "signoz")
                        .at("/clickhouse/fullnameOverride")
                        .asText());
        assertEquals(
                "my-clickhouse",
                ValuesInEffect.of(values("clickhouse: {fullnameOverride: ''}"), "my-clickhouse")
                        .at("/clickhouse/fullnameOverride")
                        .asText(),
                "a release name containing the chart's is used as it is");
        assertEquals(
                "signoz-ch",
                ValuesInEffect.of(values("clickhouse: {nameOverride: ch}"), "signoz")
                        .at("/clickhouse/fullnameOverride")
                        .asText());
        assertEquals(
                "pinned",
                ValuesInEffect.of(values("clickhouse: {fullnameOverride: pinned}"), "signoz")
                        .at("/clickhouse/fullnameOverride")
                        .asText());
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
