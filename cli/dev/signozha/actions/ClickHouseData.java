package dev.signozha.actions;

import dev.signozha.cluster.clickhouse.ClickHouseSql;
import dev.signozha.cluster.clickhouse.HostConnector;
import dev.signozha.core.backup.BackupProgress;
import dev.signozha.core.backup.BackupStatement;
import dev.signozha.core.continuity.DataSnapshot;
import dev.signozha.core.continuity.ProtectedWindow;
import dev.signozha.core.continuity.Retention;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What upgrade asks ClickHouse about SigNoz's data: each signal's retention and extent (data continuity), and the
 * backup it takes before a risky path. Every call asks the seed host afresh (pods restart during an upgrade).
 */
public interface ClickHouseData {

    Map<String, Retention> retention() throws SQLException;

    DataSnapshot extents(Map<String, ProtectedWindow> windows) throws SQLException;

    List<String> signozDatabases() throws SQLException;

    /** Starts an ASYNC backup; its id. */
    String startBackup(BackupStatement backup) throws SQLException;

    BackupProgress backupProgress(String cluster, String name) throws SQLException;

    /** One query on the seed host {@code hosts} opens. */
    @FunctionalInterface
    interface Query<T> {
        T on(ClickHouseSql sql) throws SQLException;
    }

    /** Asks the seed host of a fresh {@code hosts} for every call. */
    static ClickHouseData from(Supplier<HostConnector> hosts) {
        return new ClickHouseData() {
            private <T> T ask(Query<T> query) throws SQLException {
                try (HostConnector connector = hosts.get();
                        Connection seed = connector.seed()) {
                    return query.on(new ClickHouseSql(seed));
                }
            }

            @Override
            public Map<String, Retention> retention() throws SQLException {
                return ask(ClickHouseSql::retention);
            }

            @Override
            public DataSnapshot extents(Map<String, ProtectedWindow> windows) throws SQLException {
                return ask(sql -> sql.extents(windows));
            }

            @Override
            public List<String> signozDatabases() throws SQLException {
                return ask(ClickHouseSql::signozDatabases);
            }

            @Override
            public String startBackup(BackupStatement backup) throws SQLException {
                return ask(sql -> sql.startBackup(backup));
            }

            @Override
            public BackupProgress backupProgress(String cluster, String name) throws SQLException {
                return ask(sql -> sql.backupProgress(cluster, name));
            }
        };
    }

    /** No access to ClickHouse: every call fails with {@code why}. */
    static ClickHouseData none(String why) {
        return from(() -> {
            throw new IllegalStateException("no access to ClickHouse (" + why + ")");
        });
    }
}
