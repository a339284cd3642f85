package dev.signozha.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.yaml.CanonicalYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SavedPlanTest {

    private static final String ZK = "StatefulSet/platform/signoz-ha-zookeeper";
    private static final String CHI = "ClickHouseInstallation/platform/clickhouse-signoz-clickhouse-ha";

    private static final LivePlan.ObjectStep ZK_SCALED = new LivePlan.ObjectStep(
            LivePlan.Action.UPDATE,
            ZK,
            List.of(new ClassifiedChange(
                    new Change("spec.replicas", IntNode.valueOf(3), IntNode.valueOf(5)),
                    Disruption.SCALE_OUT,
                    "more replicas")),
            Disruption.SCALE_OUT,
            "more replicas");
    private static final LivePlan NOTHING = now();

    private static LivePlan now(LivePlan.ObjectStep... steps) {
        return new LivePlan(
                List.of(steps),
                new LivePlan.ValuesStep(LivePlan.Action.UNCHANGED, List.of(), Disruption.NONE, "no changes"),
                Disruption.NONE,
                "no changes");
    }

    /** A plan saved with {@code steps}, written to JSON and read back as deploy --plan does. */
    private static SavedPlan plan(LivePlan.ObjectStep... steps) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.putObject("plan").set("objects", CanonicalYaml.tree(List.of(steps)));
        SavedPlan saved = new SavedPlan(
                SavedPlan.SCHEMA_VERSION,
                SavedPlan.KIND,
                "prod",
                "topology text",
                "0.131.0",
                "platform",
                "signoz",
                "context:test",
                "sha256:abc",
                Map.of(ZK, "41", CHI, SavedPlan.ABSENT),
                3,
                data);
        return SavedPlan.parse("plan.json", CanonicalYaml.json(saved));
    }

    @Test
    void nothingMoved_isNoReason() {
        assertEquals(List.of(), plan().changesSince(Map.of(ZK, "41"), 3, "sha256:abc", NOTHING));
    }

    @Test
    void everyKindOfChange_isNamed() {
        assertEquals(
                List.of(
                        "the topology now renders differently (another signoz-ha version or --templates)",
                        CHI + " was created since the plan was made",
                        ZK + " changed since the plan was made (resourceVersion 41 → 57)",
                        "ConfigMap/platform/extra appeared since the plan was made",
                        "Helm release signoz is at revision 4, the plan was made at 3"),
                plan().changesSince(
                                Map.of(ZK, "57", CHI, "9", "ConfigMap/platform/extra", "1"),
                                4,
                                "sha256:other",
                                NOTHING));
    }

    @Test
    void aDeletedObject_isNamed() {
        assertEquals(
                List.of(ZK + " was deleted since the plan was made"),
                plan().changesSince(Map.of(), 3, "sha256:abc", NOTHING));
    }

    @Test
    void aNewResourceVersion_withTheSameStepPlannedNow_isNoReason() {
        assertEquals(
                List.of(),
                plan(ZK_SCALED).changesSince(Map.of(ZK, "57"), 3, "sha256:abc", now(ZK_SCALED)),
                "a status update moves the resourceVersion, not what the plan does");
    }

    @Test
    void aNewResourceVersion_withAnotherStepPlannedNow_isNamed() {
        LivePlan.ObjectStep scaledByHand = new LivePlan.ObjectStep(
                LivePlan.Action.UPDATE,
                ZK,
                List.of(new ClassifiedChange(
                        new Change("spec.replicas", IntNode.valueOf(4), IntNode.valueOf(5)),
                        Disruption.SCALE_OUT,
                        "more replicas")),
                Disruption.SCALE_OUT,
                "more replicas");
        assertEquals(
                List.of(ZK + " changed since the plan was made (resourceVersion 41 → 57)"),
                plan(ZK_SCALED).changesSince(Map.of(ZK, "57"), 3, "sha256:abc", now(scaledByHand)));
    }
}
