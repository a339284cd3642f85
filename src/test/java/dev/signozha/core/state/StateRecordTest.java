package dev.signozha.core.state;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the last apply is settled: applied, verified and recorded, so a run finding the same has nothing to do. */
class StateRecordTest {

    private static final String HASH = "sha256:ab";
    private static final Instant T0 = Instant.parse("2026-11-21T03:00:00Z");
    private static final List<JsonNode> MANIFESTS =
            List.of(JsonNodeFactory.instance.objectNode().put("kind", "ConfigMap"));

    private static HistoryEntry run(String command, String outcome) {
        return new HistoryEntry(T0, command, "0.131.0", HASH, outcome, "alice@ci", null);
    }

    private static StateRecord applied(HistoryEntry... runs) {
        StateRecord record = StateRecord.empty().applied("topology", HASH, "0.131.0", "0.1.0", MANIFESTS);
        for (HistoryEntry entry : runs) {
            record = record.withEntry(entry);
        }
        return record;
    }

    @Test
    void aSucceededDeploy_ofTheSameValuesAndChart_isSettled_whateverCleanupOrAForceUnlockDidSince() {
        StateRecord record = applied(
                run("deploy", HistoryEntry.SUCCEEDED),
                run("cleanup", HistoryEntry.FAILED),
                run("deploy", HistoryEntry.FORCE_UNLOCKED));
        assertTrue(record.settledAt(HASH, "0.131.0", MANIFESTS));
        assertFalse(record.settledAt("sha256:cd", "0.131.0", MANIFESTS), "other values");
        assertFalse(record.settledAt(HASH, "0.132.0", MANIFESTS), "another chart");
        assertFalse(record.settledAt(HASH, "0.131.0", List.of()), "other objects");
    }

    @Test
    void aLastApplyThatFailedWasRolledBackOrNeverRan_isNotSettled() {
        assertFalse(
                applied(run("deploy", HistoryEntry.SUCCEEDED), run("deploy", HistoryEntry.FAILED))
                        .settledAt(HASH, "0.131.0", MANIFESTS),
                "a killed or failed run after the writes");
        assertFalse(applied(run("upgrade", HistoryEntry.ROLLED_BACK)).settledAt(HASH, "0.131.0", MANIFESTS));
        assertFalse(applied().settledAt(HASH, "0.131.0", MANIFESTS), "applied, but no run recorded");
        assertFalse(StateRecord.empty().settledAt(HASH, "0.131.0", MANIFESTS), "never applied");
    }
}
