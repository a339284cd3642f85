package dev.signozha.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.signozha.core.Secrets;
import dev.signozha.core.inventory.Redaction;

/**
 * One difference between what is live and what the tool would apply. {@code before} is the live value,
 * {@code after} the desired one; {@code null} means absent. Paths read like
 * {@code spec.template.spec.containers[name=zookeeper].env[name=ZOO_HEAP_SIZE].value}.
 *
 * <p>A change at a secret-looking path (password, token, key...) or whose value carries a DSN password
 * is {@code hidden}: the constructor replaces both values, so no plan, log or {@code toString} can
 * show them. Only the fact that something changed remains.
 */
public record Change(String path, JsonNode before, JsonNode after, boolean hidden) {

    /** What a hidden value is replaced with, and how the plan shows a hidden change. */
    public static final String HIDDEN_TEXT = "(changed)";

    private static final JsonNode HIDDEN = TextNode.valueOf(HIDDEN_TEXT);

    public Change {
        if (hidden || isSecret(path, before) || isSecret(path, after)) {
            hidden = true;
            before = before == null ? null : HIDDEN;
            after = after == null ? null : HIDDEN;
        }
    }

    /** A change, hidden when its path or values look secret. */
    public Change(String path, JsonNode before, JsonNode after) {
        this(path, before, after, false);
    }

    /** Whether the desired side sets something the live side does not have. */
    public boolean added() {
        return before == null && after != null;
    }

    /** Whether the live side has something the desired side no longer sets. */
    public boolean removed() {
        return before != null && after == null;
    }

    private static boolean isSecret(String path, JsonNode value) {
        return value != null
                && (Secrets.isSensitiveName(path) || value.isTextual() && Redaction.hasInlinePassword(value.asText()));
    }
}
