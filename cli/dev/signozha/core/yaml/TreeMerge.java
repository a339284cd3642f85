package dev.signozha.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/** Deep merge of Jackson trees: mappings merge key by key, everything else (lists too) is replaced. */
public final class TreeMerge {

    private TreeMerge() {}

    /**
     * Copies into {@code target} every leaf of {@code defaults} that {@code target} lacks, and records
     * the key path of each copied value in {@code filled}.
     */
    public static void fillMissing(ObjectNode target, JsonNode defaults, String path, Set<String> filled) {
        for (Map.Entry<String, JsonNode> field : defaults.properties()) {
            String childPath = TreePath.key(path, field.getKey());
            JsonNode existing = target.get(field.getKey());
            if (existing == null || existing.isNull()) {
                target.set(field.getKey(), field.getValue().deepCopy());
                filled.add(childPath);
            } else if (existing.isObject() && field.getValue().isObject()) {
                fillMissing((ObjectNode) existing, field.getValue(), childPath, filled);
            }
        }
    }

    /** Returns {@code base} with {@code overlay} merged over it (overlay wins); neither input changes. */
    public static JsonNode overlay(JsonNode base, JsonNode overlay) {
        if (!(base instanceof ObjectNode baseObject) || !overlay.isObject()) {
            return overlay.deepCopy();
        }
        ObjectNode merged = baseObject.deepCopy();
        overlay.properties().forEach(field -> {
            JsonNode existing = merged.get(field.getKey());
            merged.set(
                    field.getKey(),
                    existing == null ? field.getValue().deepCopy() : overlay(existing, field.getValue()));
        });
        return merged;
    }
}
