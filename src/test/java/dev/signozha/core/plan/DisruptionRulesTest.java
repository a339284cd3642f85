package dev.signozha.core.plan;

import static dev.signozha.core.plan.Disruption.CONFIG_RELOAD;
import static dev.signozha.core.plan.Disruption.DESTRUCTIVE;
import static dev.signozha.core.plan.Disruption.NONE;
import static dev.signozha.core.plan.Disruption.ROLLING_RESTART;
import static dev.signozha.core.plan.Disruption.SCALE_OUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signozha.core.plan.DisruptionRules.Rule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DisruptionRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHI = "ClickHouseInstallation";
    private static final String STS = "StatefulSet";
    private static final String VALUES = DisruptionRules.HELM_VALUES;
    private static final String CLUSTER = "spec.configuration.clusters[name=prod].layout.";
    private static final String CLAIM = "spec.templates.volumeClaimTemplates[name=data].";
    private static final String POD = "spec.templates.podTemplates[name=clickhouse].";
    private static final String ZK_POD = "spec.template.spec.containers[name=zookeeper].";

    static Stream<Arguments> cases() {
        return Stream.of(
                c("installation: fewer shards", CHI, CLUSTER + "shardsCount", "3", "2", DESTRUCTIVE),
                c("installation: more shards", CHI, CLUSTER + "shardsCount", "2", "3", SCALE_OUT),
                c("installation: fewer replicas", CHI, CLUSTER + "replicasCount", "2", "1", DESTRUCTIVE),
                c("installation: more replicas", CHI, CLUSTER + "replicasCount", "1", "2", SCALE_OUT),
                c("installation: shard count newly set", CHI, CLUSTER + "shardsCount", null, "2", DESTRUCTIVE),
                c(
                        "installation: a cluster no longer rendered",
                        CHI,
                        "spec.configuration.clusters[name=old].layout.shardsCount",
                        "1",
                        null,
                        DESTRUCTIVE),
                c(
                        "installation: smaller storage",
                        CHI,
                        CLAIM + "spec.resources.requests.storage",
                        "\"1Ti\"",
                        "\"500Gi\"",
                        DESTRUCTIVE),
                c(
                        "installation: larger storage",
                        CHI,
                        CLAIM + "spec.resources.requests.storage",
                        "\"500Gi\"",
                        "\"1Ti\"",
                        ROLLING_RESTART),
                c(
                        "installation: new storage class",
                        CHI,
                        CLAIM + "spec.storageClassName",
                        "\"gp2\"",
                        "\"gp3\"",
                        DESTRUCTIVE),
                c(
                        "installation: storage class first set",
                        CHI,
                        CLAIM + "spec.storageClassName",
                        null,
                        "\"gp3\"",
                        DESTRUCTIVE),
                c(
                        "installation: claim access modes",
                        CHI,
                        CLAIM + "spec.accessModes",
                        "[\"ReadWriteMany\"]",
                        "[\"ReadWriteOnce\"]",
                        DESTRUCTIVE),
                c("installation: reclaim policy", CHI, CLAIM + "reclaimPolicy", "\"Delete\"", "\"Retain\"", NONE),
                c(
                        "installation: ClickHouse host renamed",
                        CHI,
                        "spec.templates.serviceTemplates[name=clickhouse].generateName",
                        "\"clickhouse-old\"",
                        "\"clickhouse-new\"",
                        DESTRUCTIVE),
                c(
                        "installation: Service port",
                        CHI,
                        "spec.templates.serviceTemplates[name=clickhouse].spec.ports[name=http].port",
                        "8124",
                        "8123",
                        NONE),
                c(
                        "installation: image",
                        CHI,
                        POD + "spec.containers[name=clickhouse].image",
                        "\"clickhouse/clickhouse-server:25.8\"",
                        "\"clickhouse/clickhouse-server:25.12.5\"",
                        ROLLING_RESTART),
                c(
                        "installation: resources",
                        CHI,
                        POD + "spec.containers[name=clickhouse].resources.requests.cpu",
                        "\"2\"",
                        "\"4\"",
                        ROLLING_RESTART),
                c(
                        "installation: pod distribution",
                        CHI,
                        POD + "podDistribution[0].type",
                        "\"ReplicaAntiAffinity\"",
                        "\"ShardAntiAffinity\"",
                        ROLLING_RESTART),
                c(
                        "installation: ZooKeeper nodes",
                        CHI,
                        "spec.configuration.zookeeper.nodes[0].host",
                        "\"zk-a\"",
                        "\"zk-b\"",
                        ROLLING_RESTART),
                c(
                        "installation: user password (hidden)",
                        CHI,
                        "spec.configuration.users.admin/password",
                        "\"a\"",
                        "\"b\"",
                        CONFIG_RELOAD),
                c(
                        "installation: user networks",
                        CHI,
                        "spec.configuration.users.admin/networks/ip",
                        "[\"10.0.0.0/8\"]",
                        "[\"0.0.0.0/0\"]",
                        CONFIG_RELOAD),
                c(
                        "installation: profile setting",
                        CHI,
                        "spec.configuration.profiles.default/max_memory_usage",
                        "1",
                        "2",
                        CONFIG_RELOAD),
                c(
                        "installation: server pool size",
                        CHI,
                        "spec.configuration.profiles.default/background_fetches_pool_size",
                        "16",
                        "32",
                        ROLLING_RESTART),
                c(
                        "installation: logger level",
                        CHI,
                        "spec.configuration.settings.logger/level",
                        "\"debug\"",
                        "\"information\"",
                        CONFIG_RELOAD),
                c(
                        "installation: max_concurrent_queries",
                        CHI,
                        "spec.configuration.settings.max_concurrent_queries",
                        "100",
                        "200",
                        CONFIG_RELOAD),
                c(
                        "installation: other server setting",
                        CHI,
                        "spec.configuration.settings.max_table_size_to_drop",
                        "0",
                        "1",
                        CONFIG_RELOAD),
                c(
                        "installation: restart-requiring setting",
                        CHI,
                        "spec.configuration.settings.listen_host",
                        "\"::\"",
                        "\"0.0.0.0\"",
                        ROLLING_RESTART),
                c(
                        "installation: labels",
                        CHI,
                        "metadata.labels.signoz-ha/topology",
                        "\"old\"",
                        "\"prod\"",
                        ROLLING_RESTART),
                c(
                        "installation: default data volume template",
                        CHI,
                        "spec.defaults.templates.dataVolumeClaimTemplate",
                        "\"data-old\"",
                        "\"data\"",
                        DESTRUCTIVE),
                c(
                        "installation: default pod template",
                        CHI,
                        "spec.defaults.templates.podTemplate",
                        "\"old\"",
                        "\"clickhouse\"",
                        ROLLING_RESTART),
                c("ZooKeeper: fewer members", STS, "spec.replicas", "5", "3", DESTRUCTIVE),
                c("ZooKeeper: more members", STS, "spec.replicas", "3", "5", SCALE_OUT),
                c(
                        "ZooKeeper: claim size",
                        STS,
                        "spec.volumeClaimTemplates[name=data].spec.resources.requests.storage",
                        "\"20Gi\"",
                        "\"40Gi\"",
                        DESTRUCTIVE),
                c(
                        "ZooKeeper: image",
                        STS,
                        ZK_POD + "image",
                        "\"signoz/zookeeper:3.7.0\"",
                        "\"signoz/zookeeper:3.7.1\"",
                        ROLLING_RESTART),
                c(
                        "ZooKeeper: env",
                        STS,
                        ZK_POD + "env[name=ZOO_HEAP_SIZE].value",
                        "\"512\"",
                        "\"1024\"",
                        ROLLING_RESTART),
                c(
                        "ZooKeeper: selector",
                        STS,
                        "spec.selector.matchLabels.app.kubernetes.io/name",
                        "\"zk\"",
                        "\"zookeeper\"",
                        DESTRUCTIVE),
                c(
                        "ZooKeeper: update strategy",
                        STS,
                        "spec.updateStrategy.type",
                        "\"OnDelete\"",
                        "\"RollingUpdate\"",
                        NONE),
                c("ZooKeeper: labels", STS, "metadata.labels.signoz-ha/topology", "\"old\"", "\"prod\"", NONE),
                c("Service: ports", "Service", "spec.ports[name=tcp-client].port", "2182", "2181", NONE),
                c("PodDisruptionBudget: budget", "PodDisruptionBudget", "spec.maxUnavailable", "2", "1", NONE),
                c("ConfigMap: script", "ConfigMap", "data.setup.sh", "\"old\"", "\"new\"", CONFIG_RELOAD),
                c("ConfigMap: labels", "ConfigMap", "metadata.labels.signoz-ha/topology", "\"old\"", "\"prod\"", NONE),
                c(
                        "other kind: spec",
                        "Deployment",
                        "spec.template.spec.containers[name=x].image",
                        "\"a\"",
                        "\"b\"",
                        ROLLING_RESTART),
                c(
                        "values: external host renamed",
                        VALUES,
                        "externalClickhouse.host",
                        "\"ch-a\"",
                        "\"ch-b\"",
                        DESTRUCTIVE),
                c(
                        "values: bundled host renamed",
                        VALUES,
                        "clickhouse.fullnameOverride",
                        "\"signoz-ch\"",
                        "\"signoz-clickhouse\"",
                        DESTRUCTIVE),
                c("values: fewer bundled shards", VALUES, "clickhouse.layout.shardsCount", "3", "2", DESTRUCTIVE),
                c("values: fewer bundled replicas", VALUES, "clickhouse.layout.replicasCount", "2", "1", DESTRUCTIVE),
                c("values: more bundled shards", VALUES, "clickhouse.layout.shardsCount", "2", "3", SCALE_OUT),
                c(
                        "values: smaller bundled volume",
                        VALUES,
                        "clickhouse.persistence.size",
                        "\"200Gi\"",
                        "\"100Gi\"",
                        DESTRUCTIVE),
                c(
                        "values: fewer bundled ZooKeeper members",
                        VALUES,
                        "clickhouse.zookeeper.replicaCount",
                        "3",
                        "1",
                        DESTRUCTIVE),
                c("values: more collectors", VALUES, "otelCollector.replicaCount", "2", "3", SCALE_OUT),
                c("values: global storage class dropped", VALUES, "global.storageClass", "\"gp3\"", null, DESTRUCTIVE),
                c("values: SigNoz's volume resized", VALUES, "signoz.persistence.size", "\"10Gi\"", null, DESTRUCTIVE),
                c("values: ZooKeeper budget (HA rule)", VALUES, "clickhouse.zookeeper.pdb.create", null, "true", NONE),
                c(
                        "values: a memory limit added (HA rule)",
                        VALUES,
                        "clickhouse.zookeeper.resources.limits.memory",
                        null,
                        "\"2Gi\"",
                        ROLLING_RESTART),
                c("values: fewer collectors", VALUES, "otelCollector.replicaCount", "3", "2", ROLLING_RESTART),
                c(
                        "values: anything else",
                        VALUES,
                        "signoz.ingress.className",
                        "\"nginx\"",
                        "\"alb\"",
                        ROLLING_RESTART));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classify_change_hasTheDeclaredDisruption(
            String name, String kind, String path, String before, String after, Disruption expected) throws Exception {
        ClassifiedChange classified = DisruptionRules.classify(kind, new Change(path, node(before), node(after)));
        assertEquals(expected, classified.disruption(), classified.reason());
        assertFalse(classified.reason().isBlank());
    }

    @Test
    void classify_shardsDown_saysWhyInOneLine() {
        ClassifiedChange classified = DisruptionRules.classify(
                CHI, new Change(CLUSTER + "shardsCount", JSON.valueToTree(3), JSON.valueToTree(2)));
        assertEquals(
                "fewer shards: clickhouse-operator deletes the removed shards' hosts and their data",
                classified.reason());
    }

    @Test
    void classify_aSuppliedValueTheTopologyDrops_saysSo_andAChangedOneDoesNot() throws Exception {
        Change dropped = new Change("signoz.nodeSelector.pool", node("\"system\""), null);
        assertTrue(DisruptionRules.classify(VALUES, dropped)
                .reason()
                .startsWith("set in the release's values, not by the topology: a deploy drops it"));
        Change changed = new Change("signoz.nodeSelector.pool", node("\"system\""), node("\"general\""));
        assertEquals(
                "chart value change: Helm rolls the workloads that use it",
                DisruptionRules.classify(VALUES, changed).reason());
    }

    @Test
    void rules_everyReason_isOneShortLine() {
        for (Rule rule : DisruptionRules.RULES) {
            assertFalse(rule.reason().isBlank(), rule.toString());
            assertFalse(rule.reason().contains("\n"), rule.toString());
            assertTrue(rule.reason().length() <= 120, rule.reason().length() + ": " + rule.reason());
        }
    }

    @Test
    void deletion_ofStatefulKinds_isDestructive() {
        assertEquals(DESTRUCTIVE, DisruptionRules.deletion(CHI).disruption());
        assertEquals(DESTRUCTIVE, DisruptionRules.deletion(STS).disruption());
        assertEquals(
                DESTRUCTIVE,
                DisruptionRules.deletion("ClickHouseKeeperInstallation").disruption());
        assertEquals(NONE, DisruptionRules.deletion("PodDisruptionBudget").disruption());
    }

    @Test
    void classify_anyKindAndPath_findsARule() {
        for (String kind : List.of(CHI, STS, "Service", "ConfigMap", "PodDisruptionBudget", VALUES, "Unknown")) {
            assertTrue(DisruptionRules.classify(kind, new Change("x.y[3].z", null, JSON.valueToTree(1))) != null);
        }
    }

    private static Arguments c(
            String name, String kind, String path, String before, String after, Disruption expected) {
        return Arguments.of(name, kind, path, before, after, expected);
    }

    private static JsonNode node(String json) throws Exception {
        return json == null ? null : JSON.readTree(json);
    }
}
