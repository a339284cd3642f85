package dev.signozha.core.topology;

import dev.signozha.core.topology.Topology.ClickHouse;
import dev.signozha.core.topology.Topology.NodePool;
import dev.signozha.core.topology.Topology.Resources;
import dev.signozha.core.topology.Topology.Spec;
import dev.signozha.core.topology.Topology.ZooKeeper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a structurally valid topology must still meet: HA minimums of the production profile,
 * quorum arithmetic, sane resource pairs, placeable anti-affinity. Pure; returns every violation.
 */
public final class TopologyRules {

    static final KubeQuantity PRODUCTION_MIN_ZOOKEEPER_STORAGE = KubeQuantity.of("20Gi");
    static final KubeQuantity PRODUCTION_MIN_CLICKHOUSE_MEMORY = KubeQuantity.of("4Gi");
    /** A StatefulSet name longer than this makes its pods' controller-revision-hash label exceed 63. */
    static final int MAX_STATEFULSET_NAME = 52;

    private static final String ZONE_LABEL = "topology.kubernetes.io/zone";

    /** One broken rule; warnings are shown by plan but do not stop loading. */
    public record Violation(String path, String message, boolean isError) {}

    private final List<Violation> violations = new ArrayList<>();

    private TopologyRules() {}

    /** Every violation of the rules, errors and warnings. */
    public static List<Violation> check(Topology topology) {
        TopologyRules rules = new TopologyRules();
        Spec spec = topology.spec();
        rules.chart(spec);
        rules.replication(spec);
        rules.coordination(spec);
        rules.production(spec);
        rules.resourcePairs("spec.clickhouse.resources", spec.clickhouse().resources());
        rules.resourcePairs("spec.zookeeper.resources", spec.zookeeper().resources());
        rules.names(spec);
        rules.ingress(spec);
        rules.capacity(spec);
        rules.backup(spec.backup());
        return List.copyOf(rules.violations);
    }

    private void chart(Spec spec) {
        if (ChartVersion.parse(spec.chart().version()).compareTo(ChartVersion.OLDEST_SUPPORTED) < 0) {
            error(
                    "spec.chart.version",
                    "charts before " + ChartVersion.OLDEST_SUPPORTED
                            + " (queryService.* era) are not supported; upgrade the chart first");
        }
    }

    /** The chart's subchart brings its own ZooKeeper: Keeper is rendered only where signoz-ha owns ClickHouse. */
    private void coordination(Spec spec) {
        if (spec.zookeeper().isKeeper() && spec.clickhouse().mode() == ClickHouseMode.BUNDLED) {
            error(
                    "spec.zookeeper.kind",
                    "keeper needs clickhouse.mode external; in bundled mode the chart runs its own ZooKeeper");
        }
    }

    private void replication(Spec spec) {
        int keepers = spec.zookeeper().replicas();
        if (keepers % 2 == 0) {
            error(
                    "spec.zookeeper.replicas",
                    "an ensemble of " + keepers + " survives no more failures than one of " + (keepers - 1)
                            + "; use an odd count (1, 3 or 5)");
        }
        if (spec.clickhouse().replicas() > 1 && keepers < 3 && spec.profile() != Profile.DEV) {
            error(
                    "spec.zookeeper.replicas",
                    "replicated ClickHouse needs a ZooKeeper quorum that survives the loss of " + "one server; use 3");
        }
        if (spec.clickhouse().replicas() > 1 && spec.clickhouse().antiAffinity() == AntiAffinity.NONE) {
            warn("spec.clickhouse.antiAffinity", "none lets both replicas of a shard land on one node");
        }
    }

    private void production(Spec spec) {
        if (spec.profile() != Profile.PRODUCTION) {
            return;
        }
        ClickHouse clickhouse = spec.clickhouse();
        if (clickhouse.replicas() < 2) {
            error(
                    "spec.clickhouse.replicas",
                    "production needs at least 2 replicas per shard; with 1, losing a pod "
                            + "takes that shard's data offline");
        }
        if (spec.zookeeper().replicas() < 3) {
            error("spec.zookeeper.replicas", "production needs a ZooKeeper quorum of 3 or 5");
        }
        ZooKeeper zookeeper = spec.zookeeper();
        if (zookeeper.storage().size().compareTo(PRODUCTION_MIN_ZOOKEEPER_STORAGE) < 0) {
            error(
                    "spec.zookeeper.storage.size",
                    "production needs at least " + PRODUCTION_MIN_ZOOKEEPER_STORAGE
                            + ": snapshots and transaction logs share this volume, and a full disk loses the quorum");
        }
        requireMemory("spec.clickhouse.resources", clickhouse.resources(), PRODUCTION_MIN_CLICKHOUSE_MEMORY);
        requireMemory("spec.zookeeper.resources", zookeeper.resources(), null);
        if (spec.otelCollector().replicas() < 2) {
            warn("spec.otelCollector.replicas", "one collector is a single point of failure for ingestion");
        }
    }

    private void requireMemory(String path, Resources resources, KubeQuantity minimumRequest) {
        if (resources.limits() == null || resources.limits().memory() == null) {
            error(
                    path + ".limits.memory",
                    "production needs a memory limit, or the node's OOM killer picks the victim");
        }
        if (resources.requests() == null || resources.requests().memory() == null) {
            error(path + ".requests.memory", "production needs a memory request, or the pod is evicted first");
        } else if (minimumRequest != null && resources.requests().memory().compareTo(minimumRequest) < 0) {
            error(path + ".requests.memory", "production needs at least " + minimumRequest);
        }
    }

    private void resourcePairs(String path, Resources resources) {
        if (resources.requests() == null || resources.limits() == null) {
            return;
        }
        if (exceeds(resources.requests().cpu(), resources.limits().cpu())) {
            error(
                    path + ".requests.cpu",
                    "is above the limit " + resources.limits().cpu());
        }
        if (exceeds(resources.requests().memory(), resources.limits().memory())) {
            error(
                    path + ".requests.memory",
                    "is above the limit " + resources.limits().memory());
        }
    }

    private static boolean exceeds(KubeQuantity request, KubeQuantity limit) {
        return request != null && limit != null && request.compareTo(limit) > 0;
    }

    private void names(Spec spec) {
        ClickHouse clickhouse = spec.clickhouse();
        if (clickhouse.mode() == ClickHouseMode.EXISTING && clickhouse.host() == null) {
            error("spec.clickhouse.host", "existing mode needs the name of the Service of the running ClickHouse");
        }
        if (!clickhouse.mode().ownedByTool()) {
            return;
        }
        String longest = "chi-" + clickhouse.host() + "-" + clickhouse.cluster() + "-" + (clickhouse.shards() - 1) + "-"
                + (clickhouse.replicas() - 1);
        if (longest.length() > MAX_STATEFULSET_NAME) {
            error(
                    "spec.clickhouse.host",
                    "the operator names StatefulSets chi-<host>-<cluster>-<shard>-<replica> ('"
                            + longest + "', " + longest.length()
                            + " characters); shorten host or cluster to stay within "
                            + MAX_STATEFULSET_NAME);
        }
    }

    private void ingress(Spec spec) {
        if (Boolean.TRUE.equals(spec.ingress().enabled()) && spec.ingress().host() == null) {
            error("spec.ingress.host", "an enabled ingress needs a host");
        }
    }

    /** One destination, and an S3 URL that ClickHouse reads as a plain string literal. */
    private void backup(Topology.Backup backup) {
        if (backup == null) {
            return;
        }
        if ((backup.s3() == null) == (backup.disk() == null)) {
            error("spec.backup", "set exactly one of s3 and disk");
        }
        Topology.S3Backup s3 = backup.s3();
        if (s3 == null) {
            return;
        }
        if (!s3.url().matches("https?://[^\\s'\\\\]+")) {
            error(
                    "spec.backup.s3.url",
                    "'" + s3.url() + "' is not an http(s) URL without blanks, quotes or backslashes");
        }
        if ((s3.accessKeyId() == null) != (s3.secretAccessKey() == null)) {
            error(
                    s3.accessKeyId() == null ? "spec.backup.s3.accessKeyId" : "spec.backup.s3.secretAccessKey",
                    "S3 credentials need both accessKeyId and secretAccessKey (or neither: the servers' own)");
        }
    }

    private void capacity(Spec spec) {
        if (spec.capacity() == null || spec.capacity().nodePools() == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        List<NodePool> pools = spec.capacity().nodePools();
        for (int i = 0; i < pools.size(); i++) {
            if (!names.add(pools.get(i).name())) {
                error(
                        "spec.capacity.nodePools[" + i + "].name",
                        "'" + pools.get(i).name() + "' names two node pools");
            }
        }
        antiAffinityDomains(spec.clickhouse(), pools);
    }

    private void antiAffinityDomains(ClickHouse clickhouse, List<NodePool> pools) {
        int domains = failureDomains(clickhouse.topologyKey(), pools);
        int needed = switch (clickhouse.antiAffinity()) {
            case NODE -> clickhouse.shards() * clickhouse.replicas();
            case SHARD -> clickhouse.replicas();
            case NONE -> 0;
        };
        if (domains < needed) {
            error(
                    "spec.clickhouse.antiAffinity",
                    clickhouse.antiAffinity().id() + " anti-affinity on "
                            + clickhouse.topologyKey() + " needs " + needed
                            + " distinct domains, the declared capacity has "
                            + domains + "; pods would stay Pending");
        }
    }

    private static int failureDomains(String topologyKey, List<NodePool> pools) {
        if (ZONE_LABEL.equals(topologyKey)) {
            Set<String> zones = new HashSet<>();
            pools.forEach(pool -> zones.addAll(pool.zones() == null ? List.of() : pool.zones()));
            return zones.size();
        }
        return pools.stream().mapToInt(NodePool::count).sum();
    }

    private void error(String path, String message) {
        violations.add(new Violation(path, message, true));
    }

    private void warn(String path, String message) {
        violations.add(new Violation(path, message, false));
    }
}
