package dev.signozha.core.topology;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The memory a profile gives ClickHouse and ZooKeeper: read from the profile's own defaults
 * (profiles/NAME.yaml), so what {@code plan} renders and what doctor's RESOURCE_LIMITS expects are one table.
 */
public record Sizing(
        Profile profile,
        KubeQuantity clickhouseRequest,
        KubeQuantity clickhouseLimit,
        KubeQuantity zookeeperRequest,
        KubeQuantity zookeeperLimit) {

    /** The profile's sizes. */
    public static Sizing of(Profile profile) {
        JsonNode defaults = TopologyLoader.profileDefaults(profile);
        JsonNode clickhouse = defaults.path("clickhouse").path("resources");
        JsonNode zookeeper = defaults.path("zookeeper").path("resources");
        return new Sizing(
                profile,
                memory(clickhouse.path("requests")),
                memory(clickhouse.path("limits")),
                memory(zookeeper.path("requests")),
                memory(zookeeper.path("limits")));
    }

    private static KubeQuantity memory(JsonNode resources) {
        return resources.hasNonNull("memory")
                ? KubeQuantity.of(resources.path("memory").asText())
                : null;
    }
}
