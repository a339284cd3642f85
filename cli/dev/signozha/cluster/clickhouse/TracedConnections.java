package dev.signozha.cluster.clickhouse;

import dev.signozha.core.Trace;
import dev.signozha.core.backup.BackupStatement;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Traces each connection and each query on it: host, the SQL (the tool's own, never a credential) and its
 * duration. The connection and its statements are wrapped, so the queries' code does not change.
 */
public final class TracedConnections implements ConnectionFactory {

    private final ConnectionFactory connections;
    private final Trace trace;

    TracedConnections(ConnectionFactory connections, Trace trace) {
        this.connections = connections;
        this.trace = trace;
    }

    /** {@code connections}, traced when the trace goes anywhere. */
    public static ConnectionFactory of(ConnectionFactory connections, Trace trace) {
        return trace.enabled() ? new TracedConnections(connections, trace) : connections;
    }

    @Override
    public Connection open(String host, int httpPort) throws SQLException {
        String endpoint = "clickhouse " + host + ":" + httpPort;
        long start = System.nanoTime();
        try {
            Connection connection = connections.open(host, httpPort);
            trace.line(endpoint + " connected (" + Trace.since(start) + ")");
            return wrap(Connection.class, connection, endpoint);
        } catch (SQLException e) {
            trace.line(
                    endpoint + " → cannot connect: " + e.getClass().getSimpleName() + " (" + Trace.since(start) + ")");
            throw e;
        }
    }

    private <T> T wrap(Class<T> type, T target, String endpoint) {
        InvocationHandler handler = (proxy, method, args) -> {
            long start = System.nanoTime();
            try {
                Object result = method.invoke(target, args);
                if (result instanceof Statement statement && method.getName().startsWith("create")) {
                    return wrap(Statement.class, statement, endpoint);
                }
                traceQuery(endpoint, method, args, start, "");
                return result;
            } catch (InvocationTargetException e) {
                traceQuery(endpoint, method, args, start, " failed");
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private void traceQuery(String endpoint, Method method, Object[] args, long start, String outcome) {
        if (method.getName().startsWith("execute")
                && args != null
                && args.length > 0
                && args[0] instanceof String sql) {
            trace.line(endpoint + " "
                    + BackupStatement.masked(sql.replaceAll("\\s+", " ").strip()) + outcome + " (" + Trace.since(start)
                    + ")");
        }
    }
}
