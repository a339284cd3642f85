package dev.signozha.support;

import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.inventory.SnapshotParser;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;

/**
 * The healthy 2x2 production cluster (src/test/resources/clusters/healthy-2x2.yaml, made from
 * examples/production-2x2.yaml): where the simulated cluster's nodes come from, and the objects the fake chart,
 * the fake operator and the readiness controller create, so a simulated deploy ends in a cluster doctor knows.
 */
public final class HealthyFixture {

    private static Inventory inventory;

    private HealthyFixture() {}

    public static synchronized Inventory inventory() {
        if (inventory == null) {
            try {
                inventory = SnapshotParser.parse(
                        "healthy-2x2", Files.readString(Project.path("src/test/resources/clusters/healthy-2x2.yaml")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return inventory;
    }

    /** Copies of the fixture's objects that match, so callers may change them. */
    public static <T extends HasMetadata> List<T> copies(List<T> objects, Predicate<T> wanted) {
        return objects.stream().filter(wanted).map(HealthyFixture::copy).toList();
    }

    /** A deep copy through the fabric8 serialisation. */
    private static <T extends HasMetadata> T copy(T object) {
        return io.fabric8.kubernetes.client.utils.Serialization.clone(object);
    }
}
