package dev.signozha.cluster.clickhouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections through the current clickhouse-jdbc driver (com.clickhouse), instantiated directly so no
 * other driver on the class path can answer for it.
 */
public final class DriverConnections implements ConnectionFactory {

    static final int SOCKET_TIMEOUT_MILLIS = 20_000;
    private final Credentials credentials;

    public DriverConnections(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Connection open(String host, int httpPort) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", credentials.user());
        properties.setProperty("password", credentials.password());
        properties.setProperty("socket_timeout", String.valueOf(SOCKET_TIMEOUT_MILLIS));
        Connection connection = new com.clickhouse.jdbc.Driver()
                .connect("jdbc:clickhouse://" + host + ":" + httpPort + "/default", properties);
        if (connection == null) {
            throw new SQLException("the driver refused the URL for " + host + ":" + httpPort);
        }
        return connection;
    }
}
