package dev.signozha.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.topology.ChartVersion;
import java.util.List;

/**
 * Everything an install consists of: the SigNoz chart's values, the manifests the tool applies itself
 * (in apply order), and notes a person should read in the plan.
 */
public record RenderedRelease(
        ChartVersion chartVersion, JsonNode values, List<Manifest> manifests, List<String> notes) {}
