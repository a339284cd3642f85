package dev.signozha.core.topology;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;

/**
 * A Kubernetes quantity as written ("500m", "4", "16Gi"). Text is kept verbatim for rendering;
 * {@link #amount()} gives the value in base units (cores, bytes) for arithmetic.
 */
public record KubeQuantity(String text) implements Comparable<KubeQuantity> {

    public KubeQuantity {
        if (!Format.QUANTITY.matches(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a Kubernetes quantity");
        }
    }

    /** Reads a quantity from a YAML/JSON scalar: "16Gi", 4 and 0.5 are all valid. */
    @JsonCreator
    public static KubeQuantity fromNode(JsonNode node) {
        return new KubeQuantity(node.asText());
    }

    public static KubeQuantity of(String text) {
        return new KubeQuantity(text);
    }

    @JsonValue
    public String text() {
        return text;
    }

    /** Value in base units: cores for CPU, bytes for memory and storage. */
    public BigDecimal amount() {
        return Quantity.getAmountInBytes(new Quantity(text));
    }

    @Override
    public int compareTo(KubeQuantity other) {
        return amount().compareTo(other.amount());
    }

    @Override
    public String toString() {
        return text;
    }
}
