package dev.signozha.cluster.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracedConnectionsTest {

    private final List<String> lines = new ArrayList<>();

    @Test
    void eachQuery_isTracedOnOneLine_withItsHost_andTheResultPassesThrough() throws Exception {
        Connection connection = mock(Connection.class);
        Statement statement = mock(Statement.class);
        ResultSet results = mock(ResultSet.class);
        when(connection.createStatement()).thenReturn(statement);
        when(statement.executeQuery("SELECT host_name\n  FROM system.clusters")).thenReturn(results);

        Connection traced = new TracedConnections((host, port) -> connection, lines::add).open("10.0.0.7", 8123);
        try (Statement query = traced.createStatement()) {
            assertSame(results, query.executeQuery("SELECT host_name\n  FROM system.clusters"));
        }

        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("clickhouse 10\\.0\\.0\\.7:8123 connected \\(\\d+ ms\\)"), lines.get(0));
        assertTrue(
                lines.get(1)
                        .matches(
                                "clickhouse 10\\.0\\.0\\.7:8123 SELECT host_name FROM system\\.clusters \\(\\d+ ms\\)"),
                lines.get(1));
    }

    @Test
    void aFailedQuery_isTracedAsFailed_andItsErrorReachesTheCaller() throws Exception {
        Connection connection = mock(Connection.class);
        Statement statement = mock(Statement.class);
        when(connection.createStatement()).thenReturn(statement);
        when(statement.executeQuery("SELECT 1")).thenThrow(new SQLException("Code: 60, table does not exist"));

        Connection traced = new TracedConnections((host, port) -> connection, lines::add).open("ch-0", 8123);
        SQLException thrown =
                assertThrows(SQLException.class, () -> traced.createStatement().executeQuery("SELECT 1"));

        assertEquals("Code: 60, table does not exist", thrown.getMessage());
        assertTrue(lines.get(1).startsWith("clickhouse ch-0:8123 SELECT 1 failed ("), lines.toString());
    }

    @Test
    void aRefusedConnection_isTracedWithoutTheDriversMessage() {
        TracedConnections connections = new TracedConnections(
                (host, port) -> {
                    throw new SQLException("Authentication failed: password is incorrect for user admin");
                },
                lines::add);

        assertThrows(SQLException.class, () -> connections.open("ch-1", 8123));

        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("clickhouse ch-1:8123 → cannot connect: SQLException ("), lines.get(0));
    }
}
