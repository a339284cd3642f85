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
 * Lists are compared whole, as Helm replaces them whole. A value the tool adds that the release already has in
 * effect ({@code helm get values --all}: a chart default) is no change: it is what runs before and after.
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
        return diff(desired, live, null);
    }

    /**
     * The same, leaving out what {@code desired} adds that {@code inEffect} (the release's supplied values with the
     * chart's defaults; {@code null} when unknown) already holds.
     */
    public static List<Change> diff(JsonNode desired, JsonNode live, JsonNode inEffect) {
        ValuesDiff diff = new ValuesDiff();
        diff.compare("", desired, live, inEffect);
        return List.copyOf(diff.changes);
    }

    private void compare(String path, JsonNode desired, JsonNode live, JsonNode inEffect) {
        if (desired != null && isDeployTime(desired)) {
            return;
        }
        if (desired != null && live != null && desired.isObject() && live.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            desired.fieldNames().forEachRemaining(names::add);
            live.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(join(path, name), desired.get(name), live.get(name), child(inEffect, name));
            }
        } else if (desired == null || live == null) {
            leaves(path, desired == null ? live : desired, desired == null, inEffect);
        } else if (!TreeValues.same(path, desired, live)) {
            changes.add(new Change(path, live, desired));
        }
    }

    private void leaves(String path, JsonNode node, boolean liveSide, JsonNode inEffect) {
        if (node.isObject() && node.size() > 0) {
            TreeSet<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> leaves(join(path, name), node.get(name), liveSide, child(inEffect, name)));
        } else if (!isDeployTime(node) && (liveSide || inEffect == null || !TreeValues.same(path, node, inEffect))) {
            changes.add(liveSide ? new Change(path, node, null) : new Change(path, null, node));
        }
    }

    private static JsonNode child(JsonNode node, String name) {
        return node == null ? null : node.get(name);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static boolean isDeployTime(JsonNode node) {
        return node.isTextual() && DEPLOY_TIME.matcher(node.asText()).matches();
    }
}
