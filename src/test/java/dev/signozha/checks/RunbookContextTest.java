package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signozha.actions.InputFiles;
import dev.signozha.core.inventory.SnapshotParser;
import dev.signozha.core.topology.Topology.Spec;
import dev.signozha.core.topology.TopologyLoader;
import dev.signozha.support.Project;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which of the cluster's names doctor hands to the runbooks: only those it really knows. */
class RunbookContextTest {

    private static final String CHI = """
            - apiVersion: clickhouse.altinity.com/v1
              kind: ClickHouseInstallation
              metadata:
                name: signoz-clickhouse
                namespace: signoz
                labels: {app.kubernetes.io/name: clickhouse, app.kubernetes.io/instance: signoz,
                         app.kubernetes.io/component: clickhouse, app.kubernetes.io/managed-by: Helm}
              spec:
                configuration:
                  clusters: [{name: cluster, layout: {shardsCount: 2, replicasCount: 2}}]
            """;
    private static final String ZOOKEEPER = """
            - apiVersion: apps/v1
              kind: StatefulSet
              metadata:
                name: %s
                namespace: signoz
                labels: {app.kubernetes.io/name: zookeeper, app.kubernetes.io/instance: signoz,
                         app.kubernetes.io/component: zookeeper}
              spec:
                replicas: 3
                serviceName: %1$s-headless
                selector: {matchLabels: {app.kubernetes.io/name: zookeeper}}
                template:
                  metadata: {labels: {app.kubernetes.io/name: zookeeper}}
                  spec: {containers: [{name: zookeeper, image: signoz/zookeeper:3.7.1}]}
            """;
    private static final Intended INTENDED = new Intended(
            "test", "signoz", "signoz-clickhouse", "signoz-clickhouse", "cluster", 2, 2, 3, null, null, null, false);

    private static CheckContext context(String... objects) {
        String yaml = "apiVersion: v1\nkind: List\nitems:\n" + String.join("", objects);
        return new CheckContext(
                new ClusterView(SnapshotParser.parse("snapshot.yaml", yaml), "signoz"), Optional.of(INTENDED));
    }

    @Test
    void of_aBundledInstall_namesTheReleaseFromTheInstallationsLabel_andItsOnlyZooKeeper() {
        RunbookContext names =
                RunbookContext.of(context(CHI, ZOOKEEPER.formatted("signoz-zookeeper")), Optional.empty());

        assertEquals(
                Map.of(
                        RunbookName.NAMESPACE, "signoz",
                        RunbookName.RELEASE, "signoz",
                        RunbookName.INSTALLATION, "signoz-clickhouse",
                        RunbookName.CLUSTER, "cluster",
                        RunbookName.ZOOKEEPER, "signoz-zookeeper"),
                names.names());
    }

    private static Spec topology(String example, String release) {
        String text = InputFiles.readText(Project.path(example)).replace("release: signoz", "release: " + release);
        return TopologyLoader.load(example, text).spec();
    }

    @Test
    void of_theTopologysReleaseWinsOverTheLabel_andWithTwoZooKeepersItsOwnIsNamed() {
        Spec spec = topology("examples/production-2x2.yaml", "observability");

        RunbookContext names = RunbookContext.of(
                context(
                        CHI,
                        ZOOKEEPER.formatted("signoz-zookeeper"),
                        ZOOKEEPER.formatted("observability-ha-zookeeper")),
                Optional.of(spec));

        assertEquals(Optional.of("observability"), names.value(RunbookName.RELEASE));
        assertEquals(Optional.of("observability-ha-zookeeper"), names.value(RunbookName.ZOOKEEPER));
        assertEquals(Optional.of("signoz"), names.value(RunbookName.NAMESPACE), "the namespace read wins");
    }

    @Test
    void of_aTopology_namesTheZooKeeperItsModeRuns() {
        assertEquals(
                Optional.of("observability-ha-zookeeper"),
                RunbookContext.of(topology("examples/production-2x2.yaml", "observability"))
                        .value(RunbookName.ZOOKEEPER));
        assertEquals(
                Optional.of("observability-zookeeper"),
                RunbookContext.of(topology("examples/bundled-2x2.yaml", "observability"))
                        .value(RunbookName.ZOOKEEPER));
    }

    @Test
    void with_thePodAndNodeOfTheFindings_onlyWhenTheyNameOneOfEach() {
        RunbookContext names = RunbookContext.of(context(CHI), Optional.empty());
        CheckResult evictions = new CheckResult(
                CheckCatalog.POD_EVICTIONS,
                CheckResult.Status.FAIL,
                List.of(
                        Finding.of("evicted from node node-b", "Pod/signoz/signoz-zookeeper-1", "Node/node-b"),
                        Finding.of("evicted from node node-b", "Pod/signoz/signoz-zookeeper-2", "Node/node-b")),
                "",
                CheckCatalog.POD_EVICTIONS.severity());

        RunbookContext forEvictions = names.with(evictions);

        assertEquals(Optional.of("node-b"), forEvictions.value(RunbookName.NODE));
        assertEquals(Optional.empty(), forEvictions.value(RunbookName.POD));
    }
}
