package dev.signozha.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/** One rendered Kubernetes object. */
public record Manifest(String apiVersion, String kind, String namespace, String name, JsonNode body) {

    /** Apply order: what others depend on first. */
    private static final List<String> KIND_ORDER = List.of(
            "Namespace",
            "ConfigMap",
            "Service",
            "PodDisruptionBudget",
            "StatefulSet",
            "Deployment",
            "ClickHouseKeeperInstallation",
            "ClickHouseInstallation");

    /** The manifest of an object as it was rendered (and kept in the state record). */
    public static Manifest of(JsonNode body) {
        JsonNode metadata = body.path("metadata");
        return new Manifest(
                body.path("apiVersion").asText(""),
                body.path("kind").asText(""),
                metadata.path("namespace").asText(""),
                metadata.path("name").asText(""),
                body);
    }

    /** {@code Kind/namespace/name}, how findings and plans name objects. */
    public String id() {
        return kind + "/" + namespace + "/" + name;
    }

    /** File name under manifests/ in render output. */
    public String fileName() {
        return kind.toLowerCase(Locale.ROOT) + "-" + name + ".yaml";
    }

    /** Position in apply order. */
    public int applyRank() {
        int rank = KIND_ORDER.indexOf(kind);
        return rank < 0 ? KIND_ORDER.size() : rank;
    }
}
