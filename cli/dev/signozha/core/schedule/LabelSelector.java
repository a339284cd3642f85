package dev.signozha.core.schedule;

import java.util.List;
import java.util.Map;

/**
 * A pod label selector: every {@code matchLabels} pair and every expression (In, NotIn, Exists,
 * DoesNotExist) must hold. An empty selector matches every pod, as in the API.
 */
public record LabelSelector(Map<String, String> matchLabels, List<LabelRequirement> matchExpressions) {

    /** Gt and Lt belong to node selector terms; the API rejects them in a label selector. */
    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        matchExpressions = List.copyOf(matchExpressions);
        for (LabelRequirement expression : matchExpressions) {
            if (expression.operator() == LabelRequirement.Operator.GT
                    || expression.operator() == LabelRequirement.Operator.LT) {
                throw new IllegalArgumentException(
                        "a label selector cannot use " + expression.operator() + ": " + expression);
            }
        }
    }

    /** Selects pods carrying every one of {@code labels}. */
    public static LabelSelector matchLabels(Map<String, String> labels) {
        return new LabelSelector(labels, List.of());
    }

    /** Selects pods meeting every one of {@code expressions}. */
    public static LabelSelector matchExpressions(LabelRequirement... expressions) {
        return new LabelSelector(Map.of(), List.of(expressions));
    }

    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> pair : matchLabels.entrySet()) {
            if (!pair.getValue().equals(labels.get(pair.getKey()))) {
                return false;
            }
        }
        for (LabelRequirement expression : matchExpressions) {
            if (!expression.matches(labels)) {
                return false;
            }
        }
        return true;
    }
}
