package dev.signozha.core.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/** Defaults computed from other values rather than taken from a profile. */
final class DerivedDefaults {

    private DerivedDefaults() {}

    /**
     * Fills spec.clickhouse.host when the file leaves it out. Bundled mode keeps the chart's own service
     * name (release-clickhouse) so adopting an existing install never renames the host; external mode
     * uses a distinct name so it can never collide with a bundled install of the same release. Existing mode
     * has no name to derive: its host is the Service someone else made.
     */
    static Set<String> fill(ObjectNode spec) {
        Set<String> derived = new HashSet<>();
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
}
