package dev.signozha.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.InputProblem;
import dev.signozha.core.InvalidInputException;
import java.util.List;

/**
 * A parsed YAML document as a Jackson tree, with the name of its source, where each key was written,
 * and the problems found while reading it that still left a usable tree (duplicate keys and the like).
 */
public record SourcedTree(String source, JsonNode root, SourceMap sourceMap, List<InputProblem> problems) {

    /** A problem located at the key path, or at its nearest ancestor written in the file. */
    public InputProblem problem(String path, String message) {
        Location at = sourceMap.locate(path);
        return new InputProblem(source, at.line(), at.column(), path, message);
    }

    /** Throws when reading found problems; for inputs that have no further checks to report alongside. */
    public SourcedTree requireClean() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }
}
