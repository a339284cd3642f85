package dev.signozha.core.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.topology.ClickHouseMode;
import dev.signozha.core.topology.KubeQuantity;
import dev.signozha.core.topology.Topology;
import dev.signozha.core.topology.Topology.ClickHouse;
import dev.signozha.core.topology.Topology.Spec;
import dev.signozha.core.topology.Topology.ZooKeeper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Computes everything templates may refer to from a loaded topology. Pure. */
public final class RenderVariables {

    public static final int CLICKHOUSE_HTTP_PORT = 8123;
    public static final int CLICKHOUSE_TCP_PORT = 9000;
    static final int ZOOKEEPER_CLIENT_PORT = 2181;
    static final int SIGNOZ_HTTP_PORT = 8080;
    private static final long MIN_ZOOKEEPER_HEAP_MB = 256;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RenderVariables() {}

    /** The variables for a topology. */
    public static Variables of(Topology topology) {
        Spec spec = topology.spec();
        ResourceNames names = new ResourceNames(spec);
        ObjectNode root = NODES.objectNode();
        root.put("topology", topology.metadata().name());
        root.put("namespace", spec.namespace());
        root.put("release", spec.release());
        root.set("clickhouse", clickhouse(spec, names));
        root.set("zookeeper", zookeeper(spec, names));
        root.set(
                "otelCollector",
                NODES.objectNode().put("replicas", spec.otelCollector().replicas()));
        root.set("signoz", NODES.objectNode().put("replicas", spec.signoz().replicas()));
        root.set("ingress", ingress(spec.ingress()));
        return new Variables(root);
    }

    private static ObjectNode clickhouse(Spec spec, ResourceNames names) {
        ClickHouse clickhouse = spec.clickhouse();
        ImageReference image = ImageReference.parse(clickhouse.image());
        ObjectNode node = NODES.objectNode();
        node.put("host", clickhouse.host());
        node.put("installation", names.installation());
        node.put("cluster", clickhouse.cluster());
        node.put("shards", clickhouse.shards());
        node.put("replicas", clickhouse.replicas());
        node.put("replicated", clickhouse.replicas() > 1);
        // External mode: signoz-ha runs the migration itself once ClickHouse has converged (DeployPhases).
        node.put("chartMigrates", clickhouse.mode() != ClickHouseMode.EXTERNAL);
        node.put("httpPort", CLICKHOUSE_HTTP_PORT);
        node.put("tcpPort", CLICKHOUSE_TCP_PORT);
        node.set("image", MAPPER.valueToTree(image).deepCopy());
        ((ObjectNode) node.get("image")).put("reference", clickhouse.image());
        node.set("podDistribution", podDistribution(clickhouse));
        node.put("topologyKey", clickhouse.topologyKey());
        node.set("storage", MAPPER.valueToTree(clickhouse.storage()));
        putResources(node, clickhouse.resources());
        node.put("user", clickhouse.user());
        node.set("passwordSecret", MAPPER.valueToTree(clickhouse.passwordSecret()));
        node.put(
                "passwordSecretAddress",
                spec.namespace() + "/" + clickhouse.passwordSecret().name() + "/"
                        + clickhouse.passwordSecret().key());
        return node;
    }

    private static ArrayNode podDistribution(ClickHouse clickhouse) {
        ArrayNode list = NODES.arrayNode();
        String type = clickhouse.antiAffinity().podDistributionType();
        if (type != null) {
            list.addObject().put("type", type).put("topologyKey", clickhouse.topologyKey());
        }
        return list;
    }

    private static ObjectNode zookeeper(Spec spec, ResourceNames names) {
        ZooKeeper zookeeper = spec.zookeeper();
        ObjectNode node = NODES.objectNode();
        node.put("name", names.zookeeper());
        node.put("headless", names.zookeeperHeadless());
        node.put("replicas", zookeeper.replicas());
        node.put("image", zookeeper.image());
        node.put("clientPort", ZOOKEEPER_CLIENT_PORT);
        node.set("storage", MAPPER.valueToTree(zookeeper.storage()));
        putResources(node, zookeeper.resources());
        node.put("heapMegabytes", String.valueOf(heapMegabytes(zookeeper)));
        node.put("keeper", names.keeper());
        List<String> servers = new ArrayList<>();
        ArrayNode nodes = NODES.arrayNode();
        for (int i = 0; i < zookeeper.replicas(); i++) {
            String host =
                    names.zookeeper() + "-" + i + "." + names.zookeeperHeadless() + "." + spec.namespace() + ".svc";
            servers.add(host + ":2888:3888::" + (i + 1));
            nodes.addObject().put("host", host).put("port", ZOOKEEPER_CLIENT_PORT);
        }
        node.put("servers", String.join(" ", servers));
        node.set("nodes", zookeeper.isKeeper() ? keeperNodes(names) : nodes);
        return node;
    }

    /** The one client Service of a Keeper installation, which routes to its ready servers. */
    private static ArrayNode keeperNodes(ResourceNames names) {
        ArrayNode nodes = NODES.arrayNode();
        nodes.addObject().put("host", names.keeperService()).put("port", ZOOKEEPER_CLIENT_PORT);
        return nodes;
    }

    /** Half the memory limit (or request), so the JVM heap plus off-heap stays inside the container. */
    private static long heapMegabytes(ZooKeeper zookeeper) {
        KubeQuantity memory = zookeeper.resources().limits() != null
                        && zookeeper.resources().limits().memory() != null
                ? zookeeper.resources().limits().memory()
                : zookeeper.resources().requests() == null
                        ? null
                        : zookeeper.resources().requests().memory();
        if (memory == null) {
            return MIN_ZOOKEEPER_HEAP_MB;
        }
        long half = memory.amount()
                .divide(BigDecimal.valueOf(2L * 1024 * 1024), 0, RoundingMode.DOWN)
                .longValue();
        return Math.max(MIN_ZOOKEEPER_HEAP_MB, half);
    }

    private static ObjectNode ingress(Topology.Ingress ingress) {
        ObjectNode node = NODES.objectNode();
        boolean enabled = Boolean.TRUE.equals(ingress.enabled());
        node.put("enabled", enabled);
        node.put("className", ingress.className());
        if (enabled) {
            ArrayNode hosts = node.putArray("hosts");
            ObjectNode host = hosts.addObject().put("host", ingress.host());
            host.putArray("paths")
                    .addObject()
                    .put("path", "/")
                    .put("pathType", "ImplementationSpecific")
                    .put("port", SIGNOZ_HTTP_PORT);
        } else {
            node.putNull("hosts");
        }
        return node;
    }

    /**
     * Resources twice: {@code resources} with unset amounts left out, to insert whole into a container,
     * and {@code requests}/{@code limits} with every amount present (null when unset), to pick one by one.
     */
    private static void putResources(ObjectNode node, Topology.Resources resources) {
        ObjectNode whole = MAPPER.valueToTree(resources);
        pruneNulls(whole);
        node.set("resources", whole);
        node.set(
                "requests",
                MAPPER.valueToTree(
                        resources.requests() == null ? new Topology.ResourceList(null, null) : resources.requests()));
        node.set(
                "limits",
                MAPPER.valueToTree(
                        resources.limits() == null ? new Topology.ResourceList(null, null) : resources.limits()));
    }

    private static void pruneNulls(ObjectNode node) {
        node.properties().forEach(field -> {
            if (field.getValue().isObject()) {
                pruneNulls((ObjectNode) field.getValue());
            }
        });
        node.properties()
                .removeIf(field -> field.getValue().isNull()
                        || field.getValue().isObject() && field.getValue().isEmpty());
    }
}
