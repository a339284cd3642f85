package dev.signozha.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The values a release of the SigNoz chart runs with ({@code helm get values --all}), with the fallbacks its templates
 * take filled in, so a topology that states them (as adopt writes it) is no change: the clickhouse subchart's name
 * ({@code clickhouse.fullname}: fullnameOverride, else the release name if it contains nameOverride or "clickhouse",
 * else {@code <release>-clickhouse}), and the volumes' storage class, where a set {@code global.storageClass} wins
 * over the ClickHouse and ZooKeeper {@code persistence.storageClass} ({@code default .Values.persistence.storageClass
 * .Values.global.storageClass}, bitnami's {@code common.storage.class}). Pure.
 */
public final class ValuesInEffect {

    private static final String SUBCHART = "clickhouse";

    private ValuesInEffect() {}

    public static JsonNode of(JsonNode computed, String release) {
        if (!(computed instanceof ObjectNode) || !(computed.get(SUBCHART) instanceof ObjectNode)) {
            return computed;
        }
        ObjectNode values = computed.deepCopy();
        ObjectNode clickhouse = (ObjectNode) values.get(SUBCHART);
        if (clickhouse.path("fullnameOverride").asText("").isEmpty()) {
            String name = clickhouse.path("nameOverride").asText("").isEmpty()
                    ? SUBCHART
                    : clickhouse.path("nameOverride").asText();
            clickhouse.put("fullnameOverride", release.contains(name) ? release : release + "-" + name);
        }
        String global = values.path("global").path("storageClass").asText("");
        if (!global.isEmpty()) {
            storageClass(clickhouse, global);
            if (clickhouse.get("zookeeper") instanceof ObjectNode zookeeper) {
                storageClass(zookeeper, global);
            }
        }
        return values;
    }

    private static void storageClass(ObjectNode chart, String storageClass) {
        if (chart.get("persistence") instanceof ObjectNode persistence) {
            persistence.put("storageClass", storageClass);
        }
    }
}
