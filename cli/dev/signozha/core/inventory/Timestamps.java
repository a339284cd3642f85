package dev.signozha.core.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The cluster's own clock as a snapshot shows it: the newest timestamp any object holds (events, node heartbeats
 * and conditions, lease renewals, container starts). A snapshot's "now" is that, not the clock of the machine
 * that wrote or reads it.
 */
final class Timestamps {

    private static final Set<String> FIELDS = Set.of(
            "creationTimestamp",
            "lastTimestamp",
            "firstTimestamp",
            "eventTime",
            "startTime",
            "completionTime",
            "lastTransitionTime",
            "lastHeartbeatTime",
            "lastProbeTime",
            "lastUpdateTime",
            "renewTime",
            "acquireTime",
            "timeAdded",
            "startedAt",
            "finishedAt");

    private Timestamps() {}

    /** The newer of {@code newest} and every timestamp in the tree. */
    static Instant newest(JsonNode node, Instant newest) {
        Instant found = newest;
        for (var field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                found = newest(value, found);
            } else if (value.isArray()) {
                for (JsonNode child : value) {
                    found = child.isObject() ? newest(child, found) : found;
                }
            } else if (FIELDS.contains(field.getKey()) && value.isTextual()) {
                found = later(found, value.asText());
            }
        }
        return found;
    }

    private static Instant later(Instant current, String text) {
        try {
            Instant instant = Instant.parse(text);
            return instant.isAfter(current) ? instant : current;
        } catch (DateTimeParseException e) {
            return current;
        }
    }
}
