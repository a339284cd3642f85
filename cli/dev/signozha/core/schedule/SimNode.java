package dev.signozha.core.schedule;

import java.util.Map;

/** A node as the simulation sees it: labels and allocatable capacity (millicores, bytes, pods). */
public record SimNode(String name, Map<String, String> labels, long cpuMillis, long memoryBytes, int pods) {

    public String label(String key) {
        return labels.get(key);
    }
}
