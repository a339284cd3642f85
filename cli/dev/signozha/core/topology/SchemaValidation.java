package dev.signozha.core.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.signozha.core.InputProblem;
import dev.signozha.core.Secrets;
import dev.signozha.core.Suggestions;
import dev.signozha.core.yaml.SourcedTree;
import dev.signozha.core.yaml.TreePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Checks a parsed document against the topology JSON Schema and words each violation for a person:
 * located, naming the key path, suggesting the key or value that was probably meant, never echoing secrets.
 */
final class SchemaValidation {

    private static final int MAX_SHOWN_VALUE = 40;

    private final JsonNode schemaRoot;
    private final SourcedTree tree;

    private SchemaValidation(JsonNode schemaRoot, SourcedTree tree) {
        this.schemaRoot = schemaRoot;
        this.tree = tree;
    }

    /** The bundled schema, read and compiled once: compiling it is most of a first validation's cost. */
    private static final class Bundled {
        static final JsonNode ROOT = TopologySchema.bundled();
        static final JsonSchema SCHEMA = compile(ROOT);

        private static JsonSchema compile(JsonNode root) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(root);
            schema.initializeValidators();
            return schema;
        }
    }

    /** Reads and compiles the bundled schema now, so that the first validation does not wait for it. */
    static void prepare() {
        Bundled.SCHEMA.getSchemaNode();
    }

    /** Every structural problem of the document against the bundled schema, each once, in file order. */
    static List<InputProblem> problems(SourcedTree tree) {
        SchemaValidation wording = new SchemaValidation(Bundled.ROOT, tree);
        Set<ValidationMessage> messages = Bundled.SCHEMA.validate(tree.root());
        Map<String, Integer> bestRank = new HashMap<>();
        messages.forEach(m -> bestRank.merge(pathOf(m.getInstanceLocation()), rank(m), Math::min));
        Map<String, InputProblem> byPath = new LinkedHashMap<>();
        for (ValidationMessage message : messages) {
            if (rank(message) == bestRank.get(pathOf(message.getInstanceLocation()))) {
                InputProblem problem = wording.describe(message);
                byPath.putIfAbsent(problem.path() + "\n" + problem.message(), problem);
            }
        }
        List<InputProblem> problems = new ArrayList<>(byPath.values());
        problems.sort(null);
        return problems;
    }

    /**
     * One message per value: the list of allowed values says most, then the expected type; the
     * finer complaints (pattern, length, range) only matter once the type is right.
     */
    private static int rank(ValidationMessage message) {
        return switch (message.getType()) {
            case "enum", "const" -> 0;
            case "type" -> 1;
            default -> 2;
        };
    }

    private InputProblem describe(ValidationMessage message) {
        String path = pathOf(message.getInstanceLocation());
        JsonNode keywordOwner = schemaAt(message.getSchemaLocation().getFragment(), 1);
        JsonNode value = message.getInstanceNode();
        return switch (message.getType()) {
            case "additionalProperties" -> unknownKey(path, message.getProperty(), keywordOwner);
            case "required" -> tree.problem(TreePath.key(path, message.getProperty()), "missing required key");
            case "type" ->
                tree.problem(path, "expected " + expected(keywordOwner) + ", got " + shownWithType(path, value));
            case "const" ->
                tree.problem(path, "must be '" + keywordOwner.path("const").asText() + "', got " + shown(path, value));
            case "enum" -> tree.problem(path, badChoice(path, value, keywordOwner));
            case "pattern" -> tree.problem(path, shown(path, value) + " is not a valid " + formatName(keywordOwner));
            case "maxLength" ->
                tree.problem(
                        path, "is longer than " + keywordOwner.path("maxLength").asInt() + " characters");
            case "minimum", "maximum" -> tree.problem(path, outOfRange(message.getType(), path, value, keywordOwner));
            default -> tree.problem(path, stripPath(message.getMessage()));
        };
    }

    private InputProblem unknownKey(String parentPath, String key, JsonNode owner) {
        String path = TreePath.key(parentPath, key);
        if (Secrets.isSensitiveName(key)) {
            return tree.problem(
                    path,
                    "inline secrets are refused: keep the password in a Secret and reference it "
                            + "with passwordSecret: {name, key}");
        }
        List<String> known = fieldNames(owner.path("properties"));
        String hint = Suggestions.closest(key, known)
                .map(s -> ", did you mean '" + s + "'?")
                .orElse(known.isEmpty() ? "" : " (known keys: " + String.join(", ", known) + ")");
        return tree.problem(path, "unknown key" + hint);
    }

    private static String outOfRange(String keyword, String path, JsonNode value, JsonNode owner) {
        String bound = (keyword.equals("minimum") ? "at least " : "at most ")
                + owner.path(keyword).asText();
        String of = owner.has("title") ? " for a " + owner.path("title").asText() : "";
        return "must be " + bound + of + ", got " + shown(path, value);
    }

    private String badChoice(String path, JsonNode value, JsonNode owner) {
        List<String> choices = StreamSupport.stream(owner.path("enum").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
        String hint = value.isTextual()
                ? Suggestions.closest(value.asText(), choices)
                        .map(s -> ", did you mean '" + s + "'?")
                        .orElse("")
                : "";
        return "must be one of " + String.join(", ", choices) + "; got " + shown(path, value) + hint;
    }

    private static String expected(JsonNode owner) {
        JsonNode type = owner.path("type");
        if (type.isArray()) {
            return "a " + formatName(owner) + " such as 500m, 4 or 16Gi";
        }
        return switch (type.asText()) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            default -> "text";
        };
    }

    private static String formatName(JsonNode owner) {
        String title = owner.path("title").asText("value");
        return Format.byTitle(title).map(f -> title + " (" + f.rule() + ")").orElse(title);
    }

    /** For a type mismatch, quotes alone would make "2" read like the number it is not. */
    private static String shownWithType(String path, JsonNode value) {
        String shown = shown(path, value);
        return value != null && value.isTextual() && shown.startsWith("'")
                ? "the string \"" + shown.substring(1, shown.length() - 1) + "\""
                : shown;
    }

    private static String shown(String path, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (Secrets.isSensitiveName(path)) {
            return "<redacted>";
        }
        String text = value.asText();
        String escaped = text.length() > MAX_SHOWN_VALUE ? text.substring(0, MAX_SHOWN_VALUE) + "…" : text;
        escaped = escaped.codePoints()
                .mapToObj(
                        c -> Character.isISOControl(c) ? String.format("\\u%04x", c) : new String(Character.toChars(c)))
                .reduce("", String::concat);
        return value.isTextual() ? "'" + escaped + "'" : escaped;
    }

    private JsonNode schemaAt(JsonNodePath fragment, int dropLast) {
        JsonNode node = schemaRoot;
        for (int i = 0; i < fragment.getNameCount() - dropLast; i++) {
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.path(index) : node.path(element.toString());
        }
        return node;
    }

    private static String pathOf(JsonNodePath location) {
        String path = "";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index
                    ? TreePath.index(path, index)
                    : TreePath.key(path, element.toString());
        }
        return path;
    }

    private static List<String> fieldNames(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String stripPath(String message) {
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(colon + 2);
    }
}
