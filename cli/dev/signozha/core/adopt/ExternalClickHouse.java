package dev.signozha.core.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.render.RenderVariables;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.topology.ClickHouseMode;
import java.util.List;
import java.util.Optional;

/**
 * spec.clickhouse of a release pointed at externalClickhouse.host: the layout comes from the
 * ClickHouseInstallation that serves that host, since the chart's values say nothing of it. An installation made by
 * someone else is adopted in existing mode, which the tool never renders or changes. Pure.
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
                chi -> {
                    if (madeElsewhere(chi, installed.release())) {
                        existing(chi, cluster, clickhouse, notes);
                    } else {
                        layout(chi, cluster, clickhouse, notes);
                    }
                },
                () -> notes.add("no "
                        + "ClickHouseInstallation in namespace " + installed.namespace() + " serves host " + host
                        + ": signoz-ha "
                        + "owns its ClickHouse in external mode, so a deploy would create a new, empty one; do not deploy this "
                        + "topology until the host is one the tool may own"));
        values.optionalText("externalClickhouse.user").ifPresent(user -> clickhouse.put("user", user));
        clickhouse.set("passwordSecret", PasswordNotes.external(installed, values, notes));
        values.consume("externalClickhouse.existingSecretPasswordKey");
        port(values, "externalClickhouse.httpPort", RenderVariables.CLICKHOUSE_HTTP_PORT);
        port(values, "externalClickhouse.tcpPort", RenderVariables.CLICKHOUSE_TCP_PORT);
        return clickhouse;
    }

    /** The render sets each port to its default: another one is listed, never dropped. */
    private static void port(ValuesReader values, String path, int rendered) {
        int port = values.integer(path, rendered);
        if (port != rendered) {
            values.note(
                    path,
                    port + " is not the " + rendered + " signoz-ha renders: a deploy would point every component at "
                            + rendered + " (keep it with a values template: README \"Templates\")");
        }
    }

    /** The installation named after the host (as signoz-ha names its own), or whose service template generates it. */
    static Optional<JsonNode> serving(String host, List<JsonNode> installations) {
        return installations.stream()
                .filter(chi -> chi.path("metadata").path("name").asText().equals(host)
                        || serviceNames(chi).contains(host))
                .findFirst();
    }

    /**
     * Made neither by signoz-ha nor by the SigNoz release itself (another Helm release, such as SigNoz's own
     * clickhouse chart, or a person): the tool must leave it, its volumes and its ZooKeeper as they are.
     */
    static boolean madeElsewhere(JsonNode chi, String release) {
        JsonNode labels = chi.path("metadata").path("labels");
        boolean signozHa = labels.path(ResourceNames.MANAGED_BY_LABEL).asText().equals(ResourceNames.MANAGED_BY_VALUE)
                || labels.has(ResourceNames.TOPOLOGY_LABEL);
        boolean theRelease = labels.path("app.kubernetes.io/instance").asText().equals(release);
        return !signozHa && !theRelease;
    }

    /** The layout as it runs, in existing mode: only what checks and the migration's flags need. */
    private static void existing(JsonNode chi, String cluster, ObjectNode clickhouse, List<String> notes) {
        clickhouse.put("mode", ClickHouseMode.EXISTING.id());
        String name = chi.path("metadata").path("name").asText();
        JsonNode layout = clusterOf(chi, cluster, notes).path("layout");
        clickhouse.put("shards", layout.path("shardsCount").asInt(1));
        clickhouse.put("replicas", layout.path("replicasCount").asInt(1));
        JsonNode owner = chi.path("metadata").path("labels").path("app.kubernetes.io/instance");
        notes.add("installation " + name + " was made by "
                + (owner.isTextual() ? "release " + owner.asText() : "another owner")
                + ", not by this release or signoz-ha: mode existing, so signoz-ha points SigNoz at host "
                + clickhouse.path("host").asText() + " and never changes that installation, its volumes or its "
                + "ZooKeeper");
    }

    private static JsonNode clusterOf(JsonNode chi, String cluster, List<String> notes) {
        JsonNode chiCluster =
                chi.path("spec").path("configuration").path("clusters").path(0);
        if (!chiCluster.path("name").asText(cluster).equals(cluster)) {
            notes.add("externalClickhouse.cluster is " + cluster + " but installation "
                    + chi.path("metadata").path("name").asText() + " defines cluster "
                    + chiCluster.path("name").asText() + " (doctor: CLICKHOUSE_TOPOLOGY_MISMATCH)");
        }
        return chiCluster;
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
        JsonNode chiCluster = clusterOf(chi, cluster, notes);
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
