package dev.signozha.actions;

import dev.signozha.cluster.kube.DeployCluster;
import dev.signozha.cluster.kube.NamespaceWatch;

/**
 * A run's watches on its namespace, opened on first use and once more when the ClickHouseInstallation CRD appeared
 * since (an operator installed by this run), so installations are watched too. Closing closes them.
 */
final class Watches implements AutoCloseable {

    private final DeployCluster cluster;
    private final String namespace;
    private NamespaceWatch watch;

    Watches(DeployCluster cluster, String namespace) {
        this.cluster = cluster;
        this.namespace = namespace;
    }

    NamespaceWatch current() {
        if (watch != null && !watch.watchesInstallations() && cluster.hasClickHouseCrd()) {
            close();
        }
        if (watch == null) {
            watch = cluster.watch(namespace);
        }
        return watch;
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }
}
