package dev.signozha.core.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.InputProblem;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.yaml.SourcedTree;
import dev.signozha.core.yaml.TreeMerge;
import dev.signozha.core.yaml.TreePath;
import dev.signozha.core.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the text of a topology file into a {@link LoadedTopology}: parse, check the structure against
 * the schema (all problems at once), fill the profile's defaults, derive the rest, check the rules.
 * Any problem ends in {@link InvalidInputException}, each problem located in the file.
 */
public final class TopologyLoader {

    private static final ObjectMapper BINDER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private TopologyLoader() {}

    /** Loads a topology; {@code source} names the file in messages. */
    public static LoadedTopology load(String source, String text) {
        SourcedTree tree = YamlReader.readOne(source, text);
        List<InputProblem> problems = new ArrayList<>(tree.problems());
        problems.addAll(SchemaValidation.problems(tree));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ObjectNode spec = (ObjectNode) tree.root().get("spec");
        Profile profile = profileOf(spec);
        Set<String> fromProfile = new HashSet<>();
        if (!spec.has("profile")) {
            spec.put("profile", profile.id());
            fromProfile.add("spec.profile");
        }
        TreeMerge.fillMissing(spec, profileDefaults(profile), "spec", fromProfile);
        Set<String> derived = DerivedDefaults.fill(spec, fromProfile);
        Topology topology = bind(tree);
        List<TopologyRules.Violation> violations = TopologyRules.check(topology);
        List<InputProblem> errors = violations.stream()
                .filter(TopologyRules.Violation::isError)
                .map(v -> tree.problem(v.path(), v.message()))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<String> warnings = violations.stream()
                .filter(v -> !v.isError())
                .map(v -> v.path() + ": " + v.message())
                .toList();
        return new LoadedTopology(source, topology, Set.copyOf(fromProfile), derived, warnings);
    }

    /**
     * Does a first load's one-time work (compiling the schema, starting the YAML parser and the binder) so that
     * a second core can do it while the command line is still being parsed. Any failure is left for the load
     * itself to report.
     */
    public static void prepare() {
        try {
            SchemaValidation.prepare();
            profileDefaults(Profile.PRODUCTION);
        } catch (RuntimeException | LinkageError e) {
            // The load that follows meets the same problem and reports it.
        }
    }

    private static Profile profileOf(JsonNode spec) {
        JsonNode profile = spec.get("profile");
        return profile == null
                ? Profile.PRODUCTION
                : Profile.valueOf(profile.asText().toUpperCase(java.util.Locale.ROOT));
    }

    /** The defaults a profile gives to everything under spec. */
    public static JsonNode profileDefaults(Profile profile) {
        String resource = "dev/signozha/core/topology/profiles/" + profile.id() + ".yaml";
        try (InputStream in = TopologyLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return YamlReader.readOne(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .requireClean()
                    .root();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema admits only what binds; a failure here is a value the schema cannot express, located all the same. */
    private static Topology bind(SourcedTree tree) {
        try {
            return BINDER.treeToValue(tree.root(), Topology.class);
        } catch (JsonMappingException e) {
            String path = "";
            for (JsonMappingException.Reference reference : e.getPath()) {
                path = reference.getFieldName() != null
                        ? TreePath.key(path, reference.getFieldName())
                        : TreePath.index(path, reference.getIndex());
            }
            throw new InvalidInputException(List.of(tree.problem(path, "is not a valid value for this key")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
