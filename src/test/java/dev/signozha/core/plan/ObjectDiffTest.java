package dev.signozha.core.plan;

import static dev.signozha.core.plan.LiveObjects.array;
import static dev.signozha.core.plan.LiveObjects.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.RenderedRelease;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectDiffTest {

    private static final RenderedRelease PRODUCTION = LiveObjects.release("production-2x2");
    private static final String CONTAINER = "/spec/template/spec/containers/0";
    private static final String CH_CONTAINER = "/spec/templates/podTemplates/0/spec/containers/0";

    private static Manifest zookeeper() {
        return LiveObjects.manifest(PRODUCTION, "StatefulSet");
    }

    private static Manifest installation() {
        return LiveObjects.manifest(PRODUCTION, "ClickHouseInstallation");
    }

    @Test
    void diff_everyManifestAsServedWithServerFields_isEmpty() {
        for (Manifest manifest : PRODUCTION.manifests()) {
            assertEquals(List.of(), ObjectDiff.diff(manifest.body(), LiveObjects.served(manifest)), manifest.id());
        }
    }

    @Test
    void removals_fieldsAppliedLastTimeAndNoLongerRendered_areRemovedWhereStillLive() {
        ObjectNode lastApplied = zookeeper().body().deepCopy();
        object(lastApplied, CONTAINER + "/resources/limits").put("ephemeral-storage", "2Gi");
        array(lastApplied, CONTAINER + "/env")
                .addObject()
                .put("name", "ZOO_RETIRED")
                .put("value", "yes");
        ObjectNode live = LiveObjects.served(zookeeper());
        object(live, CONTAINER + "/resources/limits").put("ephemeral-storage", "2Gi");
        array(live, CONTAINER + "/env").addObject().put("name", "ZOO_RETIRED").put("value", "yes");

        List<Change> removals = ObjectDiff.removals(lastApplied, zookeeper().body(), live);

        String container = "spec.template.spec.containers[name=zookeeper]";
        assertEquals(
                List.of(container + ".env[name=ZOO_RETIRED].value", container + ".resources.limits.ephemeral-storage"),
                removals.stream().map(Change::path).sorted().toList());
        assertTrue(removals.stream().allMatch(change -> change.after() == null && change.before() != null));
        assertEquals(List.of(), ObjectDiff.diff(zookeeper().body(), live), "the plain diff cannot see them");
    }

    @Test
    void removals_showTheLiveValue_andNeverRepeatWhatTheDiffShows() {
        ObjectNode lastApplied = zookeeper().body().deepCopy();
        array(lastApplied, CONTAINER + "/ports")
                .addObject()
                .put("name", "metrics")
                .put("containerPort", 7000);
        object(lastApplied, "/metadata/labels").put("tier", "old");
        ObjectNode live = LiveObjects.served(zookeeper());
        array(live, CONTAINER + "/ports").addObject().put("name", "metrics").put("containerPort", 7000);
        object(live, "/metadata/labels").put("tier", "edited-by-hand");

        List<Change> removals = ObjectDiff.removals(lastApplied, zookeeper().body(), live);

        assertEquals(
                List.of("metadata.labels.tier"),
                removals.stream().map(Change::path).toList(),
                "the container port, a list the tool owns whole, is already in the diff");
        assertEquals(TextNode.valueOf("edited-by-hand"), removals.get(0).before());
        assertTrue(ObjectDiff.diff(zookeeper().body(), live).stream()
                .anyMatch(change -> change.path().contains("ports[name=metrics]")));
    }

    @Test
    void removals_ofFieldsNoLongerLive_orStillRendered_areNone() {
        ObjectNode lastApplied = zookeeper().body().deepCopy();
        object(lastApplied, CONTAINER + "/resources/limits").put("ephemeral-storage", "2Gi");
        assertEquals(
                List.of(),
                ObjectDiff.removals(lastApplied, zookeeper().body(), LiveObjects.served(zookeeper())),
                "someone already removed it");
        assertEquals(
                List.of(),
                ObjectDiff.removals(zookeeper().body(), zookeeper().body(), LiveObjects.served(zookeeper())),
                "nothing was dropped from the render");
    }

    @Test
    void diff_reorderedEnvPortsAndMounts_isEmpty() {
        ObjectNode live = LiveObjects.served(zookeeper());
        for (String list : List.of("env", "ports", "volumeMounts")) {
            ArrayNode items = array(live, CONTAINER + "/" + list);
            JsonNode first = items.remove(0);
            items.add(first);
        }
        assertEquals(List.of(), ObjectDiff.diff(zookeeper().body(), live));
    }

    @Test
    void diff_quantitiesWrittenDifferently_isEmpty() {
        ObjectNode zk = LiveObjects.served(zookeeper());
        object(zk, CONTAINER + "/resources/requests").put("memory", "1024Mi").put("cpu", "0.5");
        object(zk, "/spec/volumeClaimTemplates/0/spec/resources/requests").put("storage", "20480Mi");
        ObjectNode chi = LiveObjects.served(installation());
        object(chi, CH_CONTAINER + "/resources/requests").put("cpu", 4);
        object(chi, "/spec/templates/volumeClaimTemplates/0/spec/resources/requests")
                .put("storage", "1024Gi");
        assertEquals(List.of(), ObjectDiff.diff(zookeeper().body(), zk));
        assertEquals(List.of(), ObjectDiff.diff(installation().body(), chi));
    }

    @Test
    void diff_quantityPaths_areWhereKubernetesTakesQuantities() {
        assertTrue(TreeValues.isQuantityPath("spec.template.spec.containers[name=x].resources.limits.memory"));
        assertTrue(TreeValues.isQuantityPath(
                "spec.templates.volumeClaimTemplates[name=data].spec.resources.requests.storage"));
        assertTrue(TreeValues.isQuantityPath("spec.template.spec.volumes[name=tmp].emptyDir.sizeLimit"));
        assertTrue(TreeValues.isQuantityPath("clickhouse.persistence.size"));
        assertFalse(TreeValues.isQuantityPath("spec.replicas"));
        assertFalse(TreeValues.isQuantityPath("spec.template.spec.containers[name=x].env[name=ZOO_HEAP_SIZE].value"));
    }

    @Test
    void diff_quantityAtAnOrdinaryPath_comparesText() {
        JsonNode desired = TextNode.valueOf("4");
        assertEquals(
                1,
                ObjectDiff.diff(wrap("port", desired), wrap("port", IntNode.valueOf(4)))
                        .size());
    }

    @Test
    void diff_changedEnvValue_namesTheContainerAndVariable() {
        ObjectNode live = LiveObjects.served(zookeeper());
        object(live, CONTAINER + "/env/3").put("value", "512");
        List<Change> changes = ObjectDiff.diff(zookeeper().body(), live);
        assertEquals(1, changes.size());
        Change change = changes.get(0);
        assertEquals("spec.template.spec.containers[name=zookeeper].env[name=ZOO_HEAP_SIZE].value", change.path());
        assertEquals("512", change.before().asText());
        assertEquals("1024", change.after().asText());
        assertFalse(change.hidden());
    }

    @Test
    void diff_plantedPasswordChanged_isHiddenEverywhere() {
        ObjectNode desired = zookeeper().body().deepCopy();
        array(desired, CONTAINER + "/env")
                .addObject()
                .put("name", "ZOO_CLIENT_PASSWORD")
                .put("value", "Planted-S3cret-4711");
        ObjectNode live = LiveObjects.served(zookeeper());
        array(live, CONTAINER + "/env")
                .addObject()
                .put("name", "ZOO_CLIENT_PASSWORD")
                .put("value", "Old-S3cret-0815");
        List<Change> changes = ObjectDiff.diff(desired, live);
        assertEquals(1, changes.size());
        assertTrue(changes.get(0).hidden());
        assertEquals(
                "spec.template.spec.containers[name=zookeeper].env[name=ZOO_CLIENT_PASSWORD].value",
                changes.get(0).path());
        assertFalse(changes.toString().contains("S3cret"), changes.toString());
    }

    @Test
    void diff_dsnWithPasswordUnderAnInnocentName_isHidden() {
        Change change = ObjectDiff.diff(
                        wrap("endpoint", TextNode.valueOf("tcp://admin:Planted-S3cret-4711@ch:9000")),
                        wrap("endpoint", TextNode.valueOf("tcp://ch:9000")))
                .get(0);
        assertTrue(change.hidden());
        assertFalse(change.toString().contains("S3cret"));
    }

    @Test
    void diff_sidecarInjectedByAWebhook_isNotARemoval() {
        ObjectNode live = LiveObjects.served(zookeeper());
        array(live, "/spec/template/spec/containers")
                .addObject()
                .put("name", "istio-proxy")
                .put("image", "istio/proxyv2");
        array(live, "/spec/template/spec/volumes")
                .addObject()
                .put("name", "istio-envoy")
                .putObject("emptyDir");
        assertEquals(List.of(), ObjectDiff.diff(zookeeper().body(), live));
    }

    @Test
    void diff_liveClusterNoLongerRendered_isARemoval() {
        ObjectNode live = LiveObjects.served(installation());
        array(live, "/spec/configuration/clusters")
                .addObject()
                .put("name", "old")
                .putObject("layout")
                .put("shardsCount", 1);
        List<Change> changes = ObjectDiff.diff(installation().body(), live);
        assertEquals(1, changes.size());
        assertEquals(
                "spec.configuration.clusters[name=old].layout.shardsCount",
                changes.get(0).path());
        assertTrue(changes.get(0).removed());
    }

    @Test
    void diff_volumeMountsSharingAName_matchByMountPath() {
        ObjectNode desired = zookeeper().body().deepCopy();
        array(desired, CONTAINER + "/volumeMounts")
                .addObject()
                .put("name", "scripts")
                .put("mountPath", "/scripts/other.sh")
                .put("subPath", "other.sh");
        ObjectNode live = LiveObjects.served(zookeeper());
        array(live, CONTAINER + "/volumeMounts")
                .insertObject(0)
                .put("name", "scripts")
                .put("mountPath", "/scripts/other.sh")
                .put("subPath", "other.sh");
        assertEquals(List.of(), ObjectDiff.diff(desired, live));
    }

    @Test
    void diff_zookeeperNodesListLongerLive_reportsTheSurplusItem() {
        ObjectNode live = LiveObjects.served(installation());
        array(live, "/spec/configuration/zookeeper/nodes")
                .addObject()
                .put("host", "zk-3")
                .put("port", 2181);
        List<Change> changes = ObjectDiff.diff(installation().body(), live);
        assertEquals(
                List.of("spec.configuration.zookeeper.nodes[3].host", "spec.configuration.zookeeper.nodes[3].port"),
                changes.stream().map(Change::path).toList());
        assertTrue(changes.stream().allMatch(Change::removed));
    }

    @Test
    void diff_fieldMissingLive_isAnAddition() {
        ObjectNode live = LiveObjects.served(installation());
        object(live, "/spec/templates/volumeClaimTemplates/0/spec").remove("storageClassName");
        Change change = ObjectDiff.diff(installation().body(), live).get(0);
        assertEquals("spec.templates.volumeClaimTemplates[name=data].spec.storageClassName", change.path());
        assertNull(change.before());
        assertEquals("gp3", change.after().asText());
    }

    @Test
    void diff_scalarListsReordered_isAChangeOfTheWholeList() {
        ObjectNode live = LiveObjects.served(installation());
        ArrayNode networks = array(live, "/spec/configuration/users/admin~1networks~1ip");
        networks.add(networks.remove(0));
        List<Change> changes = ObjectDiff.diff(installation().body(), live);
        assertEquals(1, changes.size());
        assertEquals(
                "spec.configuration.users.admin/networks/ip", changes.get(0).path());
        assertTrue(changes.get(0).before().isArray() && changes.get(0).after().isArray());
    }

    private static JsonNode wrap(String key, JsonNode value) {
        ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        root.putObject("spec").set(key, value);
        return root;
    }
}
