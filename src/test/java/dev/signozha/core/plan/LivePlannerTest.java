package dev.signozha.core.plan;

import static dev.signozha.core.plan.LiveObjects.array;
import static dev.signozha.core.plan.LiveObjects.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.plan.LivePlan.Action;
import dev.signozha.core.plan.LivePlan.ObjectStep;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.text.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LivePlannerTest {

    private static final RenderedRelease PRODUCTION = LiveObjects.release("production-2x2");
    private static final RenderedRelease BUNDLED = LiveObjects.release("bundled-2x2");
    private static final String CHI = "ClickHouseInstallation/platform/clickhouse-signoz-clickhouse-ha";
    private static final String ZOOKEEPER = "StatefulSet/platform/signoz-ha-zookeeper";
    private static final String ENV = "/spec/template/spec/containers/0/env";

    /** The production install as served, with one object changed by {@code mutation}. */
    private static List<JsonNode> liveWith(String id, Consumer<ObjectNode> mutation) {
        List<JsonNode> live = new ArrayList<>();
        PRODUCTION.manifests().forEach(manifest -> {
            ObjectNode object = LiveObjects.served(manifest);
            if (manifest.id().equals(id)) {
                mutation.accept(object);
            }
            live.add(object);
        });
        return live;
    }

    private static LivePlan plan(List<JsonNode> live) {
        return LiveObjects.plan(PRODUCTION, live, PRODUCTION.values().deepCopy());
    }

    private static ObjectStep step(LivePlan plan, String id) {
        return plan.objects().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void plan_liveAsRenderedWithServerFields_isAllUnchangedAndNone() {
        LivePlan plan = plan(LiveObjects.served(PRODUCTION));
        assertEquals(PRODUCTION.manifests().size(), plan.count(Action.UNCHANGED));
        assertEquals(Action.UNCHANGED, plan.values().action());
        assertEquals(Disruption.NONE, plan.disruption());
        assertFalse(plan.hasChanges());
    }

    @Test
    void plan_nothingLive_createsEveryObjectAndInstallsTheChart() {
        LivePlan plan = LiveObjects.plan(PRODUCTION, List.of(), null);
        assertEquals(PRODUCTION.manifests().size(), plan.count(Action.CREATE));
        assertEquals(Action.CREATE, plan.values().action());
        assertEquals(Disruption.NONE, plan.disruption());
        assertTrue(plan.hasChanges());
    }

    @Test
    void plan_liveInstallationHasThreeShardsDesiredTwo_isDestructiveWithTheReason() {
        LivePlan plan = plan(liveWith(
                CHI, chi -> object(chi, "/spec/configuration/clusters/0/layout").put("shardsCount", 3)));
        ObjectStep step = step(plan, CHI);
        assertEquals(Action.UPDATE, step.action());
        assertEquals(Disruption.DESTRUCTIVE, step.disruption());
        assertEquals(
                "spec.configuration.clusters[name=prod].layout.shardsCount",
                step.changes().get(0).change().path());
        assertEquals(Disruption.DESTRUCTIVE, plan.disruption());
        assertEquals(
                CHI + ": fewer shards: clickhouse-operator deletes the removed shards' hosts and their data",
                plan.reason());
    }

    @Test
    void plan_liveInstallationHasOneReplicaDesiredTwo_scalesOut() {
        LivePlan plan = plan(liveWith(
                CHI, chi -> object(chi, "/spec/configuration/clusters/0/layout").put("replicasCount", 1)));
        assertEquals(Disruption.SCALE_OUT, plan.disruption());
    }

    @Test
    void plan_storageGrowsShrinksOrChangesClass_isClassifiedByDirection() {
        String requests = "/spec/templates/volumeClaimTemplates/0/spec/resources/requests";
        assertEquals(
                Disruption.ROLLING_RESTART,
                plan(liveWith(CHI, chi -> object(chi, requests).put("storage", "500Gi")))
                        .disruption());
        assertEquals(
                Disruption.DESTRUCTIVE,
                plan(liveWith(CHI, chi -> object(chi, requests).put("storage", "2Ti")))
                        .disruption());
        assertEquals(
                Disruption.DESTRUCTIVE,
                plan(liveWith(
                                CHI,
                                chi -> object(chi, "/spec/templates/volumeClaimTemplates/0/spec")
                                        .put("storageClassName", "gp2")))
                        .disruption());
    }

    @Test
    void plan_clickHouseHostRenamed_isDestructive() {
        LivePlan plan = plan(liveWith(
                CHI, chi -> object(chi, "/spec/templates/serviceTemplates/0").put("generateName", "clickhouse-old")));
        assertEquals(Disruption.DESTRUCTIVE, plan.disruption());
        assertTrue(plan.reason().contains("the ClickHouse host changes"), plan.reason());
    }

    @Test
    void plan_zookeeperMembersDown_isDestructiveAndImageChange_rolls() {
        assertEquals(
                Disruption.DESTRUCTIVE,
                plan(liveWith(ZOOKEEPER, zk -> object(zk, "/spec").put("replicas", 5)))
                        .disruption());
        assertEquals(
                Disruption.ROLLING_RESTART,
                plan(liveWith(
                                ZOOKEEPER,
                                zk -> object(zk, "/spec/template/spec/containers/0")
                                        .put("image", "signoz/zookeeper:3.7.0")))
                        .disruption());
        assertEquals(
                Disruption.DESTRUCTIVE,
                plan(liveWith(
                                ZOOKEEPER,
                                zk -> object(zk, "/spec/volumeClaimTemplates/0/spec/resources/requests")
                                        .put("storage", "10Gi")))
                        .disruption());
    }

    @Test
    void plan_ownedObjectNoLongerRendered_isDeletedAndForeignOneLeftAlone() {
        List<JsonNode> live = new ArrayList<>(LiveObjects.served(PRODUCTION));
        ObjectNode owned = LiveObjects.served(LiveObjects.manifest(PRODUCTION, "Service"));
        object(owned, "/metadata").put("name", "signoz-ha-zookeeper-old");
        ObjectNode foreign = owned.deepCopy();
        object(foreign, "/metadata").put("name", "someone-elses");
        object(foreign, "/metadata/labels").put("app.kubernetes.io/managed-by", "Helm");
        live.add(foreign);
        live.add(owned);
        LivePlan plan = plan(live);
        assertEquals(1, plan.count(Action.DELETE));
        ObjectStep deletion = step(plan, "Service/platform/signoz-ha-zookeeper-old");
        assertEquals(Action.DELETE, deletion.action());
        assertEquals(Disruption.NONE, deletion.disruption());
        assertTrue(plan.objects().stream().noneMatch(s -> s.id().endsWith("someone-elses")));
    }

    @Test
    void plan_anObjectSomeoneElseMadeWithARenderedName_isATakeOver_neverANewObject() {
        ObjectNode helms = LiveObjects.served(LiveObjects.manifest(PRODUCTION, "ClickHouseInstallation"));
        object(helms, "/metadata/labels").put("app.kubernetes.io/managed-by", "Helm");
        object(helms, "/spec/defaults/templates").put("dataVolumeClaimTemplate", "data-volumeclaim-template");
        List<JsonNode> owned = LiveObjects.served(PRODUCTION).stream()
                .filter(object -> !LivePlanner.id(object).equals(CHI))
                .toList();

        LivePlan plan = LivePlanner.plan(PRODUCTION, owned, List.of(helms), PRODUCTION.values(), null, null, Map.of());

        ObjectStep step = step(plan, CHI);
        assertEquals(Action.UPDATE, step.action());
        assertEquals(Disruption.DESTRUCTIVE, step.disruption());
        assertTrue(
                step.reason()
                        .startsWith("exists, made by Helm, not by signoz-ha: a deploy takes it over; hosts "
                                + "move to another volume claim template"),
                step.reason());
    }

    @Test
    void plan_releaseLeftFailed_withTheSameValues_isRunAgain() {
        String version = PRODUCTION.chartVersion().toString();
        LivePlan plan = LivePlanner.plan(
                PRODUCTION,
                LiveObjects.served(PRODUCTION),
                List.of(),
                PRODUCTION.values(),
                null,
                new LivePlanner.Release(version, "failed"),
                Map.of());
        assertTrue(plan.hasChanges(), "a failed release is not what the topology asks for");
        ClassifiedChange change = plan.values().changes().get(0);
        assertEquals(LivePlanner.RELEASE_STATUS, change.change().path());
        assertEquals(Disruption.ROLLING_RESTART, change.disruption());
        assertFalse(LivePlanner.plan(
                        PRODUCTION,
                        LiveObjects.served(PRODUCTION),
                        List.of(),
                        PRODUCTION.values(),
                        null,
                        new LivePlanner.Release(version, LivePlanner.Release.DEPLOYED),
                        Map.of())
                .hasChanges());
    }

    @Test
    void plan_aFieldTheToolAppliedLastTimeAndNoLongerRenders_isAnUpdateThatRemovesIt() {
        JsonNode zookeeper = LiveObjects.manifest(PRODUCTION, "StatefulSet").body();
        ObjectNode lastApplied = zookeeper.deepCopy();
        object(lastApplied, "/metadata/labels").put("retired", "yes");
        List<JsonNode> live =
                liveWith(ZOOKEEPER, zk -> object(zk, "/metadata/labels").put("retired", "yes"));

        LivePlan plan = LivePlanner.plan(
                PRODUCTION, live, List.of(), PRODUCTION.values(), null, null, Map.of(ZOOKEEPER, lastApplied));

        ObjectStep step = step(plan, ZOOKEEPER);
        assertEquals(Action.UPDATE, step.action());
        Change removal = step.changes().get(0).change();
        assertEquals("metadata.labels.retired", removal.path());
        assertNull(removal.after());
        assertEquals(
                Action.UNCHANGED,
                step(LiveObjects.plan(PRODUCTION, live, PRODUCTION.values()), ZOOKEEPER)
                        .action(),
                "without what was applied, unseen");
    }

    @Test
    void plan_valuesPointAtAnotherHost_isDestructive() {
        ObjectNode live = PRODUCTION.values().deepCopy();
        object(live, "/externalClickhouse").put("host", "clickhouse-elsewhere");
        LivePlan plan = LiveObjects.plan(PRODUCTION, LiveObjects.served(PRODUCTION), live);
        assertEquals(Action.UPDATE, plan.values().action());
        assertEquals(Disruption.DESTRUCTIVE, plan.disruption());
        assertTrue(
                plan.reason().startsWith("Helm values: SigNoz would read and write another ClickHouse host"),
                plan.reason());
    }

    @Test
    void plan_bundledLayoutShrinksAndCollectorsGrow_isDestructive() {
        ObjectNode live = BUNDLED.values().deepCopy();
        object(live, "/clickhouse/layout").put("shardsCount", 3);
        object(live, "/otelCollector").put("replicaCount", 1);
        object(live, "/clickhouse").put("password", "Planted-S3cret-4711");
        LivePlan plan = LiveObjects.plan(BUNDLED, List.of(), live);
        assertEquals(
                List.of(Disruption.DESTRUCTIVE, Disruption.SCALE_OUT),
                plan.values().changes().stream()
                        .map(ClassifiedChange::disruption)
                        .toList());
        assertEquals(Disruption.DESTRUCTIVE, plan.disruption());
        assertFalse(LivePlanText.render(plan, Style.PLAIN).contains("Planted-S3cret-4711"));
    }

    @Test
    void plan_plantedPasswordChanged_showsChangedAndNeverTheValue() {
        List<JsonNode> live = liveWith(
                ZOOKEEPER,
                zk -> array(zk, ENV)
                        .addObject()
                        .put("name", "ZOO_CLIENT_PASSWORD")
                        .put("value", "Old-S3cret-0815"));
        RenderedRelease desired =
                withPassword(LiveObjects.manifest(PRODUCTION, "StatefulSet").body());
        LivePlan plan = LiveObjects.plan(desired, live, PRODUCTION.values());
        String text = LivePlanText.render(plan, Style.PLAIN);
        assertTrue(text.contains("env[name=ZOO_CLIENT_PASSWORD].value: (changed)"), text);
        assertFalse(text.contains("S3cret"), text);
        assertFalse(plan.toString().contains("S3cret"));
    }

    /** The production release with a password planted in the ZooKeeper container's env. */
    private static RenderedRelease withPassword(JsonNode body) {
        ObjectNode planted = body.deepCopy();
        array(planted, ENV).addObject().put("name", "ZOO_CLIENT_PASSWORD").put("value", "Planted-S3cret-4711");
        return new RenderedRelease(
                PRODUCTION.chartVersion(),
                PRODUCTION.values(),
                PRODUCTION.manifests().stream()
                        .map(m -> m.kind().equals("StatefulSet")
                                ? new Manifest(m.apiVersion(), m.kind(), m.namespace(), m.name(), planted)
                                : m)
                        .toList(),
                PRODUCTION.notes());
    }
}
