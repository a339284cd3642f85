package dev.signozha.core.clickhouse;

import java.util.List;
import java.util.Set;

/**
 * What one ClickHouse host said, or that it did not answer ({@code error} set, everything else empty).
 * {@code storage} is {@link HostStorage#NOT_READ} when the host did not answer.
 * {@code object} is how findings name it: a Pod in Kubernetes, an address otherwise.
 */
public record HostObservation(
        ClusterHost host,
        String object,
        String error,
        String version,
        Set<String> databases,
        List<ReplicaState> replicas,
        ZooKeeperSession zookeeper,
        HostStorage storage) {

    public static HostObservation down(ClusterHost host, String object, String error) {
        return new HostObservation(host, object, error, null, Set.of(), List.of(), null, HostStorage.NOT_READ);
    }

    public boolean reachable() {
        return error == null;
    }
}
