package dev.signozha.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What plan shows without a cluster: the resolved topology with the origin of each value, the objects
 * an install creates, the chart values, resource totals, and placement on the declared capacity.
 * Its JSON/YAML form is versioned by {@link #schemaVersion()}.
 */
public record OfflinePlan(
        int schemaVersion,
        String mode,
        String source,
        Resolved topology,
        List<PlannedObject> objects,
        HelmRelease helm,
        List<ResourceRow> resources,
        PlacementReport placement,
        List<String> notes,
        List<String> warnings) {

    public static final int SCHEMA_VERSION = 1;

    /** Whether the plan found a problem that would stop a deploy (pods that cannot be placed). */
    public boolean hasErrors() {
        return placement != null && !placement.unplaced().isEmpty();
    }

    /** The topology after defaults. */
    public record Resolved(String name, String profile, List<Setting> settings) {}

    /** One resolved value: {@code origin} is file, profile or derived. */
    public record Setting(String path, JsonNode value, String origin) {}

    /** An object the install creates; {@code managedBy} is signoz-ha, helm or clickhouse-operator. */
    public record PlannedObject(String action, String id, String managedBy) {}

    /** The SigNoz chart release and its rendered values. */
    public record HelmRelease(
            String namespace,
            String release,
            String chart,
            String repository,
            String version,
            String migrator,
            JsonNode values) {}

    /** Totals of one component (or "total"); amounts are Kubernetes quantities, null when none is set. */
    public record ResourceRow(
            String component,
            int pods,
            String cpuRequests,
            String memoryRequests,
            String memoryLimits,
            String storage,
            String sizedBy) {}

    /** Placement on declared nodes. */
    public record PlacementReport(int nodes, List<PodPlacement> placed, List<UnplacedPod> unplaced) {}

    public record PodPlacement(String pod, String component, String node, String zone) {}

    public record UnplacedPod(String pod, String component, String reason) {}
}
