package dev.signozha.cluster.clickhouse;

import dev.signozha.core.clickhouse.ClusterHost;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hosts the operator can reach directly (a bastion, --clickhouse-url): the seed at the URL, every other
 * host at the address system.clusters gives, on the same HTTP port.
 */
public final class DirectHosts implements HostConnector {

    private final String seedHost;
    private final int httpPort;
    private final ConnectionFactory connections;

    public DirectHosts(String seedHost, int httpPort, ConnectionFactory connections) {
        this.seedHost = seedHost;
        this.httpPort = httpPort;
        this.connections = connections;
    }

    @Override
    public Connection seed() throws SQLException {
        return connections.open(seedHost, httpPort);
    }

    @Override
    public String seedName() {
        return "ClickHouse/" + seedHost + ":" + httpPort;
    }

    @Override
    public Connection open(ClusterHost host) throws SQLException {
        return connections.open(address(host), httpPort);
    }

    @Override
    public String describe(ClusterHost host) {
        return "ClickHouse/" + address(host) + ":" + httpPort;
    }

    private static String address(ClusterHost host) {
        return host.hostAddress() == null || host.hostAddress().isBlank() ? host.hostName() : host.hostAddress();
    }

    @Override
    public void close() {
        // connections are closed by their users; nothing is held here
    }
}
