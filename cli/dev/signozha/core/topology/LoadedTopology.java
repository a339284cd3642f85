package dev.signozha.core.topology;

import dev.signozha.core.InputProblem;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.yaml.TreePath;
import java.util.List;
import java.util.Set;

/**
 * A validated topology with every default applied, remembering which values came from the file,
 * which from the profile and which were derived, and the warnings worth showing in a plan.
 */
public record LoadedTopology(
        String source, Topology topology, Set<String> profilePaths, Set<String> derivedPaths, List<String> warnings) {

    /** Where a value came from. */
    public enum Origin {
        FILE,
        PROFILE,
        DERIVED
    }

    /** The origin of the value at a key path such as spec.clickhouse.shards. */
    public Origin origin(String path) {
        for (String current = path; !current.isEmpty(); current = TreePath.parent(current)) {
            if (profilePaths.contains(current)) {
                return Origin.PROFILE;
            }
            if (derivedPaths.contains(current)) {
                return Origin.DERIVED;
            }
        }
        return Origin.FILE;
    }

    /**
     * This topology with another chart version, as {@code upgrade --chart-version} asks for, held to the rules the
     * file's own version meets; bad input naming {@code origin} otherwise.
     */
    public LoadedTopology withChartVersion(String version, String origin) {
        if (!version.matches(Format.SEMVER.pattern())) {
            throw InvalidInputException.single(origin, "'" + version + "' is not a valid " + Format.SEMVER.title());
        }
        Topology changed = topology.withChartVersion(version);
        List<InputProblem> problems = TopologyRules.check(changed).stream()
                .filter(violation -> violation.isError() && violation.path().equals("spec.chart.version"))
                .map(violation -> InputProblem.of(origin, violation.message()))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new LoadedTopology(source, changed, profilePaths, derivedPaths, warnings);
    }

    public Topology.Spec spec() {
        return topology.spec();
    }
}
