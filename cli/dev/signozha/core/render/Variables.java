package dev.signozha.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The values templates may use, as a tree addressed by dotted names such as clickhouse.host. */
public final class Variables {

    private final ObjectNode root;

    public Variables(ObjectNode root) {
        this.root = root;
    }

    /** The value of a dotted name; a JSON null for a known but unset value, Java null for an unknown name. */
    public JsonNode get(String dottedName) {
        JsonNode node = root;
        for (String part : dottedName.split("\\.")) {
            if (!node.isObject() || !node.has(part)) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }

    /** Every dotted name, for suggestions. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        collect(root, "", names);
        return names;
    }

    private static void collect(JsonNode node, String prefix, List<String> names) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            names.add(name);
            if (field.getValue().isObject()) {
                collect(field.getValue(), name, names);
            }
        }
    }
}
