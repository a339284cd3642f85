package dev.signozha.actions;

import dev.signozha.checks.ClickHouseEvidence;
import dev.signozha.checks.ClusterView;
import dev.signozha.checks.Intended;
import dev.signozha.cluster.clickhouse.ClickHouseInspector;
import dev.signozha.cluster.clickhouse.ConnectionFactory;
import dev.signozha.cluster.clickhouse.DirectHosts;
import dev.signozha.cluster.clickhouse.HostConnector;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.clickhouse.Thresholds;
import io.fabric8.kubernetes.api.model.Pod;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** How doctor looks inside ClickHouse: not at all, at a URL the operator can reach, or through Kubernetes. */
@FunctionalInterface
public interface ClickHouseAccess {

    ClickHouseEvidence look(Optional<Intended> intended, Optional<ClusterView> view);

    static ClickHouseAccess none(String reason) {
        return (intended, view) -> ClickHouseEvidence.absent(reason);
    }

    /** Directly, e.g. from a bastion: jdbc:clickhouse://HOST:PORT (the other hosts on the same port). */
    static ClickHouseAccess direct(String url, ConnectionFactory connections, Thresholds thresholds, Clock clock) {
        URI endpoint = endpoint(url);
        return (intended, view) -> {
            try (HostConnector hosts = new DirectHosts(endpoint.getHost(), endpoint.getPort(), connections)) {
                return inspect(hosts, intended, thresholds, clock);
            }
        };
    }

    /**
     * Through Kubernetes: a port-forward to each ClickHouse pod of the intended installation, the password from
     * the Secret the topology or the installation names (or the given one), never from the command line.
     */
    static ClickHouseAccess viaKubernetes(
            KubeGateway gateway,
            Function<Optional<Intended>, ConnectionFactory> connections,
            Thresholds thresholds,
            Clock clock) {
        return (intended, view) -> {
            List<Pod> pods = view.map(v -> installationPods(v, intended)).orElse(List.of());
            if (pods.isEmpty()) {
                return ClickHouseEvidence.absent("no ClickHouse pod of the release to query");
            }
            try (HostConnector hosts =
                    gateway.clickHouseHosts(view.get().namespace(), pods, connections.apply(intended))) {
                return inspect(hosts, intended, thresholds, clock);
            }
        };
    }

    /** The ClickHouse pods of the intended installation (of any, when none is intended). */
    static List<Pod> installationPods(ClusterView view, Optional<Intended> intended) {
        return view.clickHousePods().stream()
                .filter(pod -> intended.isEmpty()
                        || ClusterView.ofInstallation(pod, intended.get().installation()))
                .toList();
    }

    private static ClickHouseEvidence inspect(
            HostConnector hosts, Optional<Intended> intended, Thresholds thresholds, Clock clock) {
        String cluster = intended.map(Intended::cluster).orElse("");
        return ClickHouseEvidence.of(new ClickHouseInspector(hosts, clock).inspect(cluster), thresholds);
    }

    /** HOST and PORT of a jdbc:clickhouse://HOST:PORT URL, or bad input naming --clickhouse-url. */
    static URI endpoint(String url) {
        try {
            URI endpoint = URI.create(url.replaceFirst("^jdbc:", ""));
            if (endpoint.getHost() == null || endpoint.getPort() < 0) {
                throw new IllegalArgumentException("no host and port");
            }
            return endpoint;
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.single("--clickhouse-url", "'" + url + "' is not jdbc:clickhouse://HOST:PORT");
        }
    }
}
