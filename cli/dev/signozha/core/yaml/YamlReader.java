package dev.signozha.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.InputProblem;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.text.Messages;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses YAML into Jackson trees while recording where every key was written, so later
 * validation can point at {@code file:line:column}. Guards against alias bombs, deep nesting,
 * duplicate keys and custom tags, and reports every such problem at once.
 */
public final class YamlReader {

    static final int MAX_NODES = 100_000;
    static final int MAX_DEPTH = 64;
    static final int MAX_ALIASES = 50;
    private static final String TOO_DEEP = "the document is nested deeper than " + MAX_DEPTH + " levels";
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on", "y");
    private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

    private YamlReader() {}

    /** Reads a file that must hold exactly one document. */
    public static SourcedTree readOne(String source, String text) {
        List<SourcedTree> documents = readAll(source, text);
        if (documents.isEmpty()) {
            throw InvalidInputException.single(source, "the file is empty: expected a YAML document");
        }
        if (documents.size() > 1) {
            throw InvalidInputException.single(
                    source, "holds " + documents.size() + " YAML documents; a topology file holds exactly one");
        }
        return documents.get(0);
    }

    /**
     * Reads every non-empty document of a multi-document stream. Broken syntax throws; problems that
     * still leave a usable tree (duplicate or merge keys, custom tags) are kept in {@link SourcedTree#problems()}
     * so callers can report them together with their own.
     */
    public static List<SourcedTree> readAll(String source, String text) {
        List<SourcedTree> documents = new ArrayList<>();
        try {
            for (Node node : new Yaml(loaderOptions()).composeAll(new StringReader(text))) {
                if (node != null && !isEmptyScalar(node)) {
                    documents.add(convert(source, node));
                }
            }
        } catch (MarkedYAMLException e) {
            throw new InvalidInputException(List.of(syntaxProblem(source, e)));
        } catch (YAMLException | StackOverflowError e) {
            String message = Messages.firstLine(e.getMessage(), "unreadable input");
            throw InvalidInputException.single(
                    source,
                    message.startsWith("Nesting Depth exceeded")
                            ? TOO_DEEP
                            : message.startsWith("the document") ? message : "not valid YAML: " + message);
        }
        return documents;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true); // detected below, with both locations
        return options;
    }

    private static boolean isEmptyScalar(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    private static InputProblem syntaxProblem(String source, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem =
                e.getProblem() != null ? e.getProblem() : Messages.firstLine(e.getMessage(), "unreadable input");
        String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
        if (mark == null) {
            return InputProblem.of(source, "not valid YAML: " + problem + context);
        }
        return new InputProblem(
                source, mark.getLine() + 1, mark.getColumn() + 1, "", "not valid YAML: " + problem + context);
    }

    private static SourcedTree convert(String source, Node node) {
        List<InputProblem> problems = new ArrayList<>();
        Converter converter = new Converter(source, problems);
        converter.sourceMap.put("", locationOf(node));
        JsonNode root = converter.convert(node, "", 0);
        return new SourcedTree(source, root, converter.sourceMap, List.copyOf(problems));
    }

    private static Location locationOf(Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? Location.UNKNOWN : new Location(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Walks a composed document once, building the tree and the source map. */
    private static final class Converter {
        private final String source;
        private final List<InputProblem> problems;
        private final SourceMap sourceMap = new SourceMap();
        private int nodeCount;

        Converter(String source, List<InputProblem> problems) {
            this.source = source;
            this.problems = problems;
        }

        JsonNode convert(Node node, String path, int depth) {
            if (++nodeCount > MAX_NODES || depth > MAX_DEPTH) {
                throw new YAMLException(
                        nodeCount > MAX_NODES
                                ? "the document expands to more than " + MAX_NODES + " values (YAML aliases?)"
                                : TOO_DEEP);
            }
            if (!node.getTag().startsWith(Tag.PREFIX)) {
                problem(
                        locationOf(node),
                        path,
                        "custom YAML tag '" + node.getTag().getValue() + "' is not supported");
            }
            if (node instanceof MappingNode mapping) {
                return mapping(mapping, path, depth);
            }
            if (node instanceof SequenceNode sequence) {
                return sequence(sequence, path, depth);
            }
            return scalar((ScalarNode) node);
        }

        private ObjectNode mapping(MappingNode mapping, String path, int depth) {
            ObjectNode object = NODES.objectNode();
            Map<String, Location> seen = new HashMap<>();
            for (NodeTuple entry : mapping.getValue()) {
                Node keyNode = entry.getKeyNode();
                Location at = locationOf(keyNode);
                if (Tag.MERGE.equals(keyNode.getTag())) {
                    problem(at, path, "YAML merge keys (<<) are not supported; write the keys out");
                    continue;
                }
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    problem(at, path, "a key must be a plain string, not a list or mapping");
                    continue;
                }
                String key = scalarKey.getValue();
                String childPath = TreePath.key(path, key);
                Location first = seen.putIfAbsent(key, at);
                if (first != null) {
                    problem(at, childPath, "duplicate key '" + key + "' (first written at line " + first.line() + ")");
                    continue;
                }
                sourceMap.put(childPath, at);
                object.set(key, convert(entry.getValueNode(), childPath, depth + 1));
            }
            return object;
        }

        private ArrayNode sequence(SequenceNode sequence, String path, int depth) {
            ArrayNode array = NODES.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = TreePath.index(path, i);
                sourceMap.put(itemPath, locationOf(items.get(i)));
                array.add(convert(items.get(i), itemPath, depth + 1));
            }
            return array;
        }

        /** A scalar by its resolved tag; custom tags were reported already and keep the text. */
        private JsonNode scalar(ScalarNode scalar) {
            Tag tag = scalar.getTag();
            String text = scalar.getValue();
            if (Tag.NULL.equals(tag)) {
                return NODES.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                return NODES.booleanNode(TRUE_WORDS.contains(text.toLowerCase(Locale.ROOT)));
            }
            if (Tag.INT.equals(tag)) {
                return integer(text);
            }
            if (Tag.FLOAT.equals(tag)) {
                return decimal(text);
            }
            return NODES.textNode(text);
        }

        private JsonNode integer(String text) {
            String digits = text.replace("_", "");
            boolean negative = digits.startsWith("-");
            String unsigned = digits.replaceFirst("^[-+]", "");
            try {
                BigInteger value;
                if (unsigned.startsWith("0x")) {
                    value = new BigInteger(unsigned.substring(2), 16);
                } else if (unsigned.startsWith("0b")) {
                    value = new BigInteger(unsigned.substring(2), 2);
                } else if (unsigned.startsWith("0o")) {
                    value = new BigInteger(unsigned.substring(2), 8);
                } else if (unsigned.length() > 1 && unsigned.startsWith("0")) {
                    value = new BigInteger(unsigned.substring(1), 8); // YAML 1.1 octal, as kubectl reads 0755
                } else {
                    value = new BigInteger(unsigned);
                }
                return number(negative ? value.negate() : value);
            } catch (NumberFormatException e) {
                return NODES.textNode(text);
            }
        }

        /** The narrowest node for the value, as Jackson's own parser would produce. */
        private static JsonNode number(BigInteger value) {
            if (value.bitLength() < Integer.SIZE) {
                return NODES.numberNode(value.intValue());
            }
            return value.bitLength() < Long.SIZE ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
        }

        private JsonNode decimal(String text) {
            try {
                return NODES.numberNode(new BigDecimal(text.replace("_", "")));
            } catch (NumberFormatException e) {
                return NODES.textNode(text); // .inf, .nan: schema checks will call it what it is
            }
        }

        private void problem(Location at, String path, String message) {
            problems.add(new InputProblem(source, at.line(), at.column(), path, message));
        }
    }
}
