package dev.signozha.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a rendered object with the same object as the API server returns it, the way server-side
 * apply owns fields: only what the tool renders is compared. Fields the desired tree does not set are
 * server defaults or other managers' (status, uid, resourceVersion, managedFields, imagePullPolicy,
 * clusterIP...) and never show. Named lists are matched by key (see {@link NamedLists}), other lists
 * of objects by position, lists of scalars whole.
 *
 * <p>A field the tool rendered once and no longer renders is seen through {@link #removals}, from the object as
 * the tool last applied it: server-side apply removes such a field, which the tool's field manager owns.
 */
public final class ObjectDiff {

    /** Server-managed fields, skipped even when a desired tree carries them (an object read back from a file). */
    private static final Set<String> IGNORED = Set.of(
            "status",
            "metadata.uid",
            "metadata.resourceVersion",
            "metadata.generation",
            "metadata.creationTimestamp",
            "metadata.managedFields",
            "metadata.selfLink",
            "metadata.ownerReferences",
            "metadata.annotations.kubectl.kubernetes.io/last-applied-configuration",
            "metadata.annotations.deployment.kubernetes.io/revision");

    private final List<Change> changes = new ArrayList<>();

    private ObjectDiff() {}

    /** The changes applying {@code desired} would make to {@code live}, in a stable order. */
    public static List<Change> diff(JsonNode desired, JsonNode live) {
        ObjectDiff diff = new ObjectDiff();
        diff.compare("", "", desired, live);
        return List.copyOf(diff.changes);
    }

    /**
     * The fields {@code lastApplied} set and {@code desired} no longer does, where {@code live} still has them and
     * {@link #diff} does not already show them (a live item of a list the tool owns whole): applying {@code desired}
     * server-side removes them. Each is a change from its live value to nothing.
     */
    public static List<Change> removals(JsonNode lastApplied, JsonNode desired, JsonNode live) {
        Set<String> shown = new HashSet<>();
        diff(desired, live).forEach(change -> shown.add(change.path()));
        Map<String, JsonNode> liveOnly = new LinkedHashMap<>();
        diff(live, desired).stream()
                .filter(Change::added)
                .forEach(change -> liveOnly.put(change.path(), change.after()));
        return diff(lastApplied, desired).stream()
                .filter(Change::added)
                .map(Change::path)
                .filter(path -> liveOnly.containsKey(path) && !shown.contains(path))
                .map(path -> new Change(path, liveOnly.get(path), null))
                .toList();
    }

    private void compare(String path, String field, JsonNode desired, JsonNode live) {
        if (IGNORED.contains(path) || desired.isNull()) {
            return;
        }
        if (live == null || live.isMissingNode() || live.isNull()) {
            leaves(path, field, desired, true);
        } else if (desired.isObject() && live.isObject()) {
            for (String name : new TreeSet<>(fieldNames(desired))) {
                compare(join(path, name), name, desired.get(name), live.get(name));
            }
        } else if (desired.isArray() && live.isArray()) {
            compareLists(path, field, desired, live);
        } else if (desired.isContainerNode() || live.isContainerNode()) {
            changes.add(new Change(path, live, desired));
        } else if (!TreeValues.sameScalar(path, desired, live)) {
            changes.add(new Change(path, live, desired));
        }
    }

    private void compareLists(String path, String field, JsonNode desired, JsonNode live) {
        Optional<String> key = NamedLists.key(field);
        if (key.isPresent() && NamedLists.identifiable(desired, key.get())) {
            compareNamed(path, field, key.get(), desired, live);
        } else if (allScalars(desired) && allScalars(live)) {
            if (!TreeValues.same(path, desired, live)) {
                changes.add(new Change(path, live, desired));
            }
        } else {
            for (int i = 0; i < desired.size(); i++) {
                compare(path + "[" + i + "]", field, desired.get(i), live.get(i));
            }
            for (int i = desired.size(); i < live.size(); i++) {
                leaves(path + "[" + i + "]", field, live.get(i), false);
            }
        }
    }

    private void compareNamed(String path, String field, String key, JsonNode desired, JsonNode live) {
        Map<String, JsonNode> liveItems = byIdentity(live, key);
        for (JsonNode item : desired) {
            String id = NamedLists.identity(item, key).orElseThrow();
            JsonNode current = liveItems.remove(id);
            if (current == null) {
                itemLeaves(NamedLists.itemPath(path, key, id), key, item, true);
            } else {
                compare(NamedLists.itemPath(path, key, id), field, item, current);
            }
        }
        if (!NamedLists.isShared(field)) {
            liveItems.forEach((id, item) -> itemLeaves(NamedLists.itemPath(path, key, id), key, item, false));
        }
    }

    /** The leaves of a whole named item, without its identity, which its path already shows. */
    private void itemLeaves(String itemPath, String key, JsonNode item, boolean desiredSide) {
        int start = changes.size();
        leaves(itemPath, "", item, desiredSide);
        List<Change> added = changes.subList(start, changes.size());
        Set<String> identity = Set.of(itemPath + "." + key, itemPath + ".metadata.name");
        if (added.stream().anyMatch(change -> !identity.contains(change.path()))) {
            added.removeIf(change -> identity.contains(change.path()));
        }
    }

    /** One change per scalar (or scalar list) in a subtree only one side has. */
    private void leaves(String path, String field, JsonNode node, boolean desiredSide) {
        if (node.isObject() && node.size() > 0) {
            for (String name : new TreeSet<>(fieldNames(node))) {
                if (!IGNORED.contains(join(path, name))) {
                    leaves(join(path, name), name, node.get(name), desiredSide);
                }
            }
        } else if (node.isArray() && node.size() > 0 && !allScalars(node)) {
            Optional<String> key = NamedLists.key(field).filter(k -> NamedLists.identifiable(node, k));
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (key.isPresent()) {
                    String id = NamedLists.identity(item, key.get()).orElseThrow();
                    itemLeaves(NamedLists.itemPath(path, key.get(), id), key.get(), item, desiredSide);
                } else {
                    leaves(path + "[" + i + "]", field, item, desiredSide);
                }
            }
        } else if (!node.isNull()) {
            changes.add(desiredSide ? new Change(path, null, node) : new Change(path, node, null));
        }
    }

    private static Map<String, JsonNode> byIdentity(JsonNode list, String key) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        for (JsonNode item : list) {
            NamedLists.identity(item, key).ifPresent(id -> items.putIfAbsent(id, item));
        }
        return items;
    }

    private static boolean allScalars(JsonNode list) {
        for (JsonNode item : list) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
