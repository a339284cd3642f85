package dev.signozha.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares the chart values the tool would pass to Helm with the release's user-supplied values
 * ({@code helm get values}). Unlike {@link ObjectDiff} this is symmetric: {@code helm upgrade} replaces
 * the supplied values wholesale, so a key only the live release has is dropped and shows as removed.
 * Lists are compared whole, as Helm replaces them whole.
 */
public final class ValuesDiff {

    /**
     * A value the renderer leaves for deploy to fill from a Secret
     * ({@code <from Secret clickhouse-credentials/password, supplied by signoz-ha deploy>}). The live
     * release holds the real value, which a plan must neither know nor show, so it is not compared.
     */
    private static final Pattern DEPLOY_TIME = Pattern.compile("<from Secret [^>]+>");

    private final List<Change> changes = new ArrayList<>();

    private ValuesDiff() {}

    /** The changes an upgrade from {@code live} values to {@code desired} values makes, in key order. */
    public static List<Change> diff(JsonNode desired, JsonNode live) {
        ValuesDiff diff = new ValuesDiff();
        diff.compare("", desired, live);
        return List.copyOf(diff.changes);
    }

    private void compare(String path, JsonNode desired, JsonNode live) {
        if (desired != null && isDeployTime(desired)) {
            return;
        }
        if (desired != null && live != null && desired.isObject() && live.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            desired.fieldNames().forEachRemaining(names::add);
            live.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(join(path, name), desired.get(name), live.get(name));
            }
        } else if (desired == null || live == null) {
            leaves(path, desired == null ? live : desired, desired == null);
        } else if (!TreeValues.same(path, desired, live)) {
            changes.add(new Change(path, live, desired));
        }
    }

    private void leaves(String path, JsonNode node, boolean liveSide) {
        if (node.isObject() && node.size() > 0) {
            TreeSet<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> leaves(join(path, name), node.get(name), liveSide));
        } else if (!isDeployTime(node)) {
            changes.add(liveSide ? new Change(path, node, null) : new Change(path, null, node));
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static boolean isDeployTime(JsonNode node) {
        return node.isTextual() && DEPLOY_TIME.matcher(node.asText()).matches();
    }
}
