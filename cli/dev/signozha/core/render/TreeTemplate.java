package dev.signozha.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.InputProblem;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.Suggestions;
import dev.signozha.core.yaml.SourcedTree;
import dev.signozha.core.yaml.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a parsed YAML template with variables, on the tree rather than the text, so inserted values
 * can never break indentation or quoting. A scalar that is exactly {@code ${a.b}} becomes that value,
 * whatever its type (a list, a mapping, a number); a variable that is null removes its key or list item.
 * {@code ${a.b}} inside longer text, or in a key, is replaced by the value's text. {@code $${} writes {@code ${}.
 * An unknown variable is an error naming the template, line and key.
 */
public final class TreeTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");
    private static final Pattern WHOLE = Pattern.compile("^\\$\\{([A-Za-z0-9_.]+)}$");
    private static final String ESCAPED = "$${";

    private final SourcedTree template;
    private final Variables variables;
    private final List<InputProblem> problems = new ArrayList<>();

    private TreeTemplate(SourcedTree template, Variables variables) {
        this.template = template;
        this.variables = variables;
    }

    /** The filled tree of one template document. */
    public static JsonNode fill(SourcedTree template, Variables variables) {
        TreeTemplate filler = new TreeTemplate(template, variables);
        JsonNode filled = filler.value(template.root(), "");
        if (!filler.problems.isEmpty()) {
            throw new InvalidInputException(filler.problems);
        }
        return filled == null ? JsonNodeFactory.instance.nullNode() : filled;
    }

    /** Returns the filled value, or null when it resolves to a null variable and must be left out. */
    private JsonNode value(JsonNode node, String path) {
        if (node.isObject()) {
            ObjectNode filled = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String childPath = TreePath.key(path, field.getKey());
                JsonNode child = value(field.getValue(), childPath);
                if (child != null) {
                    filled.set(text(field.getKey(), childPath), child);
                }
            }
            return filled;
        }
        if (node.isArray()) {
            ArrayNode filled = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = value(node.get(i), TreePath.index(path, i));
                if (item != null) {
                    filled.add(item);
                }
            }
            return filled;
        }
        if (!node.isTextual()) {
            return node;
        }
        Matcher whole = WHOLE.matcher(node.asText());
        if (whole.matches()) {
            JsonNode resolved = resolve(whole.group(1), path);
            return resolved == null || resolved.isNull() ? null : resolved.deepCopy();
        }
        return JsonNodeFactory.instance.textNode(text(node.asText(), path));
    }

    private String text(String raw, String path) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        Matcher matcher = VARIABLE.matcher(raw);
        while (matcher.find()) {
            boolean escaped = matcher.start() > 0 && raw.startsWith(ESCAPED, matcher.start() - 1);
            out.append(raw, start, escaped ? matcher.start() - 1 : matcher.start());
            if (escaped) {
                out.append(matcher.group());
            } else {
                JsonNode resolved = resolve(matcher.group(1), path);
                if (resolved != null && !resolved.isValueNode()) {
                    problems.add(template.problem(
                            path,
                            "${" + matcher.group(1) + "} is a " + (resolved.isArray() ? "list" : "mapping")
                                    + " and cannot be part of a text"));
                }
                out.append(resolved == null || resolved.isNull() ? "" : resolved.asText());
            }
            start = matcher.end();
        }
        return out.append(raw.substring(start)).toString();
    }

    private JsonNode resolve(String name, String path) {
        JsonNode found = variables.get(name);
        if (found == null) {
            String hint = Suggestions.closest(name, variables.names())
                    .map(s -> ", did you mean '" + s + "'?")
                    .orElse("");
            problems.add(template.problem(path, "unknown variable ${" + name + "}" + hint));
        }
        return found;
    }
}
