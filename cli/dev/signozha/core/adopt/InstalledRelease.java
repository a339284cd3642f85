package dev.signozha.core.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A SigNoz release as it is installed: helm's chart version and the values the user supplied
 * ({@code helm get values}, without the chart's defaults), and the ClickHouseInstallations of its namespace.
 */
public record InstalledRelease(
        String namespace, String release, String chartVersion, JsonNode suppliedValues, List<JsonNode> installations) {}
