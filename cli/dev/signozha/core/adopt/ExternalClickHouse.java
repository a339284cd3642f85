package dev.signozha.core.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * spec.clickhouse of a release pointed at externalClickhouse.host: the layout comes from the
 * ClickHouseInstallation that serves that host, since the chart's values say nothing of it. Pure.
 */
final class ExternalClickHouse {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExternalClickHouse() {}

    static ObjectNode map(InstalledRelease installed, ValuesReader values, List<String> notes) {
        values.consume("clickhouse.enabled");
        String host = values.text("externalClickhouse.host", "");
        ObjectNode clickhouse = NODES.objectNode();
        clickhouse.put("mode", "external");
        clickhouse.put("host", host);
        String cluster = values.text("externalClickhouse.cluster", ReleaseAdoption.DEFAULT_CLUSTER);
        clickhouse.put("cluster", cluster);
        Optional<JsonNode> installation = serving(host, installed.installations());
        installation.ifPresentOrElse(
                chi -> layout(chi, cluster, clickhouse, notes),
                () -> notes.add("no "
                        + "ClickHouseInstallation in namespace " + installed.namespace() + " serves host " + host
                        + ": signoz-ha "
                        + "owns its ClickHouse in external mode, so a deploy would create a new, empty one; do not deploy this "
                        + "topology until the host is one the tool may own"));
        values.optionalText("externalClickhouse.user").ifPresent(user -> clickhouse.put("user", user));
        clickhouse.set("passwordSecret", PasswordNotes.external(installed, values, notes));
        values.consume("externalClickhouse.existingSecretPasswordKey");
        values.consume("externalClickhouse.httpPort");
        values.consume("externalClickhouse.tcpPort");
        return clickhouse;
    }

    /** The installation named after the host (as signoz-ha names its own), or whose service template generates it. */
    static Optional<JsonNode> serving(String host, List<JsonNode> installations) {
        return installations.stream()
                .filter(chi -> chi.path("metadata").path("name").asText().equals(host)
                        || serviceNames(chi).contains(host))
                .findFirst();
    }

    private static List<String> serviceNames(JsonNode chi) {
        String name = chi.path("metadata").path("name").asText();
        List<String> names = new java.util.ArrayList<>();
        chi.path("spec")
                .path("templates")
                .path("serviceTemplates")
                .forEach(template ->
                        names.add(template.path("generateName").asText().replace("{chi}", name)));
        return names;
    }

    private static void layout(JsonNode chi, String cluster, ObjectNode clickhouse, List<String> notes) {
        String name = chi.path("metadata").path("name").asText();
        if (!name.equals(clickhouse.path("host").asText())) {
            notes.add("ClickHouseInstallation " + name + " serves host "
                    + clickhouse.path("host").asText() + " but "
                    + "signoz-ha names its installation after the host, so a deploy would create a second one beside it "
                    + "(refused as DUPLICATE_CLICKHOUSE)");
        }
        JsonNode chiCluster =
                chi.path("spec").path("configuration").path("clusters").path(0);
        if (!chiCluster.path("name").asText(cluster).equals(cluster)) {
            notes.add("externalClickhouse.cluster is " + cluster + " but installation " + name + " defines cluster "
                    + chiCluster.path("name").asText() + " (doctor: CLICKHOUSE_TOPOLOGY_MISMATCH)");
        }
        clickhouse.put("shards", chiCluster.path("layout").path("shardsCount").asInt(1));
        clickhouse.put(
                "replicas", chiCluster.path("layout").path("replicasCount").asInt(1));
        JsonNode podTemplate =
                chi.path("spec").path("templates").path("podTemplates").path(0);
        JsonNode container = podTemplate.path("spec").path("containers").path(0);
        if (container.hasNonNull("image")) {
            clickhouse.put("image", container.path("image").asText());
        }
        PodDistribution.apply(podTemplate.path("podDistribution"), clickhouse);
        JsonNode claim = chi.path("spec")
                .path("templates")
                .path("volumeClaimTemplates")
                .path(0)
                .path("spec");
        ObjectNode storage = NODES.objectNode()
                .put(
                        "size",
                        claim.path("resources")
                                .path("requests")
                                .path("storage")
                                .asText(ReleaseAdoption.DEFAULT_STORAGE));
        if (claim.hasNonNull("storageClassName")) {
            storage.put("storageClass", claim.path("storageClassName").asText());
        }
        clickhouse.set("storage", storage);
        if (container.has("resources")) {
            clickhouse.set("resources", container.path("resources").deepCopy());
        }
        String zookeeper = chi.path("spec")
                .path("configuration")
                .path("zookeeper")
                .path("nodes")
                .toString();
        notes.add("installation " + name + " uses ZooKeeper " + zookeeper + "; in external mode signoz-ha runs its own "
                + "ensemble, and pointing ClickHouse at a new, empty ZooKeeper loses the replication metadata: check "
                + "the plan's zookeeper change before any deploy");
    }
}
