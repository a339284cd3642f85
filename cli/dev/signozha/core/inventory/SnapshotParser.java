package dev.signozha.core.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.signozha.core.InputProblem;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.text.Messages;
import dev.signozha.core.yaml.TreePath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a snapshot: what {@code kubectl get ... -o yaml|json} prints (a List), or multi-document YAML
 * of objects. Kinds the checks do not use (and Secrets, always) are skipped. A malformed file or object
 * is reported with its line and the key path inside it.
 */
public final class SnapshotParser {

    static final String OBSERVED_AT = "signoz-ha/observed-at";
    private static final int MAX_ALIASES = 50;

    private final String source;
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Kinds the API server always returns with a spec; without one the snapshot was edited or cut. */
    private static final java.util.Set<String> WITH_SPEC = java.util.Set.of(
            "Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "PersistentVolumeClaim", "ClickHouseInstallation");

    private SnapshotParser(String source) {
        this.source = source;
    }

    /** The inventory a snapshot describes. */
    public static Inventory parse(String source, String text) {
        return new SnapshotParser(source).read(text);
    }

    private Inventory read(String text) {
        InventoryBuilder inventory = new InventoryBuilder("snapshot:" + source);
        List<InputProblem> problems = new ArrayList<>();
        try (JsonParser parser = open(text)) {
            while (parser.nextToken() != null) {
                readDocument(parser, inventory, problems);
            }
        } catch (JsonProcessingException e) {
            problems.add(located(
                    e.getLocation(),
                    "",
                    "not valid " + (isJson(text) ? "JSON" : "YAML") + ": "
                            + Messages.firstLine(e.getOriginalMessage(), "")));
        } catch (IOException e) {
            problems.add(InputProblem.of(source, "cannot be read: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (inventory.isEmpty()) {
            throw InvalidInputException.single(
                    source, "holds no Kubernetes objects (expected kubectl get -o yaml output)");
        }
        return inventory.build();
    }

    private void readDocument(JsonParser parser, InventoryBuilder inventory, List<InputProblem> problems)
            throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            problems.add(
                    located(start, "", "expected a Kubernetes object or List, got " + describe(parser.currentToken())));
            return;
        }
        List<Located> items = new ArrayList<>();
        com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if ("items".equals(field) && parser.currentToken() == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(new Located(parser.currentTokenLocation(), mapper.readTree(parser)));
                }
            } else {
                root.set(field, mapper.readTree(parser));
            }
        }
        if (root.path("kind").asText().endsWith("List")) {
            inventory.observedAt(
                    root.path("metadata").path("annotations").path(OBSERVED_AT).asText(null));
            for (int i = 0; i < items.size(); i++) {
                add(items.get(i), TreePath.index("items", i), inventory, problems);
            }
        } else {
            add(new Located(start, root), "", inventory, problems);
        }
    }

    private void add(Located item, String path, InventoryBuilder inventory, List<InputProblem> problems) {
        JsonNode object = item.node();
        if (!object.isObject()
                || !object.path("kind").isTextual()
                || !object.path("apiVersion").isTextual()) {
            problems.add(located(item.location(), path, "not a Kubernetes object (needs apiVersion and kind)"));
            return;
        }
        String kind = object.path("kind").asText();
        if (!object.path("metadata").path("name").isTextual()) {
            problems.add(
                    located(item.location(), TreePath.key(path, "metadata"), "a " + kind + " needs metadata.name"));
            return;
        }
        if (WITH_SPEC.contains(kind) && !object.path("spec").isObject()) {
            problems.add(located(item.location(), TreePath.key(path, "spec"), "a " + kind + " needs a spec"));
            return;
        }
        try {
            inventory.add(object, mapper);
        } catch (JsonMappingException e) {
            String inner = "";
            for (JsonMappingException.Reference reference : e.getPath()) {
                inner = reference.getFieldName() != null
                        ? TreePath.key(inner, reference.getFieldName())
                        : TreePath.index(inner, reference.getIndex());
            }
            String where = path.isEmpty() ? inner : inner.isEmpty() ? path : path + "." + inner;
            problems.add(located(
                    item.location(), where, "not a valid " + object.path("kind").asText() + ": " + expectation(e)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems.add(located(
                    item.location(), path, "not a valid " + object.path("kind").asText()));
        }
    }

    /** What the field should have held, in words rather than Java types. */
    private static String expectation(JsonMappingException e) {
        if (!(e instanceof MismatchedInputException mismatch) || mismatch.getTargetType() == null) {
            return "the value does not fit this field";
        }
        Class<?> type = mismatch.getTargetType();
        String expected = Collection.class.isAssignableFrom(type) || type.isArray()
                ? "a list"
                : Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class
                        ? "a number"
                        : type == Boolean.class || type == boolean.class
                                ? "true or false"
                                : type == String.class || type.isEnum() ? "text" : "a mapping";
        return "expected " + expected + " here";
    }

    private InputProblem located(JsonLocation location, String path, String message) {
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        return new InputProblem(source, line, line == 0 ? 0 : column, path, message);
    }

    private static JsonFactory factory(String text) {
        if (isJson(text)) {
            return new JsonFactory();
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(Integer.MAX_VALUE);
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    private static JsonParser open(String text) throws IOException {
        JsonParser parser = factory(text).createParser(text);
        return parser instanceof YAMLParser ? new NoAliases(parser) : parser;
    }

    /**
     * Refuses YAML aliases: kubectl never writes them, Jackson would read one as the alias's name, and
     * refusing them rules out alias bombs.
     */
    private static final class NoAliases extends JsonParserDelegate {

        NoAliases(JsonParser delegate) {
            super(delegate);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (delegate instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                throw new JsonParseException(
                        this,
                        "YAML aliases (*" + yaml.getText()
                                + ") are not supported in snapshots; kubectl never writes them");
            }
            return token;
        }
    }

    private static boolean isJson(String text) {
        String trimmed = text.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    private static String describe(JsonToken token) {
        return token == JsonToken.START_ARRAY ? "a list" : token == null ? "nothing" : "a scalar";
    }

    private record Located(JsonLocation location, JsonNode node) {}
}
