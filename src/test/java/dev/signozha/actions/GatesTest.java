package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckResult;
import dev.signozha.checks.CheckSpec;
import dev.signozha.checks.Finding;
import dev.signozha.checks.Severity;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which preflight errors stop a deploy before anything changes, and which it goes ahead despite. */
class GatesTest {

    private static final String POD = "Pod/platform/chi-signoz-clickhouse-cluster-1-1-0";

    /** The scheduler's message for each reason, as kube-scheduler 1.30 words it. */
    static List<Object[]> pendingPods() {
        return List.of(
                new Object[] {
                    CheckCatalog.POD_UNSCHEDULABLE,
                    "0/3 nodes are available: 3 node(s) had untolerated taint {dedicated: clickhouse}. "
                            + "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
                },
                new Object[] {
                    CheckCatalog.POD_UNSCHEDULABLE,
                    "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had volume node affinity "
                            + "conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for "
                            + "scheduling."
                },
                new Object[] {
                    CheckCatalog.ANTI_AFFINITY_UNSCHEDULABLE,
                    "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 "
                            + "nodes are available: 3 No preemption victims found for incoming pod."
                },
                new Object[] {
                    CheckCatalog.INSUFFICIENT_CAPACITY,
                    "0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 "
                            + "No preemption victims found for incoming pod."
                });
    }

    private static CheckResult error(CheckSpec spec, String detail) {
        return new CheckResult(spec, CheckResult.Status.FAIL, List.of(Finding.of(detail, POD)), "", Severity.ERROR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pendingPods")
    void aPodThatCannotBePlaced_stopsTheDeploy_whateverKeepsItOffTheNodes(CheckSpec code, String message) {
        assertEquals(
                List.of(code.code() + ": " + message + " (" + POD + ")"),
                Gates.blocking(List.of(error(code, message))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pendingPods")
    void aSchedulingWarning_doesNotStopTheDeploy(CheckSpec code, String message) {
        CheckResult warning =
                new CheckResult(code, CheckResult.Status.FAIL, List.of(Finding.of(message, POD)), "", Severity.WARNING);

        assertEquals(List.of(), Gates.blocking(List.of(warning)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pendingPods")
    void anErrorTheDeployIsAboutToFix_doesNotStopIt(CheckSpec code, String message) {
        List<CheckResult> results = List.of(
                error(CheckCatalog.RESOURCE_LIMITS, "container clickhouse requests 1Gi memory, the profile 8Gi"),
                error(CheckCatalog.CONFIG_DRIFT, "CLICKHOUSE_HOST differs from the installation's service"),
                error(code, message));

        assertEquals(List.of(code.code() + ": " + message + " (" + POD + ")"), Gates.blocking(results));
    }
}
