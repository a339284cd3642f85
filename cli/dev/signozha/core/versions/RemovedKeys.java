package dev.signozha.core.versions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.InputProblem;
import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.versions.ChartKnowledge.Rename;
import dev.signozha.core.yaml.SourcedTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds values keys the target chart no longer reads: Helm ignores them silently (the chart has no
 * values.schema.json), so a renamed key would drop the user's setting without a word. Pure.
 */
public final class RemovedKeys {

    private RemovedKeys() {}

    /** One problem, located in its file, for each key of the document that the chart stopped reading. */
    public static List<InputProblem> in(SourcedTree document, ChartVersion chart, ChartKnowledge knowledge) {
        List<InputProblem> problems = new ArrayList<>();
        for (Rename rename : knowledge.renames()) {
            if (chart.compareTo(rename.sinceVersion()) >= 0 && present(document.root(), rename.from())) {
                problems.add(document.problem(rename.from(), message(rename, chart)));
            }
        }
        return problems;
    }

    private static String message(Rename rename, ChartVersion chart) {
        String removed =
                "chart " + chart + " no longer reads " + rename.from() + " (removed in " + rename.since() + ")";
        return rename.to() == null
                ? removed + "; nothing replaces it, delete the key"
                : removed + "; use " + rename.to();
    }

    private static boolean present(JsonNode root, String dottedPath) {
        JsonNode node = root;
        for (String part : dottedPath.split("\\.")) {
            node = node.path(part);
        }
        return !node.isMissingNode();
    }
}
