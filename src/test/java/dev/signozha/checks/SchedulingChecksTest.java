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
        String items = NODE.formatted("a") + NODE.formatted("b") + BOUND.formatted("one", "a") + BOUND.formatted("two", "b")
                + PENDING.formatted(cpu);
        ClusterView view = new ClusterView(SnapshotParser.parse("t.yaml", CLUSTER.formatted(items.indent(0))), "platform");
        CheckReport report = CheckRunner.run(List.of(SchedulingChecks.all().stream()
                .filter(c -> c.spec().equals(spec)).findFirst().orElseThrow()), new CheckContext(view, Optional.empty()));
        return report.results().get(0);
    }

    @Test
    void pendingPodWithoutSchedulerMessage_isExplainedBySimulation() {
        CheckResult result = run(CheckCatalog.ANTI_AFFINITY_UNSCHEDULABLE, "1");
        assertEquals(CheckResult.Status.FAIL, result.status());
        assertEquals("Pending; simulated on the observed nodes: 0/2 nodes are available: "
                + "2 node(s) didn't match pod anti-affinity rules.", result.findings().get(0).detail());
        assertEquals(List.of("Pod/platform/waiting"), result.findings().get(0).objects());
    }

    @Test
    void pendingPodTooLargeForAnyNode_isACapacityFinding() {
        CheckResult result = run(CheckCatalog.INSUFFICIENT_CAPACITY, "64");
        assertEquals(CheckResult.Status.FAIL, result.status());
        assertTrue(result.findings().get(0).detail().endsWith("0/2 nodes are available: 2 Insufficient cpu."),
                result.findings().get(0).detail());
    }
}
