package dev.signozha.cluster.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code helm history --output json}: an array of
 * {@code {"revision":2,"updated":"2025-05-02T10:15:13.5Z","status":"deployed","chart":"signoz-0.82.0","app_version":"v0.82.0","description":"Upgrade complete"}}
 * (Helm 3 and 4; Helm 4 leaves out {@code updated} when it has no time). Problems are reported
 * without quoting the output.
 */
final class HistoryJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryJson() {}

    static List<HelmRevision> parse(String command, String stdout) {
        JsonNode root;
        try {
            root = JSON.readTree(stdout);
        } catch (JsonProcessingException e) {
            // Not e.getMessage(): Jackson quotes the offending text.
            throw HelmException.unreadable(command, "not JSON");
        }
        if (root == null || !root.isArray()) {
            throw HelmException.unreadable(command, "not a JSON array");
        }
        List<HelmRevision> revisions = new ArrayList<>();
        for (JsonNode entry : root) {
            revisions.add(revision(command, entry));
        }
        return List.copyOf(revisions);
    }

    private static HelmRevision revision(String command, JsonNode entry) {
        JsonNode revision = entry.path("revision");
        if (!revision.isIntegralNumber() || !revision.canConvertToInt() || revision.asInt() < 1) {
            throw HelmException.unreadable(command, "an entry has no revision number");
        }
        return new HelmRevision(
                revision.asInt(),
                entry.path("status").asText(""),
                entry.path("chart").asText(""),
                entry.path("app_version").asText(""),
                updated(command, entry.path("updated")),
                entry.path("description").asText(""));
    }

    private static Optional<Instant> updated(String command, JsonNode updated) {
        if (!updated.isTextual() || updated.asText().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(updated.asText()).toInstant());
        } catch (DateTimeParseException e) {
            throw HelmException.unreadable(command, "an entry's updated time is not an RFC 3339 timestamp");
        }
    }
}
