package dev.signozha.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.inventory.Inventory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The in-memory cluster's objects by id ({@code Kind/namespace/name}), with a counter of changes that watches wait
 * on, as an API server's resourceVersions and watch events let clients do.
 */
final class ObjectStore {

    private final Map<String, HasMetadata> objects = new LinkedHashMap<>();
    private final Set<String> namespaces = new LinkedHashSet<>();
    private long version;

    /**
     * Applies {@code object} as server-side apply does: the status of the object there is kept, the generation
     * counts changes of the spec.
     */
    synchronized void apply(HasMetadata object) {
        HasMetadata existing = objects.get(Inventory.id(object));
        long generation = 1;
        if (existing != null) {
            long before =
                    Optional.ofNullable(existing.getMetadata().getGeneration()).orElse(1L);
            generation = spec(existing).equals(spec(object)) ? before : before + 1;
            object.getMetadata().setUid(existing.getMetadata().getUid());
        }
        object.getMetadata().setGeneration(generation);
        put(object);
    }

    /** Creates or replaces {@code object}, as it is. */
    synchronized void put(HasMetadata object) {
        if (object.getMetadata().getUid() == null) {
            object.getMetadata().setUid(UUID.randomUUID().toString());
        }
        if (object.getMetadata().getGeneration() == null) {
            object.getMetadata().setGeneration(1L);
        }
        object.getMetadata().setResourceVersion(Long.toString(++version));
        objects.put(Inventory.id(object), object);
        notifyAll();
    }

    /** A workload's new status and what its controller created with it (what is there already is left alone). */
    synchronized void put(HasMetadata workload, List<HasMetadata> created) {
        put(workload);
        for (HasMetadata object : created) {
            object.getMetadata().setNamespace(workload.getMetadata().getNamespace());
            if (!objects.containsKey(Inventory.id(object))) {
                put(object);
            }
        }
    }

    synchronized boolean remove(String id) {
        boolean removed = objects.remove(id) != null;
        if (removed) {
            version++;
            notifyAll();
        }
        return removed;
    }

    synchronized Optional<HasMetadata> get(String id) {
        return Optional.ofNullable(objects.get(id));
    }

    /** The objects of {@code type} in {@code namespace} (every namespace when null). */
    synchronized <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
        List<T> found = new ArrayList<>();
        for (HasMetadata object : objects.values()) {
            if (type.isInstance(object)
                    && (namespace == null
                            || namespace.equals(object.getMetadata().getNamespace()))) {
                found.add(type.cast(object));
            }
        }
        return found;
    }

    synchronized boolean addNamespace(String namespace) {
        boolean added = namespaces.add(namespace);
        if (added) {
            version++;
            notifyAll();
        }
        return added;
    }

    synchronized boolean hasNamespace(String namespace) {
        return namespaces.contains(namespace);
    }

    /** A change nothing in the store shows: what a watch's own catching up looks like to a waiter. */
    synchronized void touch() {
        version++;
        notifyAll();
    }

    synchronized long version() {
        return version;
    }

    /** Blocks until the version exceeds {@code seen} or {@code atMost} passes; true when something changed. */
    synchronized boolean awaitChange(long seen, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (version <= seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Duration wait = Duration.ofNanos(left);
            wait(Math.max(1, wait.toMillis()));
        }
        return true;
    }

    private static JsonNode spec(HasMetadata object) {
        return InMemoryCluster.SERIALIZATION
                .convertValue(object, JsonNode.class)
                .path("spec");
    }
}
