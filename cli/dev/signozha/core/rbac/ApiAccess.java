package dev.signozha.core.rbac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one table of what each command asks of the Kubernetes API, from which `signoz-ha rbac` prints the Role and
 * ClusterRole and against which RbacTableTest checks every request the commands make. Reads are the doctor's
 * inventory; without the cluster-wide ones (a namespace-scoped Role) doctor and plan skip the checks that need them.
 */
public final class ApiAccess {

    public static final Permission LIST_NODES = Permission.clusterWide("list", "", "nodes");
    public static final Permission LIST_STORAGE_CLASSES =
            Permission.clusterWide("list", "storage.k8s.io", "storageclasses");
    public static final Permission GET_CRDS =
            Permission.clusterWide("get", "apiextensions.k8s.io", "customresourcedefinitions");
    /** clickhouse-operators may run in any namespace and watch this one. */
    public static final Permission LIST_DEPLOYMENTS_EVERYWHERE = Permission.clusterWide("list", "apps", "deployments");

    private static final String CHI_GROUP = "clickhouse.altinity.com";
    private static final String KEEPER_GROUP = "clickhouse-keeper.altinity.com";
    private static final List<String> WRITE = List.of("create", "update", "patch", "delete");

    private static final Map<String, Set<Permission>> TABLE = table();

    private ApiAccess() {}

    /** The commands that talk to a cluster, in the order the README lists them. */
    public static List<String> commands() {
        return List.copyOf(TABLE.keySet());
    }

    /** What {@code command} may ask for: its own requests, and for deploy and upgrade what helm does for it. */
    public static Set<Permission> of(String command) {
        Set<Permission> permissions = TABLE.get(command);
        if (permissions == null) {
            throw new IllegalArgumentException("unknown command " + command + "; commands: " + commands());
        }
        return permissions;
    }

    private static Map<String, Set<Permission>> table() {
        Set<Permission> reads = reads();
        Set<Permission> clickhouse = set(
                Permission.namespaced("get", "", "secrets"),
                Permission.namespaced("get", "", "pods/portforward"),
                Permission.namespaced("create", "", "pods/portforward"));
        Set<Permission> changes = changes();
        Map<String, Set<Permission>> table = new LinkedHashMap<>();
        table.put("doctor", union(reads, clickhouse));
        table.put("snapshot", reads);
        // get namespaces: whether the plan creates the namespace; a namespace-scoped Role is refused and the plan
        // takes the namespace as existing, since the Role itself lives in it.
        table.put(
                "plan",
                union(
                        reads,
                        set(
                                Permission.namespaced("get", "", "secrets"),
                                Permission.clusterWide("get", "", "namespaces"))));
        table.put("adopt", union(reads, lockAndRecord(), verbs(List.of("get", "list"), "", "secrets")));
        table.put(
                "cleanup",
                union(
                        reads,
                        lockAndRecord(),
                        verbs(List.of("get", "delete"), "", "pods", "persistentvolumeclaims"),
                        verbs(List.of("get", "delete"), "batch", "jobs"),
                        verbs(List.of("get", "delete"), CHI_GROUP, "clickhouseinstallations")));
        table.put("deploy", union(reads, clickhouse, changes));
        table.put("upgrade", union(reads, clickhouse, changes));
        return table;
    }

    /** The doctor's inventory: one LIST per kind. */
    private static Set<Permission> reads() {
        return union(
                set(LIST_NODES, LIST_STORAGE_CLASSES, GET_CRDS, LIST_DEPLOYMENTS_EVERYWHERE),
                verbs(
                        List.of("list"),
                        "",
                        "pods",
                        "services",
                        "endpoints",
                        "persistentvolumeclaims",
                        "events",
                        "configmaps"),
                verbs(List.of("list"), "apps", "statefulsets", "deployments", "daemonsets"),
                verbs(List.of("list"), "batch", "jobs", "cronjobs"),
                verbs(List.of("list"), "policy", "poddisruptionbudgets"),
                verbs(List.of("list"), "coordination.k8s.io", "leases"),
                verbs(List.of("list"), CHI_GROUP, "clickhouseinstallations"),
                verbs(List.of("list"), KEEPER_GROUP, "clickhousekeeperinstallations"));
    }

    /** The lock (a Lease) and the state record (a ConfigMap). */
    private static Set<Permission> lockAndRecord() {
        return union(
                verbs(List.of("get", "create", "update", "patch", "delete"), "coordination.k8s.io", "leases"),
                verbs(List.of("get", "create", "update", "patch"), "", "configmaps"));
    }

    /**
     * deploy and upgrade: the namespace, server-side apply and pruning of what signoz-ha renders, watches for
     * readiness, and what helm installs for the chart and clickhouse-operator.
     */
    private static Set<Permission> changes() {
        Set<Permission> rendered = union(
                verbs(with("get"), "", "configmaps", "services"),
                verbs(with("get"), "policy", "poddisruptionbudgets"),
                verbs(with("get"), "apps", "statefulsets"),
                verbs(with("get"), CHI_GROUP, "clickhouseinstallations"),
                verbs(with("get"), KEEPER_GROUP, "clickhousekeeperinstallations"));
        Set<Permission> watched = union(
                verbs(List.of("list", "watch"), "", "pods", "events"),
                verbs(List.of("list", "watch"), "apps", "statefulsets", "deployments", "daemonsets"),
                verbs(List.of("list", "watch"), "batch", "jobs"),
                verbs(List.of("list", "watch"), CHI_GROUP, "clickhouseinstallations"));
        Set<Permission> namespace = set(
                Permission.clusterWide("get", "", "namespaces"), Permission.clusterWide("create", "", "namespaces"));
        return union(lockAndRecord(), rendered, watched, namespace, helm());
    }

    /** helm install/upgrade/rollback of the SigNoz chart (release records are Secrets) and of clickhouse-operator. */
    private static Set<Permission> helm() {
        List<String> all = List.of("get", "list", "watch", "create", "update", "patch", "delete");
        return union(
                verbs(
                        all,
                        "",
                        "secrets",
                        "configmaps",
                        "services",
                        "serviceaccounts",
                        "persistentvolumeclaims",
                        "pods"),
                verbs(all, "apps", "deployments", "statefulsets", "daemonsets"),
                verbs(all, "batch", "jobs", "cronjobs"),
                verbs(all, "rbac.authorization.k8s.io", "roles", "rolebindings"),
                verbs(all, "networking.k8s.io", "ingresses"),
                verbs(all, "policy", "poddisruptionbudgets"),
                verbs(all, "autoscaling", "horizontalpodautoscalers"),
                clusterVerbs(all, "rbac.authorization.k8s.io", "clusterroles", "clusterrolebindings"),
                clusterVerbs(all, "apiextensions.k8s.io", "customresourcedefinitions"));
    }

    private static List<String> with(String verb) {
        List<String> verbs = new ArrayList<>(WRITE);
        verbs.add(0, verb);
        return verbs;
    }

    private static Set<Permission> verbs(List<String> verbs, String group, String... resources) {
        Set<Permission> permissions = new LinkedHashSet<>();
        for (String resource : resources) {
            verbs.forEach(verb -> permissions.add(Permission.namespaced(verb, group, resource)));
        }
        return permissions;
    }

    private static Set<Permission> clusterVerbs(List<String> verbs, String group, String... resources) {
        Set<Permission> permissions = new LinkedHashSet<>();
        for (String resource : resources) {
            verbs.forEach(verb -> permissions.add(Permission.clusterWide(verb, group, resource)));
        }
        return permissions;
    }

    private static Set<Permission> set(Permission... permissions) {
        return new LinkedHashSet<>(List.of(permissions));
    }

    @SafeVarargs
    private static Set<Permission> union(Set<Permission>... sets) {
        Set<Permission> union = new LinkedHashSet<>();
        for (Set<Permission> set : sets) {
            union.addAll(set);
        }
        return java.util.Collections.unmodifiableSet(union);
    }
}
