package dev.signozha.core.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.topology.AntiAffinity;
import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.versions.ChartKnowledge;
import java.util.List;
import java.util.Optional;

/** spec.clickhouse of a release whose ClickHouse is the chart's own subchart. Pure. */
final class BundledClickHouse {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BundledClickHouse() {}

    static ObjectNode map(InstalledRelease installed, ValuesReader values, List<String> notes) {
        ObjectNode clickhouse = NODES.objectNode();
        clickhouse.put("mode", "bundled");
        clickhouse.put("host", values.text("clickhouse.fullnameOverride", installed.release() + "-clickhouse"));
        clickhouse.put("cluster", values.text("clickhouse.cluster", ReleaseAdoption.DEFAULT_CLUSTER));
        clickhouse.put("shards", values.integer("clickhouse.layout.shardsCount", 1));
        clickhouse.put("replicas", values.integer("clickhouse.layout.replicasCount", 1));
        image(installed, values).ifPresent(image -> clickhouse.put("image", image));
        podDistribution(values, notes, clickhouse);
        ObjectNode storage = NODES.objectNode()
                .put("size", values.text("clickhouse.persistence.size", ReleaseAdoption.DEFAULT_STORAGE));
        // The chart's templates let a set global.storageClass win over clickhouse.persistence.storageClass.
        values.optionalText("global.storageClass")
                .or(() -> values.optionalText("clickhouse.persistence.storageClass"))
                .ifPresent(storageClass -> storage.put("storageClass", storageClass));
        values.consume("clickhouse.persistence.enabled");
        clickhouse.set("storage", storage);
        clickhouse.set(
                "resources", values.node("clickhouse.resources").orElseGet(BundledClickHouse::chartDefaultResources));
        clickhouse.put("user", values.text("clickhouse.user", ReleaseAdoption.DEFAULT_USER));
        clickhouse.set("passwordSecret", PasswordNotes.bundled(installed, values, notes));
        values.consume("clickhouse.enabled");
        return clickhouse;
    }

    /** The chart's clickhouse.resources: requests only, 100m and 200Mi. */
    private static JsonNode chartDefaultResources() {
        ObjectNode resources = NODES.objectNode();
        resources.putObject("requests").put("cpu", "100m").put("memory", "200Mi");
        return resources;
    }

    /** The image that runs: the supplied one, else what this chart version ships. */
    private static Optional<String> image(InstalledRelease installed, ValuesReader values) {
        Optional<String> tag = values.optionalText("clickhouse.image.tag")
                .or(() -> ChartKnowledge.bundled()
                        .shippedWith(ChartVersion.parse(installed.chartVersion()))
                        .map(ChartKnowledge.Shipped::clickhouse));
        String registry = values.text("clickhouse.image.registry", "docker.io");
        String repository = values.text("clickhouse.image.repository", "clickhouse/clickhouse-server");
        return tag.map(t -> (registry.equals("docker.io") ? "" : registry + "/") + repository + ":" + t);
    }

    private static void podDistribution(ValuesReader values, List<String> notes, ObjectNode clickhouse) {
        JsonNode rules = values.node("clickhouse.podDistribution").orElse(NODES.arrayNode());
        AntiAffinity mode = PodDistribution.apply(rules, clickhouse);
        if (rules.size() > 1 || rules.size() == 1 && mode == AntiAffinity.NONE) {
            values.note(
                    "clickhouse.podDistribution",
                    "only ShardAntiAffinity or ClickHouseAntiAffinity map to "
                            + "spec.clickhouse.antiAffinity; the rules were " + rules);
        }
        if (mode == AntiAffinity.NONE) {
            notes.add("ClickHouse has no pod anti-affinity: replicas of a shard may share a node");
        }
    }
}
