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
        CheckResult result = CheckRunner.run(
                        ResourceChecks.all().stream()
                                .filter(c -> c.spec() == CheckCatalog.IMAGE_PULL_FAILED)
                                .toList(),
                        new CheckContext(view, Optional.empty()))
                .results()
                .get(0);
        assertEquals(CheckResult.Status.FAIL, result.status());
        assertEquals(1, result.findings().size());
        assertEquals(
                "container clickhouse cannot start: ImagePullBackOff for clickhouse/clickhouse-server:25.12.99 "
                        + "(Back-off pulling image)",
                result.findings().get(0).detail());
        assertEquals(
                List.of("Pod/platform/chi-ch-prod-0-0-0"),
                result.findings().get(0).objects());
    }

    private static final String CLICKHOUSE = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: apps/v1
              kind: StatefulSet
              metadata: {name: chi-ch-prod-0-0, namespace: platform, labels: {clickhouse.altinity.com/app: chop}}
              spec:
                replicas: 1
                selector: {matchLabels: {app: ch}}
                template:
                  metadata: {labels: {app: ch}}
                  spec: {containers: [{name: clickhouse, image: clickhouse/clickhouse-server:25.12.5,
                         resources: {requests: {memory: %1$s}, limits: {memory: %1$s}}}]}
            - apiVersion: v1
              kind: Pod
              metadata: {name: chi-ch-prod-0-0-0, namespace: platform, labels: {clickhouse.altinity.com/app: chop}}
              spec: {nodeName: a, containers: [{name: clickhouse, image: clickhouse/clickhouse-server:25.12.5,
                     resources: {requests: {memory: %1$s}, limits: {memory: %1$s}}}]}
              status:
                phase: Running
                containerStatuses:
                - name: clickhouse
                  image: clickhouse/clickhouse-server:25.12.5
                  ready: true
                  restartCount: %2$d
                  state: {running: {startedAt: "2026-11-20T09:00:00Z"}}
                  lastState: %3$s
            """;

    private static CheckResult limits(String memory, int restarts, String lastState) {
        ClusterView view = new ClusterView(
                SnapshotParser.parse("ch.yaml", CLICKHOUSE.formatted(memory, restarts, lastState)), "platform");
        return CheckRunner.run(
                        ResourceChecks.all().stream()
                                .filter(c -> c.spec() == CheckCatalog.RESOURCE_LIMITS)
                                .toList(),
                        new CheckContext(view, Optional.empty()))
                .results()
                .get(0);
    }

    @Test
    void limits_clickHouseAt4GiInProduction_isUnderWhatThePlanRenders() {
        CheckResult result = limits("4Gi", 0, "{}");
        assertEquals(CheckResult.Status.FAIL, result.status());
        assertEquals(
                "clickhouse requests 4Gi of memory, under the production profile's 8Gi; clickhouse is limited to "
                        + "4Gi of memory, under the production profile's 8Gi",
                result.findings().get(0).detail());
        assertEquals(
                dev.signozha.core.topology.Sizing.of(dev.signozha.core.topology.Profile.PRODUCTION)
                        .clickhouseRequest()
                        .text(),
                "8Gi");
    }

    @Test
    void limits_clickHouseOomKilledAtTheProductionSize_isStillAnError() {
        assertEquals(CheckResult.Status.PASS, limits("8Gi", 0, "{}").status());
        CheckResult result = limits(
                "8Gi",
                2,
                "{terminated: {exitCode: 137, reason: OOMKilled, "
                        + "startedAt: '2026-11-20T08:00:00Z', finishedAt: '2026-11-20T08:59:00Z'}}");
        assertEquals(CheckResult.Status.FAIL, result.status());
        assertEquals(
                List.of("Pod/platform/chi-ch-prod-0-0-0"),
                result.findings().get(0).objects());
        assertEquals(
                "container clickhouse was OOM-killed at a memory limit of 8Gi: whatever the profile, that limit is "
                        + "below what it uses",
                result.findings().get(0).detail());
    }
}
