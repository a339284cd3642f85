package dev.signozha.core.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.topology.AntiAffinity;

/** Altinity podDistribution rules as the topology's antiAffinity (and topologyKey). Pure. */
final class PodDistribution {

    private PodDistribution() {}

    /** The first rule the topology can express sets antiAffinity and its topologyKey on {@code clickhouse}. */
    static AntiAffinity apply(JsonNode rules, ObjectNode clickhouse) {
        for (JsonNode rule : rules) {
            for (AntiAffinity mode : AntiAffinity.values()) {
                if (rule.path("type").asText().equals(mode.podDistributionType())) {
                    if (rule.hasNonNull("topologyKey")) {
                        clickhouse.put("topologyKey", rule.path("topologyKey").asText());
                    }
                    clickhouse.put("antiAffinity", mode.id());
                    return mode;
                }
            }
        }
        clickhouse.put("antiAffinity", AntiAffinity.NONE.id());
        return AntiAffinity.NONE;
    }
}
