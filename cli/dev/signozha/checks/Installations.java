package dev.signozha.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.Optional;

/** Reads the fields of a ClickHouseInstallation the checks need. */
public final class Installations {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Installations() {}

    public static JsonNode spec(GenericKubernetesResource installation) {
        return MAPPER.valueToTree(installation.getAdditionalProperties()).path("spec");
    }

    public static JsonNode status(GenericKubernetesResource installation) {
        return MAPPER.valueToTree(installation.getAdditionalProperties()).path("status");
    }

    private static JsonNode firstCluster(GenericKubernetesResource installation) {
        return spec(installation).path("configuration").path("clusters").path(0);
    }

    public static String clusterName(GenericKubernetesResource installation) {
        return firstCluster(installation).path("name").asText("cluster");
    }

    public static int shards(GenericKubernetesResource installation) {
        JsonNode layout = firstCluster(installation).path("layout");
        return layout.has("shards")
                ? layout.path("shards").size()
                : layout.path("shardsCount").asInt(1);
    }

    public static int replicas(GenericKubernetesResource installation) {
        JsonNode layout = firstCluster(installation).path("layout");
        if (layout.has("shards") && layout.path("shards").path(0).has("replicas")) {
            return layout.path("shards").path(0).path("replicas").size();
        }
        return layout.path("replicasCount").asInt(1);
    }

    /** The Service the installation's clients connect to: the default service template's generateName, or clickhouse-NAME. */
    public static String serviceName(GenericKubernetesResource installation) {
        JsonNode spec = spec(installation);
        String template =
                spec.path("defaults").path("templates").path("serviceTemplate").asText("");
        for (JsonNode candidate : spec.path("templates").path("serviceTemplates")) {
            if (candidate.path("name").asText().equals(template) && candidate.hasNonNull("generateName")) {
                return candidate
                        .path("generateName")
                        .asText()
                        .replace("{chi}", installation.getMetadata().getName());
            }
        }
        return "clickhouse-" + installation.getMetadata().getName();
    }

    /** The user whose password comes from a Secret (admin/k8s_secret_password: ns/name/key). */
    public static Optional<String> secretUser(GenericKubernetesResource installation) {
        return secretSetting(installation).map(entry -> entry.getKey().split("/")[0]);
    }

    /** That Secret's address, namespace/name/key (the operator's own two-part form gets the installation's namespace). */
    public static Optional<String> secretAddress(GenericKubernetesResource installation) {
        return secretSetting(installation).map(entry -> {
            String address = entry.getValue().asText();
            return address.split("/").length == 2 ? installation.getMetadata().getNamespace() + "/" + address : address;
        });
    }

    private static Optional<Map.Entry<String, JsonNode>> secretSetting(GenericKubernetesResource installation) {
        for (Map.Entry<String, JsonNode> field : users(installation).properties()) {
            if (field.getKey().endsWith("/k8s_secret_password")) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** The user settings map (user/setting → value). */
    public static JsonNode users(GenericKubernetesResource installation) {
        return spec(installation).path("configuration").path("users");
    }
}
