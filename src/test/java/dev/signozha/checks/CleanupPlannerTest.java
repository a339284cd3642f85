package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.inventory.SnapshotParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which installations cleanup may delete, judged from the endpoints the components use (pure, no cluster). */
class CleanupPlannerTest {

    private static final String OLD = "ClickHouseInstallation/platform/old";
    private static final String NEW = "ClickHouseInstallation/platform/new";

    private static String installation(String name, String extra) {
        return "- apiVersion: clickhouse.altinity.com/v1\n  kind: ClickHouseInstallation\n  metadata:\n    name: "
                + name + "\n    namespace: platform\n" + extra
                + "  spec:\n    configuration:\n      clusters:\n      - name: prod\n";
    }

    private static String component(String name, String host) {
        return "- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: " + name
                + "\n    namespace: platform\n"
                + "  spec:\n    template:\n      spec:\n        containers:\n        - name: c\n          image: x\n"
                + "          env:\n          - name: CLICKHOUSE_HOST\n            value: '" + host + "'\n";
    }

    private static final String CLAIM = """
            - apiVersion: v1
              kind: PersistentVolumeClaim
              metadata:
                name: data-chi-old-prod-0-0-0
                namespace: platform
                labels: {clickhouse.altinity.com/chi: old}
              spec:
                accessModes: [ReadWriteOnce]
                resources: {requests: {storage: 100Gi}}
            """;

    private static ClusterView view(String... items) {
        return new ClusterView(
                SnapshotParser.parse(
                        "test",
                        "apiVersion: v1\nkind: List\nitems:\n" + installation("old", "") + installation("new", "")
                                + String.join("", items)),
                "platform");
    }

    private static CleanupPlanner.Plan plan(ClusterView view) {
        return CleanupPlanner.plan(view, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static List<String> deleted(CleanupPlanner.Plan plan) {
        return plan.deletions().stream().map(CleanupPlanner.Deletion::id).toList();
    }

    @Test
    void noComponentNamesTheHostOfAnyInstallation_everyInstallationIsKept() {
        CleanupPlanner.Plan plan = plan(view(component("collector", "somewhere-else")));
        assertEquals(List.of(), plan.deletions());
        assertEquals(
                List.of("no component names the host of any ClickHouseInstallation, so none is known to be the "
                        + "duplicate; name one with --installation"),
                plan.notes());
        assertEquals(List.of(), plan(view()).deletions(), "no component at all");
    }

    @Test
    void theInstallationNoEndpointReaches_isTheDuplicate_itsVolumesKept() {
        CleanupPlanner.Plan plan = plan(view(component("collector", "clickhouse-new"), CLAIM));
        assertEquals(List.of(OLD), deleted(plan));
        assertEquals(
                List.of("keeping 1 PersistentVolumeClaim(s) of old; --delete-volumes=old deletes them, and their "
                        + "data, too"),
                plan.notes());
        assertEquals(List.of(), plan.refusals());
    }

    @Test
    void everyServiceFormReachesItsInstallation() {
        for (String host : List.of(
                "clickhouse-old",
                "clickhouse-old.platform",
                "clickhouse-old.platform.svc",
                "clickhouse-old.platform.svc.cluster.local",
                "chi-old-prod-0-0",
                "old-by-label")) {
            String service =
                    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: old-by-label\n    namespace: platform\n"
                            + "    labels: {clickhouse.altinity.com/chi: old}\n";
            CleanupPlanner.Plan plan =
                    plan(view(component("collector", "clickhouse-new"), component("query", host), service));
            assertEquals(List.of(), deleted(plan), host);
        }
        assertEquals(
                List.of(OLD),
                deleted(plan(view(
                        component("collector", "clickhouse-new"), component("query", "clickhouse-old.elsewhere")))),
                "a Service of another namespace is not this one");
    }

    @Test
    void askingForAnInstallationInUse_isRefusedNamingWhoUsesIt() {
        CleanupPlanner.Plan plan = CleanupPlanner.plan(
                view(component("collector", "clickhouse-new")), Optional.empty(), Optional.of("new"), Optional.empty());
        assertEquals(List.of(), plan.deletions());
        assertEquals(
                List.of(NEW + " is in use: Deployment/platform/collector (env CLICKHOUSE_HOST) connect(s) to "
                        + "clickhouse-new"),
                plan.refusals());
    }

    @Test
    void theTopologysHost_keepsItsInstallation() {
        CleanupPlanner.Plan plan = CleanupPlanner.plan(
                view(component("collector", "clickhouse-new")),
                Optional.of("clickhouse-old"),
                Optional.empty(),
                Optional.empty());
        assertEquals(List.of(), deleted(plan));
        CleanupPlanner.Plan named = CleanupPlanner.plan(
                view(component("collector", "clickhouse-new")),
                Optional.of("clickhouse-old"),
                Optional.of("old"),
                Optional.empty());
        assertEquals(List.of(OLD + " is in use: the topology's host connect(s) to clickhouse-old"), named.refusals());
    }

    @Test
    void anAddressThatCannotBeRead_keepsEveryInstallation_unlessOneIsNamed() {
        String hidden = component("query", "x")
                .replace(
                        "            value: 'x'\n",
                        "            valueFrom:\n              secretKeyRef: {name: s, key: host}\n");
        CleanupPlanner.Plan plan = plan(view(component("collector", "clickhouse-new"), hidden));
        assertEquals(List.of(), plan.deletions());
        assertEquals(
                List.of(
                        OLD + " may be in use: Deployment/platform/query: env CLICKHOUSE_HOST (from Secret s key "
                                + "host): signoz-ha does not read that value. If you know it is unused, name it: --installation old"),
                plan.refusals());
        CleanupPlanner.Plan named = CleanupPlanner.plan(
                view(component("collector", "clickhouse-new"), hidden),
                Optional.empty(),
                Optional.of("old"),
                Optional.empty());
        assertEquals(List.of(OLD), deleted(named));
        assertEquals(List.of(), named.refusals());
        assertTrue(
                named.notes()
                        .get(0)
                        .startsWith("deleting old as --installation asks, although signoz-ha cannot read "
                                + "Deployment/platform/query"),
                named.notes().toString());
    }

    @Test
    void oneInstallation_isNeverADuplicate_evenWithAnUnreadableAddress() {
        String hidden = component("query", "x")
                .replace(
                        "            value: 'x'\n",
                        "            valueFrom:\n              secretKeyRef: {name: s, key: host}\n");
        ClusterView single = new ClusterView(
                SnapshotParser.parse("test", "apiVersion: v1\nkind: List\nitems:\n" + installation("old", "") + hidden),
                "platform");
        CleanupPlanner.Plan plan = plan(single);
        assertEquals(List.of(), plan.deletions());
        assertEquals(List.of(), plan.refusals());
        assertEquals(List.of("one ClickHouseInstallation, nothing duplicated"), plan.notes());
    }

    @Test
    void volumes_goOnlyWithTheirNamedInstallation() {
        CleanupPlanner.Plan plan = CleanupPlanner.plan(
                view(component("collector", "clickhouse-new"), CLAIM),
                Optional.empty(),
                Optional.empty(),
                Optional.of("old"));
        assertEquals(List.of(OLD, "PersistentVolumeClaim/platform/data-chi-old-prod-0-0-0"), deleted(plan));
        CleanupPlanner.Plan other = CleanupPlanner.plan(
                view(component("collector", "clickhouse-new"), CLAIM),
                Optional.empty(),
                Optional.empty(),
                Optional.of("new"));
        assertEquals(List.of("--delete-volumes=new names no installation this cleanup deletes"), other.refusals());
    }

    @Test
    void namingAnInstallationThatDoesNotExist_isRefused_aTerminatingOneIsAwaitedNotDeleted() {
        ClusterView view = new ClusterView(
                SnapshotParser.parse(
                        "test",
                        "apiVersion: v1\nkind: List\nitems:\n"
                                + installation(
                                        "old",
                                        "    deletionTimestamp: '2026-10-06T09:00:00Z'\n    finalizers: "
                                                + "[finalizer.clickhouseinstallation.altinity.com]\n")
                                + installation("new", "")
                                + component("collector", "clickhouse-new")),
                "platform");
        CleanupPlanner.Plan missing =
                CleanupPlanner.plan(view, Optional.empty(), Optional.of("gone"), Optional.empty());
        assertEquals(List.of("no ClickHouseInstallation gone in namespace platform"), missing.refusals());
        CleanupPlanner.Plan plan = plan(view);
        assertEquals(List.of(), plan.deletions());
        assertEquals(List.of(OLD), plan.terminating());
        CleanupPlanner.Plan named = CleanupPlanner.plan(view, Optional.empty(), Optional.of("old"), Optional.empty());
        assertEquals(List.of(), named.refusals());
        assertEquals(List.of(OLD), named.terminating());
    }
}
