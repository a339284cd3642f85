package dev.signozha.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Equality and order of values as Kubernetes means them: numbers by value (2 == 2.0), and at the
 * paths where Kubernetes takes quantities (resources, storage, chart sizes) 1024Mi == 1Gi and "4" == 4.
 */
final class TreeValues {

    /** resources.requests.cpu, resources.limits.memory, ...storage, emptyDir sizeLimit, persistence.size. */
    private static final Pattern QUANTITY_PATH = Pattern.compile(
            "(^|.*\\.)(resources\\.(requests|limits)\\.[^\\[\\]]+|storage|sizeLimit|persistence\\.size)$");

    private TreeValues() {}

    /** Whether Kubernetes reads the value at this path as a quantity. */
    static boolean isQuantityPath(String path) {
        return QUANTITY_PATH.matcher(path).matches();
    }

    /** Deep equality: same keys, same items in the same order, scalars equal by {@link #sameScalar}. */
    static boolean same(String path, JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject()) {
            return a.size() == b.size() && sameFields(path, a, b);
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(path + "[" + i + "]", a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return !a.isContainerNode() && !b.isContainerNode() && sameScalar(path, a, b);
    }

    private static boolean sameFields(String path, JsonNode a, JsonNode b) {
        for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!b.has(name) || !same(path + "." + name, a.get(name), b.get(name))) {
                return false;
            }
        }
        return true;
    }

    /** Scalar equality: numbers by value; quantities by amount at quantity paths; otherwise exact. */
    static boolean sameScalar(String path, JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (isQuantityPath(path)) {
            Optional<BigDecimal> left = amount(a);
            Optional<BigDecimal> right = amount(b);
            if (left.isPresent() && right.isPresent()) {
                return left.get().compareTo(right.get()) == 0;
            }
        }
        return a.equals(b);
    }

    /** Order of two counts or quantities ("3" and 2, 1Ti and 500Gi); empty when either is absent or not a number. */
    static OptionalInt compare(JsonNode before, JsonNode after) {
        Optional<BigDecimal> left = amount(before);
        Optional<BigDecimal> right = amount(after);
        return left.isPresent() && right.isPresent()
                ? OptionalInt.of(Integer.signum(left.get().compareTo(right.get())))
                : OptionalInt.empty();
    }

    private static Optional<BigDecimal> amount(JsonNode node) {
        if (node == null || !(node.isNumber() || node.isTextual())) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        try {
            return Optional.of(Quantity.getAmountInBytes(new Quantity(node.asText())));
        } catch (RuntimeException notAQuantity) {
            return Optional.empty();
        }
    }
}
