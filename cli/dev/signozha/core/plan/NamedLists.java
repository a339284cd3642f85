package dev.signozha.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lists whose items Kubernetes and clickhouse-operator identify by a key rather than by position, so
 * a reorder is not a change. The key is {@code name} (or {@code metadata.name}, as in a StatefulSet's
 * volumeClaimTemplates), except volumeMounts: the same volume may be mounted twice under one name,
 * and Kubernetes merges mounts by {@code mountPath}.
 */
final class NamedLists {

    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("containers", "name"),
            Map.entry("initContainers", "name"),
            Map.entry("env", "name"),
            Map.entry("ports", "name"),
            Map.entry("volumes", "name"),
            Map.entry("volumeMounts", "mountPath"),
            Map.entry("volumeClaimTemplates", "name"),
            Map.entry("podTemplates", "name"),
            Map.entry("serviceTemplates", "name"),
            Map.entry("clusters", "name"));

    /**
     * Lists admission webhooks add to (sidecars, their volumes and env): a live item the tool does not
     * render is someone else's, as under server-side apply, and is not shown as a removal.
     */
    private static final Set<String> SHARED = Set.of("containers", "initContainers", "env", "volumes", "volumeMounts");

    private NamedLists() {}

    /** The identity key of a list field, when its items are matched by key. */
    static Optional<String> key(String field) {
        return Optional.ofNullable(KEYS.get(field));
    }

    /** Whether live items missing from the desired list belong to others and are left out of the diff. */
    static boolean isShared(String field) {
        return SHARED.contains(field);
    }

    /** The item's identity: {@code key}, or {@code metadata.name} when the key is name; empty if it has none. */
    static Optional<String> identity(JsonNode item, String key) {
        JsonNode value = item.path(key);
        if (value.isMissingNode() && key.equals("name")) {
            value = item.path("metadata").path("name");
        }
        return value.isValueNode() && !value.isNull() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** Whether every item of a list has an identity and no two share one, so matching by key is sound. */
    static boolean identifiable(JsonNode list, String key) {
        Set<String> seen = new HashSet<>();
        for (JsonNode item : list) {
            Optional<String> id = identity(item, key);
            if (id.isEmpty() || !seen.add(id.get())) {
                return false;
            }
        }
        return true;
    }

    /** The path of an item: {@code containers[name=zookeeper]}. */
    static String itemPath(String listPath, String key, String identity) {
        return listPath + "[" + key + "=" + identity + "]";
    }
}
