package dev.signozha.core.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.signozha.core.yaml.CanonicalYaml;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Writes an inventory as a kubectl List that {@link SnapshotParser} (and kubectl) read back, with every
 * object redacted ({@link Redaction}) and the time of the read recorded. Secrets are never in an inventory.
 */
public final class SnapshotWriter {

    /** Kubernetes times (a Lease's renewTime) as the ISO text the API uses, not numbers. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private SnapshotWriter() {}

    /** The snapshot as YAML. */
    public static String write(Inventory inventory) {
        return CanonicalYaml.yaml(tree(inventory));
    }

    /** The snapshot as JSON, which {@link SnapshotParser} reads as well. */
    public static String writeJson(Inventory inventory) {
        return CanonicalYaml.json(tree(inventory));
    }

    private static ObjectNode tree(Inventory inventory) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        ObjectNode metadata = list.putObject("metadata");
        metadata.put("resourceVersion", "");
        ObjectNode annotations = metadata.putObject("annotations");
        ArrayNode items = list.putArray("items");
        java.time.Instant newest = java.time.Instant.EPOCH;
        for (HasMetadata object : inventory.all()) {
            ObjectNode tree = MAPPER.valueToTree(object);
            Redaction.redact(tree);
            items.add(tree);
            newest = Timestamps.newest(tree, newest);
        }
        // "now" is the cluster's clock as the objects show it, not the clock of the machine that read them.
        java.time.Instant observedAt = newest.isAfter(java.time.Instant.EPOCH) ? newest : inventory.observedAt();
        annotations.put(SnapshotParser.OBSERVED_AT, observedAt.toString()).put("signoz-ha/source", inventory.source());
        return list;
    }
}
