package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.inventory.SnapshotParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A ClickHouseKeeperInstallation of three servers, each in its own StatefulSet as clickhouse-operator makes them. */
class KeeperChecksTest {

    private static final String INSTALLATION = """
            - apiVersion: clickhouse-keeper.altinity.com/v1
              kind: ClickHouseKeeperInstallation
              metadata: {name: keeper, namespace: platform}
              spec:
                configuration:
                  clusters: [{name: c, layout: {replicasCount: 3}}]
            """;

    /** One server: its StatefulSet (volumes as given) and its ready pod on {@code node}. */
    private static String server(int replica, String node, String volumes) {
        return """
                - apiVersion: apps/v1
                  kind: StatefulSet
                  metadata:
                    name: chk-keeper-c-0-%1$d
                    namespace: platform
                    labels: {clickhouse-keeper.altinity.com/chk: keeper}
                  spec:
                    replicas: 1
                    selector: {matchLabels: {clickhouse-keeper.altinity.com/replica: "%1$d"}}
                    template:
                      spec:
                        containers:
                        - name: clickhouse-keeper
                          image: clickhouse/clickhouse-keeper:25.8.12.129
                          resources: {requests: {memory: 1Gi}, limits: {memory: 2Gi}}
                %3$s
                  status: {replicas: 1, readyReplicas: 1}
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: chk-keeper-c-0-%1$d-0, namespace: platform}
                  spec:
                    nodeName: %2$s
                    containers: [{name: clickhouse-keeper, image: clickhouse/clickhouse-keeper:25.8.12.129}]
                  status:
                    phase: Running
                    conditions: [{type: Ready, status: "True"}]
                """.formatted(replica, node, volumes);
    }

    /** The data directory on a claim from the StatefulSet's template, as the operator mounts it. */
    private static final String CLAIM = String.join(
            "\n",
            "          volumeMounts: [{name: data, mountPath: /var/lib/clickhouse-keeper}]",
            "    volumeClaimTemplates:",
            "    - metadata: {name: data}",
            "      spec: {resources: {requests: {storage: 20Gi}}}");

    /** The data directory on a claim, the Raft log on an emptyDir over it. */
    private static final String EMPTY_DIR = String.join(
            "\n",
            "          volumeMounts:",
            "          - {name: data, mountPath: /var/lib/clickhouse-keeper}",
            "          - {name: logs, mountPath: /var/lib/clickhouse-keeper/coordination/logs}",
            "        volumes: [{name: logs, emptyDir: {}}]",
            "    volumeClaimTemplates:",
            "    - metadata: {name: data}",
            "      spec: {resources: {requests: {storage: 20Gi}}}");

    private static final String NODES = """
            - {apiVersion: v1, kind: Node, metadata: {name: node-a, labels: {kubernetes.io/hostname: node-a}}}
            - {apiVersion: v1, kind: Node, metadata: {name: node-b, labels: {kubernetes.io/hostname: node-b}}}
            - {apiVersion: v1, kind: Node, metadata: {name: node-c, labels: {kubernetes.io/hostname: node-c}}}
            """;

    private static String operator(String version) {
        return """
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: clickhouse-operator, namespace: platform}
                  spec:
                    selector: {matchLabels: {app: clickhouse-operator}}
                    template:
                      spec:
                        containers:
                        - {name: clickhouse-operator, image: "altinity/clickhouse-operator:%s"}
                """.formatted(version);
    }

    private static List<CheckResult> run(String... servers) {
        String yaml = "apiVersion: v1\nkind: List\nitems:\n" + NODES + INSTALLATION + String.join("", servers);
        ClusterView view = new ClusterView(SnapshotParser.parse("keeper.yaml", yaml), "platform");
        List<Check> checks = new java.util.ArrayList<>(ZooKeeperChecks.all());
        ClickHouseChecks.all().stream()
                .filter(check -> check.spec() == CheckCatalog.OPERATOR_TOO_OLD)
                .forEach(checks::add);
        checks.add(Check.of(CheckCatalog.SINGLE_POINT_OF_FAILURE, Resilience::check));
        return CheckRunner.run(checks, new CheckContext(view, Optional.empty())).results();
    }

    private static CheckResult result(List<CheckResult> results, CheckSpec spec) {
        return results.stream().filter(r -> r.spec() == spec).findFirst().orElseThrow();
    }

    /** The first finding of {@code spec}, which must fail on these objects. */
    private static Finding failing(CheckSpec spec, String... objects) {
        CheckResult result = result(run(objects), spec);
        assertEquals(CheckResult.Status.FAIL, result.status(), result.toString());
        return result.findings().get(0);
    }

    @Test
    void threeServersOnThreeNodesWithClaims_passEveryCheck() {
        List<CheckResult> results =
                run(server(0, "node-a", CLAIM), server(1, "node-b", CLAIM), server(2, "node-c", CLAIM));
        results.forEach(r -> assertEquals(CheckResult.Status.PASS, r.status(), r.toString()));
    }

    @Test
    void operatorTooOld_anOperatorBeforeTheKeeperLayoutWatchesTheNamespace_isAnErrorNamingIt() {
        CheckResult old = result(
                run(operator("0.23.7"), server(0, "node-a", CLAIM), server(1, "node-b", CLAIM)),
                CheckCatalog.OPERATOR_TOO_OLD);
        assertEquals(CheckResult.Status.FAIL, old.status());
        assertEquals(
                List.of("Deployment/platform/clickhouse-operator"),
                old.findings().get(0).objects());
        assertTrue(old.findings().get(0).detail().startsWith("clickhouse-operator 0.23.7 predates 0.24.0"));
        assertEquals(
                CheckResult.Status.PASS,
                result(run(operator("0.25.6"), server(0, "node-a", CLAIM)), CheckCatalog.OPERATOR_TOO_OLD)
                        .status());
    }

    @Test
    void storage_serverWithoutAnyVolume_isAFindingNamingTheInstallation() {
        CheckResult storage = result(
                run(server(0, "node-a", CLAIM), server(1, "node-b", CLAIM), server(2, "node-c", "")),
                CheckCatalog.ZOOKEEPER_STORAGE);
        assertEquals(CheckResult.Status.FAIL, storage.status());
        Finding finding = storage.findings().get(0);
        assertEquals(List.of("ClickHouseKeeperInstallation/platform/keeper"), finding.objects());
        assertTrue(
                finding.detail()
                        .startsWith("storage_path /var/lib/clickhouse-keeper, log_storage_path "
                                + "/var/lib/clickhouse-keeper/coordination/logs, snapshot_storage_path "
                                + "/var/lib/clickhouse-keeper/coordination/snapshots are on no volume"),
                finding.detail());
        assertTrue(finding.hint(CheckCatalog.ZOOKEEPER_STORAGE).contains("Keeper"), finding.hint());
    }

    @Test
    void storage_raftLogOnEmptyDir_isAFinding() {
        String detail = failing(
                        CheckCatalog.ZOOKEEPER_STORAGE,
                        server(0, "node-a", EMPTY_DIR),
                        server(1, "node-b", CLAIM),
                        server(2, "node-c", CLAIM))
                .detail();
        assertTrue(
                detail.startsWith("log_storage_path /var/lib/clickhouse-keeper/coordination/logs is on emptyDir "
                        + "volume logs"),
                detail);
    }

    @Test
    void quorum_missingServerStatefulSet_countsAgainstTheDeclaredThree() {
        assertEquals(
                "1 of 3 Keeper servers ready, a quorum needs 2",
                failing(CheckCatalog.ZOOKEEPER_QUORUM, server(0, "node-a", CLAIM))
                        .detail());
    }

    @Test
    void singlePointOfFailure_twoServersOnOneNode_isAnErrorForTheKeeperQuorum() {
        Finding finding = failing(
                CheckCatalog.SINGLE_POINT_OF_FAILURE,
                server(0, "node-a", CLAIM),
                server(1, "node-a", CLAIM),
                server(2, "node-c", CLAIM));
        assertEquals(Severity.ERROR, finding.severity());
        assertTrue(
                finding.detail().contains("ClickHouseKeeperInstallation/platform/keeper: 1 of 3 left"),
                finding.detail());
    }
}
