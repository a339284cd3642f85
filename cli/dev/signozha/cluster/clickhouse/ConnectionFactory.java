package dev.signozha.cluster.clickhouse;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a JDBC connection to one ClickHouse HTTP endpoint, with the credentials it was made with. */
@FunctionalInterface
public interface ConnectionFactory {

    Connection open(String host, int httpPort) throws SQLException;
}
