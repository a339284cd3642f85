package dev.signozha.cluster.kube;

import com.fasterxml.jackson.databind.JsonNode;

/** Writes objects the way the tool owns them: server-side apply under the field manager signoz-ha. */
public interface KubeApplier {

    String FIELD_MANAGER = "signoz-ha";

    /** Applies one rendered object; with {@code serverDryRun} the API server validates it and stores nothing. */
    Applied apply(JsonNode manifest, boolean serverDryRun);

    /** What the server made of an applied object: its id and the resourceVersion it now has. */
    record Applied(String id, String resourceVersion) {}
}
