package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.inventory.SnapshotParser;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

/** How doctor and cleanup describe an object a finalizer holds, and the cause they name. */
class TerminatingTest {

    private static final String HELD = """
            - apiVersion: clickhouse.altinity.com/v1
              kind: ClickHouseInstallation
              metadata:
                name: old
                namespace: platform
                deletionTimestamp: '2026-10-06T09:00:00Z'
                finalizers: [finalizer.clickhouseinstallation.altinity.com]
              spec: {configuration: {clusters: [{name: prod}]}}
            """;

    private static String operator(String replicas, String ready) {
        return "- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: clickhouse-operator\n"
                + "    namespace: platform\n  spec:\n" + (replicas == null ? "" : "    replicas: " + replicas + "\n")
                + "    template:\n      spec:\n        containers:\n        - name: operator\n"
                + "          image: altinity/clickhouse-operator:0.21.2\n"
                + (ready == null ? "" : "  status:\n    readyReplicas: " + ready + "\n");
    }

    private static String describe(String... items) {
        ClusterView view = new ClusterView(
                SnapshotParser.parse("test", "apiVersion: v1\nkind: List\nitems:\n" + String.join("", items)),
                "platform");
        HasMetadata installation = view.installations().get(0);
        assertTrue(Terminating.is(installation));
        return Terminating.describe(installation, view);
    }

    private static final String PREFIX =
            "ClickHouseInstallation/platform/old is terminating since 2026-10-06T09:00:00Z, "
                    + "held by finalizer(s) finalizer.clickhouseinstallation.altinity.com: ";

    @Test
    void operatorScaledDownOrNotReady_isTheCause() {
        assertEquals(
                PREFIX + "clickhouse-operator Deployment/platform/clickhouse-operator is not running (0 of 1 "
                        + "replicas ready), and only it removes that finalizer; start it again",
                describe(HELD, operator(null, null)));
        assertEquals(
                PREFIX + "clickhouse-operator Deployment/platform/clickhouse-operator is not running (0 of 0 "
                        + "replicas ready), and only it removes that finalizer; start it again",
                describe(HELD, operator("0", "0")));
        assertEquals(
                PREFIX + "clickhouse-operator Deployment/platform/clickhouse-operator is not running (1 of 2 "
                        + "replicas ready), and only it removes that finalizer; start it again",
                describe(HELD, operator("2", "1")));
    }

    @Test
    void readyOperator_orNone_orOtherFinalizers() {
        assertEquals(
                PREFIX + "clickhouse-operator Deployment/platform/clickhouse-operator is ready but has not removed "
                        + "it; its log says why",
                describe(HELD, operator("1", "1")));
        assertEquals(
                PREFIX + "no clickhouse-operator watches namespace platform, and only it removes that finalizer "
                        + "(after deleting the installation's StatefulSets and Services)",
                describe(HELD));
        assertEquals(
                "ClickHouseInstallation/platform/old is terminating since 2026-10-06T09:00:00Z, held by finalizer(s) "
                        + "kubernetes.io/pvc-protection, example.com/backup: a pod still mounts the claim; the controller that "
                        + "added example.com/backup has not removed it",
                describe(HELD.replace(
                        "[finalizer.clickhouseinstallation.altinity.com]",
                        "[kubernetes.io/pvc-protection, example.com/backup]")));
        assertEquals(
                "ClickHouseInstallation/platform/old is terminating since 2026-10-06T09:00:00Z and no finalizer "
                        + "holds it; it goes once its dependents are gone",
                describe(HELD.replace("    finalizers: [finalizer.clickhouseinstallation.altinity.com]\n", "")));
    }

    @Test
    void notMarkedDeleted_isNotTerminating() {
        ClusterView view = new ClusterView(
                SnapshotParser.parse(
                        "test",
                        "apiVersion: v1\nkind: List\nitems:\n"
                                + HELD.replace("    deletionTimestamp: '2026-10-06T09:00:00Z'\n", "")),
                "platform");
        assertFalse(Terminating.is(view.installations().get(0)));
    }
}
