package dev.signozha.core.schedule;

import java.util.List;
import java.util.Map;

/**
 * One term of required node affinity: its expressions are ANDed; a pod's terms are ORed. A term
 * without expressions matches no node, as in the API.
 */
public record NodeSelectorTerm(List<LabelRequirement> matchExpressions) {

    public NodeSelectorTerm {
        matchExpressions = List.copyOf(matchExpressions);
    }

    /** A term requiring every one of {@code expressions}. */
    public static NodeSelectorTerm of(LabelRequirement... expressions) {
        return new NodeSelectorTerm(List.of(expressions));
    }

    boolean matches(Map<String, String> nodeLabels) {
        if (matchExpressions.isEmpty()) {
            return false;
        }
        for (LabelRequirement expression : matchExpressions) {
            if (!expression.matches(nodeLabels)) {
                return false;
            }
        }
        return true;
    }
}
