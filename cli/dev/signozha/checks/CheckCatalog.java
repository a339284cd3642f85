package dev.signozha.checks;

import java.util.List;
import java.util.Optional;

/**
 * Every check code the tool knows, in report order. Codes are never renamed or reused; a retired
 * check keeps its code out of circulation. runbooks/CODE.md exists for each (RunbookCatalogTest).
 */
public final class CheckCatalog {

    public static final String CLICKHOUSE = "clickhouse";
    public static final String CONNECTIVITY = "connectivity";
    public static final String MIGRATION = "schema migration";
    public static final String SCHEDULING = "scheduling";
    public static final String ZOOKEEPER = "zookeeper";
    public static final String RESOURCES = "resources";
    public static final String SECURITY = "security";
    public static final String CLICKHOUSE_HEALTH = "clickhouse health";
    public static final String DATA = "data";
    public static final String RUNS = "signoz-ha runs";

    public static final CheckSpec OPERATOR_MISSING = spec(
            "OPERATOR_MISSING",
            CLICKHOUSE,
            Severity.ERROR,
            "the ClickHouseInstallation CRD and a clickhouse-operator watching the namespace are present",
            "install clickhouse-operator (signoz-ha deploy does it in external mode)");
    public static final CheckSpec OPERATOR_TOO_OLD = spec(
            "OPERATOR_TOO_OLD",
            CLICKHOUSE,
            Severity.ERROR,
            "clickhouse-operator is recent enough for its installations (Keeper: 0.24.0+)",
            "upgrade clickhouse-operator to 0.24.0 or later before deploying or repairing Keeper");
    public static final CheckSpec DUPLICATE_CLICKHOUSE = spec(
            "DUPLICATE_CLICKHOUSE",
            CLICKHOUSE,
            Severity.ERROR,
            "one ClickHouse installation serves the release",
            "keep the installation every component points at; remove the other with signoz-ha cleanup");
    public static final CheckSpec CLICKHOUSE_NOT_READY = spec(
            "CLICKHOUSE_NOT_READY",
            CLICKHOUSE,
            Severity.ERROR,
            "ClickHouse installations are Completed with every host ready",
            "kubectl describe chi; look at status.errors and the operator's log");
    public static final CheckSpec CLICKHOUSE_HOST_UNRESOLVED = spec(
            "CLICKHOUSE_HOST_UNRESOLVED",
            CONNECTIVITY,
            Severity.ERROR,
            "every component's ClickHouse host names an existing Service",
            "point the component at the installation's Service (signoz-ha deploy re-renders every component)");
    public static final CheckSpec CONFIG_DRIFT = spec(
            "CONFIG_DRIFT",
            CONNECTIVITY,
            Severity.ERROR,
            "query service, collectors and migrator use the same ClickHouse host, port and cluster",
            "re-point the drifted components; signoz-ha deploy renders all of them from one host");
    public static final CheckSpec CLICKHOUSE_ENDPOINT_UNREADABLE = spec(
            "CLICKHOUSE_ENDPOINT_UNREADABLE",
            CONNECTIVITY,
            Severity.WARNING,
            "every ClickHouse address of every component can be read",
            "write the address where signoz-ha reads it (env, a ConfigMap, the collector config) or name the "
                    + "installation to clean up with --installation");
    public static final CheckSpec SCHEMA_MIGRATION_TOPOLOGY = spec(
            "SCHEMA_MIGRATION_TOPOLOGY",
            MIGRATION,
            Severity.ERROR,
            "the schema migration runs with the real cluster's topology and finished",
            "re-run the migration with the cluster's shards, replicas, cluster name and replication on");
    public static final CheckSpec ANTI_AFFINITY_UNSCHEDULABLE = spec(
            "ANTI_AFFINITY_UNSCHEDULABLE",
            SCHEDULING,
            Severity.ERROR,
            "no pod is kept Pending by pod anti-affinity",
            "free a node per blocked replica, or remove the other installation whose pods block them");
    public static final CheckSpec INSUFFICIENT_CAPACITY = spec(
            "INSUFFICIENT_CAPACITY",
            SCHEDULING,
            Severity.ERROR,
            "every pod fits the nodes' CPU, memory and pod capacity",
            "add nodes or lower requests; the plan's placement table shows what fits");
    public static final CheckSpec POD_UNSCHEDULABLE = spec(
            "POD_UNSCHEDULABLE",
            SCHEDULING,
            Severity.ERROR,
            "no pod is kept Pending by taints, selectors, volume zones, claims or cordons",
            "give the pod a node it may use: the finding names the taint, selector or zone that keeps it off");
    public static final CheckSpec SINGLE_POINT_OF_FAILURE = spec(
            "SINGLE_POINT_OF_FAILURE",
            SCHEDULING,
            Severity.ERROR,
            "losing any one node or zone leaves every shard a replica and ZooKeeper or Keeper its quorum",
            "spread replicas with antiAffinity: shard (or a zone topologyKey) and reschedule the co-located pods");
    public static final CheckSpec ZOOKEEPER_QUORUM = spec(
            "ZOOKEEPER_QUORUM",
            ZOOKEEPER,
            Severity.ERROR,
            "ZooKeeper or Keeper runs an odd ensemble of at least 3 with a quorum ready",
            "scale ZooKeeper or Keeper to 3 (or 5) and bring members back until a majority is ready");
    public static final CheckSpec ZOOKEEPER_STORAGE = spec(
            "ZOOKEEPER_STORAGE",
            ZOOKEEPER,
            Severity.ERROR,
            "ZooKeeper/Keeper keep data and logs on 10Gi+ volumes (ZooKeeper: autopurge on)",
            "enable autopurge and grow the ZooKeeper volumes before they fill");
    public static final CheckSpec POD_EVICTIONS = spec(
            "POD_EVICTIONS",
            RESOURCES,
            Severity.ERROR,
            "no pod of the release was evicted, OOM-killed or is restarting in a loop",
            "follow the evidence each finding names: memory for an OOM kill, storage for a full disk, else the log");
    public static final CheckSpec NODE_PRESSURE = spec(
            "NODE_PRESSURE",
            RESOURCES,
            Severity.ERROR,
            "no node reports disk, memory or PID pressure",
            "free what the node is short of (disk: images, logs, emptyDir; memory: oversized pods) or add nodes");
    public static final CheckSpec IMAGE_PULL_FAILED = spec(
            "IMAGE_PULL_FAILED",
            RESOURCES,
            Severity.ERROR,
            "every container image of the release can be pulled",
            "fix the image reference or the registry credentials (imagePullSecrets), then delete the stuck pod");
    public static final CheckSpec RESOURCE_LIMITS = spec(
            "RESOURCE_LIMITS",
            RESOURCES,
            Severity.ERROR,
            "ClickHouse and ZooKeeper or Keeper have the profile's memory sizes and none was OOM-killed",
            "set requests and limits from the production profile (signoz-ha plan shows them)");
    public static final CheckSpec LAST_RUN_FAILED = spec(
            "LAST_RUN_FAILED",
            RUNS,
            Severity.WARNING,
            "the last signoz-ha deploy, upgrade or cleanup finished",
            "read its history entry; finish the repair, then run signoz-ha deploy again");
    public static final CheckSpec DEFAULT_CLICKHOUSE_PASSWORD = spec(
            "DEFAULT_CLICKHOUSE_PASSWORD",
            SECURITY,
            Severity.ERROR,
            "no ClickHouse user or component has the chart's published default password",
            "rotate the password: anyone who read the chart knows it (passwordSecret in the topology)");
    public static final CheckSpec CLICKHOUSE_PASSWORD_IN_CLEAR = spec(
            "CLICKHOUSE_PASSWORD_IN_CLEAR",
            SECURITY,
            Severity.WARNING,
            "ClickHouse passwords come from Secrets, not clear text",
            "external mode keeps the password in a Secret (passwordSecret in the topology, k8s_secret_password in the "
                    + "installation, secretKeyRef in every component); bundled mode's chart only takes it in clear");

    public static final CheckSpec CLICKHOUSE_HOST_DOWN = spec(
            "CLICKHOUSE_HOST_DOWN",
            CLICKHOUSE_HEALTH,
            Severity.ERROR,
            "every host in system.clusters answers",
            "look at the host's pod (kubectl describe, logs); the runbook has the restart steps");
    public static final CheckSpec CLICKHOUSE_TOPOLOGY_MISMATCH = spec(
            "CLICKHOUSE_TOPOLOGY_MISMATCH",
            CLICKHOUSE_HEALTH,
            Severity.ERROR,
            "system.clusters defines the topology's cluster with its shards and replicas",
            "make the installation's layout and the topology's cluster name agree before migrating");
    public static final CheckSpec ZOOKEEPER_UNREACHABLE = spec(
            "ZOOKEEPER_UNREACHABLE",
            CLICKHOUSE_HEALTH,
            Severity.ERROR,
            "every ClickHouse host has a working ZooKeeper session",
            "restore ZooKeeper (quorum, network) before anything else; replicas are read-only without it");
    public static final CheckSpec REPLICA_READONLY = spec(
            "REPLICA_READONLY",
            CLICKHOUSE_HEALTH,
            Severity.ERROR,
            "no replicated table is read-only or has an expired ZooKeeper session",
            "restore the ZooKeeper session, then SYSTEM RESTART REPLICA the read-only tables");
    public static final CheckSpec REPLICATION_LAG = spec(
            "REPLICATION_LAG",
            CLICKHOUSE_HEALTH,
            Severity.WARNING,
            "replicas keep up: delay and queue within the thresholds",
            "find what holds the queue (system.replication_queue.last_exception) and fix that host");
    public static final CheckSpec DDL_QUEUE_STUCK = spec(
            "DDL_QUEUE_STUCK",
            CLICKHOUSE_HEALTH,
            Severity.ERROR,
            "no distributed DDL task has been unfinished past the threshold",
            "find the host that has not executed it; migrations wait on this queue");
    public static final CheckSpec REPLICATION_ENGINE_MISMATCH = spec(
            "REPLICATION_ENGINE_MISMATCH",
            CLICKHOUSE_HEALTH,
            Severity.ERROR,
            "with 2 or more replicas, every SigNoz MergeTree table is Replicated",
            "recreate the listed tables as Replicated*MergeTree (the runbook moves their data) and migrate with replication on");
    public static final CheckSpec DISK_USAGE = spec(
            "DISK_USAGE",
            CLICKHOUSE_HEALTH,
            Severity.WARNING,
            "every ClickHouse disk is under " + ClickHouseStorageChecks.WARNING_PERCENT + "% used",
            "grow the volume or shorten retention before the disk fills (error from "
                    + ClickHouseStorageChecks.ERROR_PERCENT + "%)");
    public static final CheckSpec PARTS_BACKLOG = spec(
            "PARTS_BACKLOG",
            CLICKHOUSE_HEALTH,
            Severity.ERROR,
            "no SigNoz partition has half of parts_to_throw_insert active parts",
            "find why merges fall behind (merges, mutations, disk) and batch inserts; TOO_MANY_PARTS stops ingestion");
    public static final CheckSpec MIGRATIONS_INCOMPLETE = spec(
            "MIGRATIONS_INCOMPLETE",
            DATA,
            Severity.ERROR,
            "every SigNoz database exists on every host and no migration failed or is in progress",
            "re-run the schema migration with the cluster's topology (signoz-ha deploy does it)");
    public static final CheckSpec SCHEMA_PARITY = spec(
            "SCHEMA_PARITY",
            DATA,
            Severity.ERROR,
            "every host of the cluster has the same SigNoz databases and tables",
            "create the missing tables on the listed hosts (re-run the schema migration with the cluster's topology)");
    public static final CheckSpec INGESTION_STALLED = spec(
            "INGESTION_STALLED",
            DATA,
            Severity.ERROR,
            "traces, logs and metrics received new rows within the threshold",
            "check the collectors' exporters and their ClickHouse endpoint (CONFIG_DRIFT) first");

    private static final List<CheckSpec> KUBERNETES = List.of(
            OPERATOR_MISSING,
            OPERATOR_TOO_OLD,
            DUPLICATE_CLICKHOUSE,
            CLICKHOUSE_NOT_READY,
            CLICKHOUSE_HOST_UNRESOLVED,
            CONFIG_DRIFT,
            CLICKHOUSE_ENDPOINT_UNREADABLE,
            SCHEMA_MIGRATION_TOPOLOGY,
            ANTI_AFFINITY_UNSCHEDULABLE,
            INSUFFICIENT_CAPACITY,
            POD_UNSCHEDULABLE,
            SINGLE_POINT_OF_FAILURE,
            ZOOKEEPER_QUORUM,
            ZOOKEEPER_STORAGE,
            POD_EVICTIONS,
            NODE_PRESSURE,
            IMAGE_PULL_FAILED,
            RESOURCE_LIMITS,
            DEFAULT_CLICKHOUSE_PASSWORD,
            CLICKHOUSE_PASSWORD_IN_CLEAR,
            LAST_RUN_FAILED);

    private CheckCatalog() {}

    private static final List<CheckSpec> CLICKHOUSE_LEVEL = List.of(
            CLICKHOUSE_HOST_DOWN,
            CLICKHOUSE_TOPOLOGY_MISMATCH,
            ZOOKEEPER_UNREACHABLE,
            REPLICA_READONLY,
            REPLICATION_LAG,
            DDL_QUEUE_STUCK,
            REPLICATION_ENGINE_MISMATCH,
            DISK_USAGE,
            PARTS_BACKLOG,
            MIGRATIONS_INCOMPLETE,
            SCHEMA_PARITY,
            INGESTION_STALLED);

    /** Every check, in report order. */
    public static List<CheckSpec> all() {
        return java.util.stream.Stream.concat(KUBERNETES.stream(), CLICKHOUSE_LEVEL.stream())
                .toList();
    }

    /** Checks judged from Kubernetes objects. */
    public static List<CheckSpec> kubernetes() {
        return KUBERNETES;
    }

    /** Checks judged from inside ClickHouse (system tables and the SigNoz tables). */
    public static List<CheckSpec> clickhouse() {
        return CLICKHOUSE_LEVEL;
    }

    public static Optional<CheckSpec> byCode(String code) {
        return all().stream().filter(spec -> spec.code().equals(code)).findFirst();
    }

    private static CheckSpec spec(String code, String category, Severity severity, String title, String hint) {
        return new CheckSpec(code, category, severity, title, hint);
    }
}
