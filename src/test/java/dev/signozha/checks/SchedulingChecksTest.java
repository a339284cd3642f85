package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.inventory.SnapshotParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchedulingChecksTest {

    private static final String CLUSTER = """
            apiVersion: v1
            kind: List
            items:
            %s
            """;
    private static final String NODE = """
            - apiVersion: v1
              kind: Node
              metadata: {name: %1$s, labels: {kubernetes.io/hostname: %1$s}}
              status: {allocatable: {cpu: "8", memory: 32Gi, pods: "110"}}
            """;
    private static final String BOUND = """
            - apiVersion: v1
              kind: Pod
              metadata: {name: %1$s, namespace: platform, labels: {app: clickhouse}}
              spec: {nodeName: %2$s, containers: [{name: c, image: clickhouse/clickhouse-server:25.12.5}]}
              status: {phase: Running}
            """;
    private static final String PENDING = """
            - apiVersion: v1
              kind: Pod
              metadata: {name: waiting, namespace: platform, labels: {app: clickhouse}}
              spec:
                containers: [{name: c, image: clickhouse/clickhouse-server:25.12.5,
                              resources: {requests: {cpu: "%s", memory: 1Gi}}}]
                affinity:
                  podAntiAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                    - topologyKey: kubernetes.io/hostname
                      labelSelector: {matchLabels: {app: clickhouse}}
              status: {phase: Pending}
            """;

    private static CheckResult run(CheckSpec spec, String cpu) {
        String items = NODE.formatted("a")
                + NODE.formatted("b")
                + BOUND.formatted("one", "a")
                + BOUND.formatted("two", "b")
                + PENDING.formatted(cpu);
        ClusterView view =
                new ClusterView(SnapshotParser.parse("t.yaml", CLUSTER.formatted(items.indent(0))), "platform");
        CheckReport report = CheckRunner.run(
                List.of(SchedulingChecks.all().stream()
                        .filter(c -> c.spec().equals(spec))
                        .findFirst()
                        .orElseThrow()),
                new CheckContext(view, Optional.empty()));
        return report.results().get(0);
    }

    @Test
    void pendingPodWithoutSchedulerMessage_isExplainedBySimulation() {
        CheckResult result = run(CheckCatalog.ANTI_AFFINITY_UNSCHEDULABLE, "1");
        assertEquals(CheckResult.Status.FAIL, result.status());
        assertEquals(
                "Pending; simulated on the observed nodes: 0/2 nodes are available: "
                        + "2 node(s) didn't match pod anti-affinity rules. (blocked by one on a, two on b)",
                result.findings().get(0).detail());
        assertEquals(List.of("Pod/platform/waiting"), result.findings().get(0).objects());
    }

    @Test
    void pendingPodTooLargeForAnyNode_isACapacityFinding() {
        CheckResult result = run(CheckCatalog.INSUFFICIENT_CAPACITY, "64");
        assertEquals(CheckResult.Status.FAIL, result.status());
        assertTrue(
                result.findings().get(0).detail().endsWith("0/2 nodes are available: 2 Insufficient cpu."),
                result.findings().get(0).detail());
    }

    private static final String SCHEDULER_SAID = """
            - apiVersion: v1
              kind: Pod
              metadata: {name: held, namespace: platform, labels: {app: zookeeper}}
              spec:
                nodeSelector: {pool: clickhouse}
                containers: [{name: zookeeper, image: bitnami/zookeeper:3.8.4}]
              status:
                phase: Pending
                conditions:
                - {type: PodScheduled, status: "False", reason: Unschedulable, message: "%s"}
            """;

    private static List<CheckResult> runAll(String message) {
        String items = NODE.formatted("a") + NODE.formatted("b") + SCHEDULER_SAID.formatted(message);
        ClusterView view =
                new ClusterView(SnapshotParser.parse("t.yaml", CLUSTER.formatted(items.indent(0))), "platform");
        return CheckRunner.run(SchedulingChecks.all(), new CheckContext(view, Optional.empty()))
                .results();
    }

    private static List<String> failed(List<CheckResult> results) {
        return results.stream()
                .filter(r -> r.status() == CheckResult.Status.FAIL)
                .map(r -> r.spec().code())
                .toList();
    }

    @Test
    void taintAndSelector_isPodUnschedulableNamingBoth_notAntiAffinity() {
        List<CheckResult> results =
                runAll("0/6 nodes are available: 3 node(s) didn't match Pod's node affinity/selector, "
                        + "3 node(s) had untolerated taint {dedicated: clickhouse}. preemption: 0/6 nodes are available: "
                        + "6 Preemption is not helpful for scheduling.");
        assertEquals(List.of("POD_UNSCHEDULABLE"), failed(results));
        Finding finding = results.stream()
                .filter(r -> r.spec() == CheckCatalog.POD_UNSCHEDULABLE)
                .findFirst()
                .orElseThrow()
                .findings()
                .get(0);
        assertTrue(
                finding.detail().contains("no node matches nodeSelector/affinity pool=clickhouse"), finding.detail());
        assertTrue(finding.hint().contains("add a toleration for {dedicated: clickhouse}"), finding.hint());
        assertTrue(
                finding.hint().contains("label nodes to match nodeSelector/affinity pool=clickhouse"), finding.hint());
    }

    @Test
    void diskPressureAndVolumeConflict_isPodUnschedulableWithAStorageHint() {
        List<CheckResult> results = runAll("0/3 nodes are available: 1 node(s) had untolerated taint "
                + "{node.kubernetes.io/disk-pressure: }, 2 node(s) had volume node affinity conflict. preemption: "
                + "0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
        assertEquals(List.of("POD_UNSCHEDULABLE"), failed(results));
        Finding finding = results.stream()
                .filter(r -> r.spec() == CheckCatalog.POD_UNSCHEDULABLE)
                .findFirst()
                .orElseThrow()
                .findings()
                .get(0);
        assertTrue(finding.hint().contains("free disk"), finding.hint());
        assertTrue(finding.hint().contains("cannot move"), finding.hint());
    }

    @Test
    void mostlyMemory_isCapacity_andCordon_isPodUnschedulable() {
        assertEquals(
                List.of("INSUFFICIENT_CAPACITY"),
                failed(runAll("0/4 nodes are available: 1 node(s) didn't match "
                        + "pod anti-affinity rules, 3 Insufficient memory.")));
        assertEquals(
                List.of("POD_UNSCHEDULABLE"), failed(runAll("0/2 nodes are available: 2 node(s) were unschedulable.")));
        assertEquals(
                List.of("POD_UNSCHEDULABLE"),
                failed(
                        runAll(
                                "0/3 nodes are available: pod has unbound immediate "
                                        + "PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.")));
    }
}
