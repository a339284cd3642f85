package dev.signozha.support.clickhouse;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * JDBC connections to the ClickHouse 18.16 servers of the local test cluster, made the only way that
 * works against them: the legacy driver class {@code ru.yandex.clickhouse.ClickHouseDriver},
 * instantiated explicitly (through {@code DriverManager} a {@code com.clickhouse} driver on the
 * classpath may answer first, and none of those can talk to 18.16), with {@code compress=false}
 * (18.16 as packaged by Debian answers {@code compress=1} with an empty body).
 *
 * <p>The driver speaks HTTP (port 8123). Extra query settings go in the URL or in the properties,
 * for example {@code insert_distributed_sync=1} or {@code socket_timeout} (milliseconds).
 */
public final class LegacyConnections {

    /** The HTTP port every node of the local cluster listens on. */
    public static final int HTTP_PORT = 8123;

    private static final Driver DRIVER = new ru.yandex.clickhouse.ClickHouseDriver();

    private LegacyConnections() {}

    /** {@code jdbc:clickhouse://ADDRESS:8123/default?compress=false}. */
    public static String url(String address) {
        return "jdbc:clickhouse://" + address + ":" + HTTP_PORT + "/default?compress=false";
    }

    /** A connection as user {@code default} (no password) to the node at {@code address}. */
    public static Connection open(String address) throws SQLException {
        return open(address, new Properties());
    }

    /**
     * A connection as user {@code default} (no password) to the node at {@code address}, with extra
     * driver properties or ClickHouse settings. The driver asks the server for its time zone while
     * connecting, so this fails at once when the node is down.
     */
    public static Connection open(String address, Properties extra) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "default");
        properties.setProperty("password", "");
        properties.putAll(extra);
        String url = url(address);
        Connection connection;
        try {
            connection = DRIVER.connect(url, properties);
        } catch (RuntimeException e) {
            // The driver wraps a failed time-zone query (node down, ...) in a RuntimeException.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SQLException("cannot connect to " + url + ": " + cause.getMessage(), cause);
        }
        if (connection == null) {
            throw new SQLException("ru.yandex.clickhouse.ClickHouseDriver does not accept " + url);
        }
        return connection;
    }
}
