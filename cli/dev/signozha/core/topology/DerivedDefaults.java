package dev.signozha.core.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/** Defaults computed from other values rather than taken from a profile. */
final class DerivedDefaults {

    static final String KEEPER_IMAGE = "clickhouse/clickhouse-keeper";

    private DerivedDefaults() {}

    /**
     * Fills spec.clickhouse.host when the file leaves it out. Bundled mode keeps the chart's own service
     * name (release-clickhouse) so adopting an existing install never renames the host; external mode
     * uses a distinct name so it can never collide with a bundled install of the same release. Existing mode
     * has no name to derive: its host is the Service someone else made.
     */
    static Set<String> fill(ObjectNode spec, Set<String> fromProfile) {
        Set<String> derived = new HashSet<>();
        keeperImage(spec, fromProfile).ifPresent(derived::add);
        ObjectNode clickhouse = (ObjectNode) spec.get("clickhouse");
        boolean existing =
                ClickHouseMode.EXISTING.id().equals(clickhouse.path("mode").asText());
        if (!clickhouse.hasNonNull("host") && !existing) {
            String release = spec.get("release").asText();
            boolean bundled =
                    ClickHouseMode.BUNDLED.id().equals(clickhouse.get("mode").asText());
            clickhouse.put("host", release + (bundled ? "-clickhouse" : "-clickhouse-ha"));
            derived.add("spec.clickhouse.host");
        }
        return Set.copyOf(derived);
    }

    /**
     * A Keeper ensemble whose file names no image gets clickhouse/clickhouse-keeper at the ClickHouse image's tag
     * (ClickHouse publishes both with the same tags) rather than the profile's ZooKeeper image.
     */
    private static java.util.Optional<String> keeperImage(ObjectNode spec, Set<String> fromProfile) {
        ObjectNode zookeeper = (ObjectNode) spec.get("zookeeper");
        String path = "spec.zookeeper.image";
        if (!Coordination.KEEPER.id().equals(zookeeper.path("kind").asText()) || !fromProfile.remove(path)) {
            return java.util.Optional.empty();
        }
        String server = spec.path("clickhouse").path("image").asText();
        String tag = server.contains(":") ? server.substring(server.lastIndexOf(':') + 1) : "latest";
        zookeeper.put("image", KEEPER_IMAGE + ":" + tag);
        return java.util.Optional.of(path);
    }
}
