package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signozha.core.plan.LivePlan;
import dev.signozha.core.plan.LivePlanner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What rollback deletes of what only the failed upgrade created, and what it must leave in place. */
class RollbackTest {

    private static JsonNode owned(String kind, String name) {
        return new ObjectMapper()
                .valueToTree(Map.of(
                        "kind",
                        kind,
                        "apiVersion",
                        "v1",
                        "metadata",
                        Map.of(
                                "name",
                                name,
                                "namespace",
                                "platform",
                                "labels",
                                Map.of("app.kubernetes.io/managed-by", "signoz-ha"))));
    }

    @Test
    void removable_onlyWhatHoldsNoData_objectsThatMayHoldDataAreLeftInPlace() {
        List<LivePlan.ObjectStep> deletions = LivePlanner.deletions(
                List.of(),
                List.of(
                        owned("ConfigMap", "signoz-ha-zookeeper-scripts"),
                        owned("Service", "signoz-ha-zookeeper"),
                        owned("PodDisruptionBudget", "signoz-ha-zookeeper"),
                        owned("StatefulSet", "signoz-ha-zookeeper"),
                        owned("ClickHouseInstallation", "clickhouse-signoz-clickhouse-ha")));
        Map<Boolean, List<LivePlan.ObjectStep>> removable = Rollback.removable(deletions);
        assertEquals(
                List.of(
                        "ConfigMap/platform/signoz-ha-zookeeper-scripts",
                        "PodDisruptionBudget/platform/signoz-ha-zookeeper",
                        "Service/platform/signoz-ha-zookeeper"),
                removable.get(true).stream().map(LivePlan.ObjectStep::id).toList());
        assertEquals(
                List.of(
                        "ClickHouseInstallation/platform/clickhouse-signoz-clickhouse-ha",
                        "StatefulSet/platform/signoz-ha-zookeeper"),
                removable.get(false).stream().map(LivePlan.ObjectStep::id).toList());
    }
}
