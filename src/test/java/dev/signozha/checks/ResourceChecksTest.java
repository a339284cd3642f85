package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signozha.core.inventory.SnapshotParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceChecksTest {

    private static final String PODS = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: chi-ch-prod-0-0-0, namespace: platform}
              spec: {containers: [{name: clickhouse, image: clickhouse/clickhouse-server:25.12.99}]}
              status:
                phase: Pending
                containerStatuses:
                - name: clickhouse
                  image: clickhouse/clickhouse-server:25.12.99
                  ready: false
                  restartCount: 0
                  state: {waiting: {reason: ImagePullBackOff, message: "Back-off pulling image"}}
            - apiVersion: v1
              kind: Pod
              metadata: {name: collector-0, namespace: platform}
              spec: {containers: [{name: collector, image: signoz/signoz-otel-collector:v0.144.5}]}
              status:
                phase: Running
                containerStatuses:
                - {name: collector, image: signoz/signoz-otel-collector:v0.144.5, ready: true, restartCount: 0,
                   state: {running: {startedAt: "2026-11-20T09:00:00Z"}}}
            """;

    @Test
    void imagePulls_podInImagePullBackOff_isAFindingNamingPodContainerAndImage() {
        ClusterView view = new ClusterView(SnapshotParser.parse("pods.yaml", PODS), "platform");
        CheckResult result = CheckRunner.run(ResourceChecks.all().stream()
                .filter(c -> c.spec() == CheckCatalog.IMAGE_PULL_FAILED).toList(), new CheckContext(view, Optional.empty()))
                .results().get(0);
        assertEquals(CheckResult.Status.FAIL, result.status());
        assertEquals(1, result.findings().size());
        assertEquals("container clickhouse cannot start: ImagePullBackOff for clickhouse/clickhouse-server:25.12.99 "
                + "(Back-off pulling image)", result.findings().get(0).detail());
        assertEquals(List.of("Pod/platform/chi-ch-prod-0-0-0"), result.findings().get(0).objects());
    }
}
