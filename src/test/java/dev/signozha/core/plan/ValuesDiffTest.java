package dev.signozha.core.plan;

import static dev.signozha.core.plan.LiveObjects.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesDiffTest {

    private static final JsonNode BUNDLED = LiveObjects.release("bundled-2x2").values();
    private static final JsonNode PRODUCTION =
            LiveObjects.release("production-2x2").values();

    @Test
    void diff_liveEqualsRendered_isEmpty() {
        assertEquals(List.of(), ValuesDiff.diff(PRODUCTION, PRODUCTION.deepCopy()));
    }

    @Test
    void diff_liveHoldsTheRealPasswordForTheDeployTimePlaceholder_isEmptyAndShowsNoPassword() {
        ObjectNode live = BUNDLED.deepCopy();
        object(live, "/clickhouse").put("password", "Planted-S3cret-4711");
        List<Change> changes = ValuesDiff.diff(BUNDLED, live);
        assertEquals(List.of(), changes);
    }

    @Test
    void diff_valueTheReleaseAlreadyHasInEffect_isNoChange_butAnotherValueAndARemovalAre() {
        ObjectNode supplied = PRODUCTION.deepCopy();
        ((ObjectNode) supplied.path("otelCollector")).remove("replicaCount");
        object(supplied, "/signoz").put("nodeSelector", "pool");
        ObjectNode inEffect = supplied.deepCopy();
        object(inEffect, "/otelCollector")
                .put(
                        "replicaCount",
                        PRODUCTION.at("/otelCollector/replicaCount").asInt());
        assertEquals(
                List.of("signoz.nodeSelector"),
                ValuesDiff.diff(PRODUCTION, supplied, inEffect).stream()
                        .map(Change::path)
                        .toList(),
                "a chart default the topology states is no change; a supplied value it drops still is");
        object(inEffect, "/otelCollector").put("replicaCount", 9);
        assertEquals(
                List.of("otelCollector.replicaCount", "signoz.nodeSelector"),
                ValuesDiff.diff(PRODUCTION, supplied, inEffect).stream()
                        .map(Change::path)
                        .toList());
    }

    @Test
    void diff_keyOnlyTheLiveReleaseHas_isARemoval() {
        ObjectNode live = PRODUCTION.deepCopy();
        object(live, "/signoz").putObject("podAnnotations").put("team", "observability");
        List<Change> changes = ValuesDiff.diff(PRODUCTION, live);
        assertEquals(1, changes.size());
        assertEquals("signoz.podAnnotations.team", changes.get(0).path());
        assertTrue(changes.get(0).removed());
    }

    @Test
    void diff_listItemChanged_reportsTheWholeList() {
        ObjectNode live = PRODUCTION.deepCopy();
        object(live, "/signoz/ingress/hosts/0").put("host", "old.example.com");
        List<Change> changes = ValuesDiff.diff(PRODUCTION, live);
        assertEquals(
                List.of("signoz.ingress.hosts"),
                changes.stream().map(Change::path).toList());
        assertTrue(changes.get(0).before().isArray());
    }

    @Test
    void diff_sizesWrittenDifferently_isEmpty() {
        ObjectNode live = BUNDLED.deepCopy();
        object(live, "/clickhouse/persistence").put("size", "204800Mi");
        object(live, "/clickhouse/resources/requests").put("cpu", 2).put("memory", "8192Mi");
        assertEquals(List.of(), ValuesDiff.diff(BUNDLED, live));
    }

    @Test
    void diff_secretLookingValueChanged_isHidden() {
        ObjectNode live = PRODUCTION.deepCopy();
        object(live, "/externalClickhouse").put("existingSecretPasswordKey", "old-key");
        Change change = ValuesDiff.diff(PRODUCTION, live).get(0);
        assertTrue(change.hidden());
        assertFalse(change.toString().contains("old-key"));
    }
}
