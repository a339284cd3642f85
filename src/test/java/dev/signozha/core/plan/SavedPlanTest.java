package dev.signozha.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SavedPlanTest {

    private static final String ZK = "StatefulSet/platform/signoz-ha-zookeeper";
    private static final String CHI = "ClickHouseInstallation/platform/clickhouse-signoz-clickhouse-ha";

    private static SavedPlan plan() {
        return new SavedPlan(SavedPlan.SCHEMA_VERSION, SavedPlan.KIND, "prod", "topology text", "0.131.0", "platform",
                "signoz", "context:test", "sha256:abc", Map.of(ZK, "41", CHI, SavedPlan.ABSENT), 3,
                JsonNodeFactory.instance.objectNode());
    }

    @Test
    void nothingMoved_isNoReason() {
        assertEquals(List.of(), plan().changesSince(Map.of(ZK, "41"), 3, "sha256:abc"));
    }

    @Test
    void everyKindOfChange_isNamed() {
        assertEquals(List.of(
                "the topology now renders differently (another signoz-ha version or --templates)",
                CHI + " was created since the plan was made",
                ZK + " changed since the plan was made (resourceVersion 41 → 57)",
                "ConfigMap/platform/extra appeared since the plan was made",
                "Helm release signoz is at revision 4, the plan was made at 3"),
                plan().changesSince(Map.of(ZK, "57", CHI, "9", "ConfigMap/platform/extra", "1"), 4, "sha256:other"));
    }

    @Test
    void aDeletedObject_isNamed() {
        assertEquals(List.of(ZK + " was deleted since the plan was made"), plan().changesSince(Map.of(), 3, "sha256:abc"));
    }
}
