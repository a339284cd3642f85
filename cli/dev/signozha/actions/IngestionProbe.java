package dev.signozha.actions;

import dev.signozha.checks.ClusterView;
import dev.signozha.checks.Intended;
import dev.signozha.cluster.clickhouse.ClickHouseSql;
import dev.signozha.cluster.clickhouse.ConnectionFactory;
import dev.signozha.cluster.clickhouse.DirectHosts;
import dev.signozha.cluster.clickhouse.HostConnector;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.clickhouse.IngestionSample;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads how far ingestion has come, for upgrade's before-and-during comparison. */
@FunctionalInterface
public interface IngestionProbe {

    /** A sample now; empty when ClickHouse cannot be asked at this moment (it is restarting, say). */
    Optional<IngestionSample> sample();

    /** Whether this probe can ever answer; an upgrade without one says ingestion was not tracked. */
    default boolean enabled() {
        return true;
    }

    /**
     * Asks the seed host {@code hosts} opens, fresh for every sample (pods restart during an upgrade); a host that
     * does not answer, or a failed connection, is no sample.
     */
    static IngestionProbe from(Supplier<HostConnector> hosts) {
        return () -> {
            try (HostConnector connector = hosts.get(); Connection seed = connector.seed()) {
                return Optional.of(new ClickHouseSql(seed).ingestion());
            } catch (SQLException | RuntimeException e) {
                return Optional.empty();
            }
        };
    }

    /** At jdbc:clickhouse://HOST:PORT. */
    static IngestionProbe direct(String url, ConnectionFactory connections) {
        URI endpoint = ClickHouseAccess.endpoint(url);
        return from(() -> new DirectHosts(endpoint.getHost(), endpoint.getPort(), connections));
    }

    /**
     * Through a port-forward to the first ClickHouse pod of the intended installation, looked up again for every
     * sample (pods are replaced during an upgrade).
     */
    static IngestionProbe viaKubernetes(KubeGateway gateway, String namespace, Intended intended,
                                        ConnectionFactory connections) {
        return from(() -> gateway.clickHouseHosts(namespace, ClickHouseAccess.installationPods(
                new ClusterView(gateway.inventory(namespace), namespace), Optional.of(intended)).stream().limit(1)
                .toList(), connections));
    }

    /** No probe: ingestion is not tracked. */
    static IngestionProbe none() {
        return new IngestionProbe() {
            @Override
            public Optional<IngestionSample> sample() {
                return Optional.empty();
            }

            @Override
            public boolean enabled() {
                return false;
            }
        };
    }
}
