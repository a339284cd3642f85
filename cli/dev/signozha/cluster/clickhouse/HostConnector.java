package dev.signozha.cluster.clickhouse;

import dev.signozha.core.clickhouse.ClusterHost;
import java.sql.Connection;
import java.sql.SQLException;

/** How the tool reaches ClickHouse hosts: the first host to ask, then each host of the cluster. */
public interface HostConnector extends AutoCloseable {

    /** A connection to some host of the cluster, to learn the cluster from. */
    Connection seed() throws SQLException;

    /** How findings name the seed before its cluster is known. */
    String seedName();

    /** A connection to one host listed in system.clusters. */
    Connection open(ClusterHost host) throws SQLException;

    /** How findings name a host: a Pod in Kubernetes, host:port otherwise. */
    String describe(ClusterHost host);

    @Override
    void close();
}
