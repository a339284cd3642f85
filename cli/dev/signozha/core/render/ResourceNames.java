package dev.signozha.core.render;

import dev.signozha.core.topology.Topology.Spec;

/** Names of the objects an install consists of; the one place that knows them. */
public final class ResourceNames {

    /** Labels every object the tool renders carries. */
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

    public static final String MANAGED_BY_VALUE = "signoz-ha";
    public static final String TOPOLOGY_LABEL = "signoz-ha/topology";
    /** The label clickhouse-operator puts on everything it creates for an installation: the installation's name. */
    public static final String INSTALLATION_LABEL = "clickhouse.altinity.com/chi";

    private final Spec spec;

    public ResourceNames(Spec spec) {
        this.spec = spec;
    }

    /** The ClickHouseInstallation: named after the host, whose service it also names. */
    public String installation() {
        return spec.clickhouse().host();
    }

    /**
     * The tool's own ZooKeeper (external mode). Deliberately not release-zookeeper, the chart's name,
     * so it can never collide with the ZooKeeper of a bundled install of the same release.
     */
    public String zookeeper() {
        return spec.release() + "-ha-zookeeper";
    }

    public String zookeeperHeadless() {
        return zookeeper() + "-headless";
    }

    /** The tool's ClickHouseKeeperInstallation (external mode, zookeeper.kind keeper), beside the ZooKeeper name. */
    public String keeper() {
        return spec.release() + "-ha-keeper";
    }

    /**
     * The StatefulSet (and pod prefix) clickhouse-operator creates for Keeper server {@code n} (0-based) of the
     * rendered installation's one cluster, "keeper": chk-NAME-CLUSTER-SHARD-REPLICA.
     */
    public String keeperServer(int n) {
        return "chk-" + keeper() + "-keeper-0-" + n;
    }

    /** The client Service clickhouse-operator creates for a Keeper installation: keeper-NAME (pkg/model/chk/namer). */
    public String keeperService() {
        return "keeper-" + keeper();
    }

    /** The ZooKeeper the chart's subchart creates (bundled mode). */
    public String bundledZookeeper() {
        return spec.release() + "-zookeeper";
    }

    /** The per-host StatefulSet (and pod prefix) the operator creates for shard s, replica r (0-based). */
    public String clickhouseHost(int shard, int replica) {
        return "chi-" + installation() + "-" + spec.clickhouse().cluster() + "-" + shard + "-" + replica;
    }

    /** The PodDisruptionBudget clickhouse-operator creates for the cluster (maxUnavailable 1). */
    public String operatorDisruptionBudget() {
        return installation() + "-" + spec.clickhouse().cluster();
    }

    /** The chart's names: a release that contains "signoz" is used as is, otherwise release-signoz. */
    public String signoz() {
        return spec.release().contains("signoz") ? spec.release() : spec.release() + "-signoz";
    }

    public String otelCollector() {
        return signoz() + "-otel-collector";
    }
}
