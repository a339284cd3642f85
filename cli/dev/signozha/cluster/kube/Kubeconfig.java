package dev.signozha.cluster.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.ExitCode;
import dev.signozha.core.InputProblem;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.yaml.CanonicalYaml;
import dev.signozha.core.yaml.SourcedTree;
import dev.signozha.core.yaml.TreePath;
import dev.signozha.core.yaml.YamlReader;
import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kubeconfig files in effect, read, checked and merged the way kubectl does: the first file that names a
 * cluster, context or user wins, and the first current-context set wins. Checked before any request, so a typo in
 * a path or a context never falls back to another cluster.
 */
public final class Kubeconfig {

    private static final List<String> NAMED_LISTS = List.of("clusters", "contexts", "users");
    /** Keys holding file paths, which kubectl resolves against the directory of the file that holds them. */
    private static final Set<String> FILE_KEYS =
            Set.of("certificate-authority", "client-certificate", "client-key", "tokenFile");

    private final String files;
    private final ObjectNode merged;

    private Kubeconfig(String files, ObjectNode merged) {
        this.files = files;
        this.merged = merged;
    }

    /** Where the kubeconfig comes from, as kubectl looks: --kubeconfig, else $KUBECONFIG, else ~/.kube/config. */
    public record Source(String origin, List<Path> files) {

        /** The configured source; empty when there is none at all (no flag, no $KUBECONFIG, no ~/.kube/config). */
        public static Optional<Source> find(Path flag, String environmentValue, Path home) {
            if (flag != null) {
                return Optional.of(new Source("--kubeconfig", List.of(flag)));
            }
            if (environmentValue != null && !environmentValue.isBlank()) {
                return Optional.of(new Source(
                        "KUBECONFIG",
                        java.util.Arrays.stream(environmentValue.split(File.pathSeparator))
                                .filter(file -> !file.isBlank())
                                .map(Path::of)
                                .toList()));
            }
            Path standard = home.resolve(".kube").resolve("config");
            return Files.isRegularFile(standard)
                    ? Optional.of(new Source("~/.kube/config", List.of(standard)))
                    : Optional.empty();
        }
    }

    /** Reads every file of the source; a missing, unreadable or malformed one is bad input naming it. */
    public static Kubeconfig read(Source source) {
        List<ObjectNode> documents = new ArrayList<>();
        for (Path file : source.files()) {
            documents.add(document(file, source.origin()));
        }
        return new Kubeconfig(
                String.join(
                        File.pathSeparator,
                        source.files().stream().map(Path::toString).toList()),
                merge(documents));
    }

    /** The context to use: the one asked for, else the current one; bad input when it is not in the files. */
    public String context(String requested) {
        List<String> contexts = names("contexts");
        String chosen =
                requested != null ? requested : merged.path("current-context").asText("");
        if (chosen.isEmpty()) {
            throw new SignozHaException(
                    ExitCode.BAD_INPUT,
                    files + " sets no current-context; choose one with --context " + "(contexts: " + listed(contexts)
                            + ")");
        }
        if (!contexts.contains(chosen)) {
            throw new SignozHaException(
                    ExitCode.BAD_INPUT,
                    (requested != null ? "--context " : "current-context ") + chosen + " is not a context of " + files
                            + "; its contexts: " + listed(contexts));
        }
        return chosen;
    }

    /** The API server URL of a context, as written in its cluster entry ("" when it has none). */
    public String server(String context) {
        String cluster =
                named("contexts", context).path("context").path("cluster").asText("");
        return named("clusters", cluster).path("cluster").path("server").asText("");
    }

    /** The fabric8 configuration of a context of these files. */
    public Config config(String context) {
        return Config.fromKubeconfig(CanonicalYaml.json(merged.deepCopy().put("current-context", context)));
    }

    private static ObjectNode document(Path file, String origin) {
        if (!Files.isRegularFile(file)) {
            throw new SignozHaException(
                    ExitCode.BAD_INPUT, file + ": no such kubeconfig file (named by " + origin + ")");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SignozHaException(
                    ExitCode.BAD_INPUT, file + ": cannot read the kubeconfig: " + e.getMessage(), e);
        }
        List<SourcedTree> trees = YamlReader.readAll(file.toString(), text);
        if (trees.isEmpty()) {
            return JsonNodeFactory.instance.objectNode();
        }
        SourcedTree tree = trees.get(0);
        List<InputProblem> problems = new ArrayList<>(tree.problems());
        if (trees.size() > 1) {
            problems.add(InputProblem.of(
                    file.toString(), "holds " + trees.size() + " YAML documents; a kubeconfig holds one"));
        }
        if (!(tree.root() instanceof ObjectNode root)) {
            problems.add(tree.problem("", "expected a kubeconfig (a mapping with clusters, contexts and users)"));
            throw new InvalidInputException(problems);
        }
        problems.addAll(shapeProblems(tree));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        resolveFiles(root, file.toAbsolutePath().getParent());
        return root;
    }

    private static List<InputProblem> shapeProblems(SourcedTree tree) {
        List<InputProblem> problems = new ArrayList<>();
        for (String list : NAMED_LISTS) {
            JsonNode entries = tree.root().path(list);
            if (entries.isMissingNode() || entries.isNull()) {
                continue;
            }
            if (!entries.isArray()) {
                problems.add(tree.problem(list, "expected a list of named " + list));
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                if (!entries.get(i).path("name").isTextual()) {
                    problems.add(tree.problem(TreePath.index(list, i), "each entry needs a name"));
                }
            }
        }
        return problems;
    }

    /** Makes relative certificate, key and token file paths absolute, as they were meant from their own file. */
    private static void resolveFiles(JsonNode node, Path directory) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (FILE_KEYS.contains(field.getKey())
                        && field.getValue().isTextual()
                        && !Path.of(field.getValue().asText()).isAbsolute()) {
                    object.put(
                            field.getKey(),
                            directory.resolve(field.getValue().asText()).toString());
                } else {
                    resolveFiles(field.getValue(), directory);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> resolveFiles(element, directory));
        }
    }

    private static ObjectNode merge(List<ObjectNode> documents) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        merged.put("apiVersion", "v1").put("kind", "Config");
        documents.stream()
                .map(document -> document.path("current-context").asText(""))
                .filter(context -> !context.isEmpty())
                .findFirst()
                .ifPresent(context -> merged.put("current-context", context));
        for (String list : NAMED_LISTS) {
            Map<String, JsonNode> first = new LinkedHashMap<>();
            documents.forEach(document -> document.path(list)
                    .forEach(entry -> first.putIfAbsent(entry.path("name").asText(), entry)));
            merged.putArray(list).addAll(first.values());
        }
        return merged;
    }

    private List<String> names(String list) {
        List<String> names = new ArrayList<>();
        merged.path(list).forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }

    private JsonNode named(String list, String name) {
        for (JsonNode entry : merged.path(list)) {
            if (entry.path("name").asText().equals(name)) {
                return entry;
            }
        }
        return JsonNodeFactory.instance.missingNode();
    }

    private static String listed(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
