package dev.signozha.core.schedule;

import java.util.List;
import java.util.Map;

/**
 * One match expression over labels. Label selectors use In, NotIn, Exists and DoesNotExist; node
 * selector terms may also use Gt and Lt, which compare a single integer value.
 */
public record LabelRequirement(String key, Operator operator, List<String> values) {

    /** The API's operators; NotIn and DoesNotExist match a missing label. */
    public enum Operator {
        IN,
        NOT_IN,
        EXISTS,
        DOES_NOT_EXIST,
        GT,
        LT
    }

    public LabelRequirement {
        values = List.copyOf(values);
    }

    /** The label is present with one of {@code values}. */
    public static LabelRequirement in(String key, String... values) {
        return new LabelRequirement(key, Operator.IN, List.of(values));
    }

    /** The label is absent or has none of {@code values}. */
    public static LabelRequirement notIn(String key, String... values) {
        return new LabelRequirement(key, Operator.NOT_IN, List.of(values));
    }

    /** The label is present. */
    public static LabelRequirement exists(String key) {
        return new LabelRequirement(key, Operator.EXISTS, List.of());
    }

    /** The label is absent. */
    public static LabelRequirement doesNotExist(String key) {
        return new LabelRequirement(key, Operator.DOES_NOT_EXIST, List.of());
    }

    /** The label is an integer greater than {@code bound} (node selector terms only). */
    public static LabelRequirement greaterThan(String key, long bound) {
        return new LabelRequirement(key, Operator.GT, List.of(Long.toString(bound)));
    }

    /** The label is an integer less than {@code bound} (node selector terms only). */
    public static LabelRequirement lessThan(String key, long bound) {
        return new LabelRequirement(key, Operator.LT, List.of(Long.toString(bound)));
    }

    boolean matches(Map<String, String> labels) {
        String label = labels.get(key);
        return switch (operator) {
            case IN -> label != null && values.contains(label);
            case NOT_IN -> label == null || !values.contains(label);
            case EXISTS -> label != null;
            case DOES_NOT_EXIST -> label == null;
            case GT -> compare(label) > 0;
            case LT -> compare(label) < 0;
        };
    }

    /** Sign of label minus the bound; 0 (no match either way) when either is not an integer. */
    private int compare(String label) {
        if (label == null || values.size() != 1) {
            return 0;
        }
        try {
            return Long.compare(Long.parseLong(label), Long.parseLong(values.get(0)));
        } catch (NumberFormatException notAnInteger) {
            return 0;
        }
    }
}
