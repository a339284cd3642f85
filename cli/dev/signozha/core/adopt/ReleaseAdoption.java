package dev.signozha.core.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.topology.Profile;
import dev.signozha.core.topology.TopologyLoader;
import dev.signozha.core.yaml.CanonicalYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps an installed SigNoz release onto a topology file. Values the chart leaves at its defaults are
 * written with the chart's default, so the topology describes what runs, not what the tool's profile
 * would choose; supplied values with no place in the topology are listed. Secrets are referenced, never
 * copied: a plain password in the values becomes a Secret reference and a note saying how to create it.
 * Pure.
 */
public final class ReleaseAdoption {

    static final String DEFAULT_CLUSTER = "cluster";
    static final String DEFAULT_USER = "admin";
    static final String DEFAULT_STORAGE = "20Gi";
    static final String DEFAULT_ZOOKEEPER_STORAGE = "8Gi";
    static final String PASSWORD_SECRET = "clickhouse-credentials";
    static final String PASSWORD_KEY = "password";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReleaseAdoption() {}

    public static AdoptedTopology adopt(InstalledRelease installed) {
        ValuesReader values = new ValuesReader(installed.suppliedValues());
        List<String> notes = new ArrayList<>();
        ObjectNode spec = NODES.objectNode();
        spec.put("namespace", installed.namespace());
        spec.put("release", installed.release());
        spec.set("chart", chart(installed, values));
        boolean bundled = values.bool("clickhouse.enabled", true);
        spec.set(
                "clickhouse",
                bundled
                        ? BundledClickHouse.map(installed, values, notes)
                        : ExternalClickHouse.map(installed, values, notes));
        if (bundled) {
            spec.set("zookeeper", bundledZookeeper(values, notes));
        }
        spec.set("otelCollector", NODES.objectNode().put("replicas", values.integer("otelCollector.replicaCount", 1)));
        spec.set("signoz", NODES.objectNode().put("replicas", values.integer("signoz.replicaCount", 1)));
        ingress(values).ifPresentOrElse(ingress -> spec.set("ingress", ingress), () -> {});
        ObjectNode topology = NODES.objectNode();
        topology.put("apiVersion", "signoz-ha/v1");
        topology.put("kind", "Topology");
        topology.set("metadata", NODES.objectNode().put("name", installed.release()));
        topology.set("spec", spec);
        List<String> shortfalls = productionShortfalls(CanonicalYaml.yaml(topology));
        if (!shortfalls.isEmpty()) {
            spec.put("profile", Profile.DEV.id());
            notes.add("the release is not highly available by the production profile's rules, so the topology says "
                    + "profile: dev and reproduces it as it runs; to make it HA, set profile: production and: "
                    + String.join("; ", shortfalls));
        }
        return new AdoptedTopology(
                header(installed) + CanonicalYaml.yaml(topology), values.unread(), List.copyOf(notes));
    }

    /** What the production profile's rules say of the topology; none when it meets them. */
    private static List<String> productionShortfalls(String yaml) {
        try {
            TopologyLoader.load("the adopted topology", yaml);
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems().stream()
                    .map(problem -> problem.path() + ": " + problem.message())
                    .toList();
        }
    }

    private static String header(InstalledRelease installed) {
        return "# Adopted by signoz-ha from Helm release " + installed.namespace() + "/" + installed.release()
                + " (chart " + installed.chartVersion() + ").\n"
                + "# No profile: every size below is what runs now. `signoz-ha plan -f` shows what the HA rules change.\n";
    }

    private static ObjectNode chart(InstalledRelease installed, ValuesReader values) {
        if (values.optionalText("global.storageClass").isPresent()) {
            values.note(
                    "global.storageClass",
                    "kept as the ClickHouse and ZooKeeper storage classes, but it is also the class of SigNoz's own "
                            + "volume, which has no topology field: a deploy without it changes that StatefulSet's "
                            + "volume claims, which helm cannot do (keep it with a values template: README \"Templates\")");
        }
        // The renderer sets migrator replication from the replica count, as the HA rules demand.
        values.consume("schemaMigrator.enableReplication");
        values.consume("telemetryStoreMigrator.enableReplication");
        return NODES.objectNode().put("version", installed.chartVersion());
    }

    private static ObjectNode bundledZookeeper(ValuesReader values, List<String> notes) {
        ObjectNode zookeeper = NODES.objectNode();
        zookeeper.put("replicas", values.integer("clickhouse.zookeeper.replicaCount", 1));
        ObjectNode storage = NODES.objectNode()
                .put("size", values.text("clickhouse.zookeeper.persistence.size", DEFAULT_ZOOKEEPER_STORAGE));
        // The chart's templates let a set global.storageClass win over the subchart's own.
        values.optionalText("global.storageClass")
                .or(() -> values.optionalText("clickhouse.zookeeper.persistence.storageClass"))
                .ifPresent(storageClass -> storage.put("storageClass", storageClass));
        zookeeper.set("storage", storage);
        Optional<JsonNode> resources = values.node("clickhouse.zookeeper.resources");
        resources.ifPresent(supplied -> zookeeper.set("resources", supplied));
        if (resources.map(supplied -> !supplied.path("limits").has("memory")).orElse(true)) {
            notes.add("ZooKeeper runs without a memory limit; the topology sets none, so the production profile's "
                    + "applies (an HA rule, in the plan); set spec.zookeeper.resources.limits.memory to choose it");
        }
        values.consume("clickhouse.zookeeper.enabled");
        values.consume("clickhouse.zookeeper.persistence.enabled");
        return zookeeper;
    }

    private static java.util.Optional<ObjectNode> ingress(ValuesReader values) {
        if (!values.bool("signoz.ingress.enabled", false)) {
            values.consume("signoz.ingress.enabled");
            return java.util.Optional.empty();
        }
        ObjectNode ingress = NODES.objectNode().put("enabled", true);
        values.optionalText("signoz.ingress.className").ifPresent(name -> ingress.put("className", name));
        JsonNode hosts = values.node("signoz.ingress.hosts").orElse(NODES.arrayNode());
        if (hosts.size() > 0 && hosts.get(0).hasNonNull("host")) {
            ingress.put("host", hosts.get(0).path("host").asText());
            if (hosts.size() > 1) {
                values.note("signoz.ingress.hosts", "only the first host is kept (" + hosts.size() + " are set)");
            }
        }
        return java.util.Optional.of(ingress);
    }

    /** The keys of {@code node} below {@code prefix}, sorted, as dotted paths. */
    static Set<String> leaves(JsonNode node, String prefix) {
        Set<String> leaves = new TreeSet<>();
        if (node.isObject() && node.size() > 0) {
            node.properties()
                    .forEach(field -> leaves.addAll(leaves(
                            field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey())));
        } else if (!prefix.isEmpty()) {
            leaves.add(prefix);
        }
        return leaves;
    }
}
