package dev.signozha.core.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads supplied Helm values by dotted path and remembers what it read, so every supplied value that was not
 * mapped can be listed. A value read as a whole map counts for everything below it.
 */
final class ValuesReader {

    private final JsonNode values;
    private final List<String> consumed = new ArrayList<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    ValuesReader(JsonNode values) {
        this.values = values == null ? JsonNodeFactory.instance.objectNode() : values;
    }

    Optional<JsonNode> node(String path) {
        consume(path);
        JsonNode node = values;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.deepCopy());
    }

    Optional<String> optionalText(String path) {
        return node(path).filter(JsonNode::isValueNode).map(JsonNode::asText).filter(text -> !text.isEmpty());
    }

    String text(String path, String chartDefault) {
        return optionalText(path).orElse(chartDefault);
    }

    int integer(String path, int chartDefault) {
        return node(path).filter(JsonNode::canConvertToInt).map(JsonNode::asInt).orElse(chartDefault);
    }

    boolean bool(String path, boolean chartDefault) {
        return node(path).filter(JsonNode::isBoolean).map(JsonNode::asBoolean).orElse(chartDefault);
    }

    /** Marks a path as accounted for without mapping it (a value the topology implies). */
    void consume(String path) {
        consumed.add(path);
    }

    /** A supplied value that was read but only partly kept: listed with why. */
    void note(String path, String why) {
        notes.put(path, why);
    }

    /** Every supplied leaf nobody read, and every note, as {@code key.path: why}. */
    List<String> unread() {
        List<String> unread = new ArrayList<>();
        for (String leaf : ReleaseAdoption.leaves(values, "")) {
            if (consumed.stream().noneMatch(path -> leaf.equals(path) || leaf.startsWith(path + "."))) {
                unread.add(leaf + ": no topology field; signoz-ha's render does not set it, so a deploy would drop it "
                        + "(keep it with a values template: README \"Templates\")");
            }
        }
        notes.forEach((path, why) -> unread.add(path + ": " + why));
        return List.copyOf(unread);
    }

    /** The values as read, for a mapping that needs the raw tree. */
    ObjectNode raw() {
        return values.isObject() ? (ObjectNode) values : JsonNodeFactory.instance.objectNode();
    }
}
