package dev.signozha.core.clickhouse;

/** One row of system.clusters: a host of a cluster, by shard and replica number (1-based), with its native port. */
public record ClusterHost(String cluster, int shard, int replica, String hostName, String hostAddress, int port) {

    /** host:port as ClickHouse names it in errors. */
    public String endpoint() {
        return hostName + ":" + port;
    }
}
