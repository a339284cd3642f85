package dev.signozha.cluster.clickhouse;

import dev.signozha.core.clickhouse.ClusterHost;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reaches each ClickHouse pod from the operator's machine through a port-forward to its HTTP port (8123).
 * A host of system.clusters is the operator's per-host Service (chi-...-S-R), whose pod is that name plus
 * "-0"; its address, when given, is the pod IP. Every forward is closed with this connector.
 */
public final class PortForwardHosts implements HostConnector {

    static final int HTTP_PORT = 8123;

    private final KubernetesClient client;
    private final String namespace;
    private final List<Pod> pods;
    private final ConnectionFactory connections;
    private final List<LocalPortForward> forwards = new ArrayList<>();

    public PortForwardHosts(KubernetesClient client, String namespace, List<Pod> pods, ConnectionFactory connections) {
        this.client = client;
        this.namespace = namespace;
        this.pods = pods;
        this.connections = connections;
    }

    @Override
    public Connection seed() throws SQLException {
        return forward(seedPod(pods)
                .orElseThrow(() -> new SQLException(
                        "no ClickHouse pod is ready in " + namespace + (pods.isEmpty() ? " (there is none)" : ""))));
    }

    /** The pod to ask for system.clusters: the first ready one, never one that cannot answer. */
    static Optional<Pod> seedPod(List<Pod> pods) {
        return pods.stream().filter(PortForwardHosts::ready).findFirst();
    }

    /** The pod the seed connection goes to; with none ready, the first one, which is what is not ready. */
    @Override
    public String seedName() {
        return seedPod(pods)
                .or(() -> pods.stream().findFirst())
                .map(pod -> "Pod/" + namespace + "/" + pod.getMetadata().getName())
                .orElse("Namespace/" + namespace);
    }

    @Override
    public Connection open(ClusterHost host) throws SQLException {
        return forward(podOf(host, pods).orElseThrow(() -> new SQLException("no pod for " + host.hostName())));
    }

    @Override
    public String describe(ClusterHost host) {
        return podOf(host, pods)
                .map(pod -> "Pod/" + namespace + "/" + pod.getMetadata().getName())
                .orElse("ClickHouse/" + host.endpoint());
    }

    /** The pod behind a system.clusters host: by per-host Service name, else by pod IP. */
    static Optional<Pod> podOf(ClusterHost host, List<Pod> pods) {
        String shortName = host.hostName().split("\\.")[0];
        return pods.stream()
                .filter(pod -> pod.getMetadata().getName().equals(shortName + "-0")
                        || pod.getStatus() != null
                                && host.hostAddress().equals(pod.getStatus().getPodIP()))
                .findFirst();
    }

    private Connection forward(Pod pod) throws SQLException {
        LocalPortForward forward = client.pods()
                .inNamespace(namespace)
                .withName(pod.getMetadata().getName())
                .portForward(HTTP_PORT);
        forwards.add(forward);
        return connections.open("127.0.0.1", forward.getLocalPort());
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null
                && Optional.ofNullable(pod.getStatus().getConditions()).orElse(List.of()).stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public void close() {
        for (LocalPortForward forward : forwards) {
            try {
                forward.close();
            } catch (IOException e) {
                // the forward dies with the process anyway
            }
        }
    }
}
