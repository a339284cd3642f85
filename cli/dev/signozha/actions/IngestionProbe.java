package dev.signozha.actions;

import dev.signozha.checks.ClusterView;
import dev.signozha.checks.Intended;
import dev.signozha.cluster.clickhouse.ClickHouseSql;
import dev.signozha.cluster.clickhouse.ConnectionFactory;
import dev.signozha.cluster.clickhouse.DirectHosts;
import dev.signozha.cluster.clickhouse.HostConnector;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.clickhouse.IngestionSample;
import dev.signozha.core.render.ResourceNames;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
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
            try (HostConnector connector = hosts.get();
                    Connection seed = connector.seed()) {
                return Optional.of(new ClickHouseSql(seed).ingestion());
            } catch (SQLException | RuntimeException e) {
                return Optional.empty();
            }
        };
    }

    /** At jdbc:clickhouse://HOST:PORT. */
    static IngestionProbe direct(String url, ConnectionFactory connections) {
        return from(seedAt(url, connections));
    }

    /** The host at jdbc:clickhouse://HOST:PORT. */
    static Supplier<HostConnector> seedAt(String url, ConnectionFactory connections) {
        URI endpoint = ClickHouseAccess.endpoint(url);
        return () -> new DirectHosts(endpoint.getHost(), endpoint.getPort(), connections);
    }

    /**
     * Through a port-forward to a ClickHouse pod of the intended installation, a ready one first, looked up again
     * (one LIST of its pods) for every sample: pods restart and are replaced during an upgrade.
     */
    static IngestionProbe viaKubernetes(
            KubeGateway gateway, String namespace, Intended intended, ConnectionFactory connections) {
        return from(seedViaKubernetes(gateway, namespace, intended, connections));
    }

    /** A port-forward to a ClickHouse pod of the intended installation, a ready one first, looked up on each call. */
    static Supplier<HostConnector> seedViaKubernetes(
            KubeGateway gateway, String namespace, Intended intended, ConnectionFactory connections) {
        return () -> gateway.clickHouseHosts(
                namespace,
                gateway.pods(namespace, ResourceNames.INSTALLATION_LABEL, intended.installation()).stream()
                        .sorted(Comparator.comparing((Pod pod) -> !ready(pod))
                                .thenComparing(pod -> pod.getMetadata().getName()))
                        .limit(1)
                        .toList(),
                connections);
    }

    private static boolean ready(Pod pod) {
        List<ContainerStatus> statuses = ClusterView.containerStatuses(pod);
        return !statuses.isEmpty() && statuses.stream().allMatch(status -> Boolean.TRUE.equals(status.getReady()));
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
