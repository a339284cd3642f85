package dev.signozha.support;

import dev.signozha.actions.ClickHouseData;
import dev.signozha.core.backup.BackupProgress;
import dev.signozha.core.backup.BackupStatement;
import dev.signozha.core.continuity.DataSnapshot;
import dev.signozha.core.continuity.ProtectedWindow;
import dev.signozha.core.continuity.Retention;
import dev.signozha.core.continuity.SignalExtent;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A hand-written ClickHouse for upgrade's data questions: SigNoz's retention (15 days of traces, 30 of metrics), a
 * traces table whose protected rows on the n-th measurement are {@code protectedRows(n)} (n = 0 before the upgrade),
 * and backups that every host of a 2x2 cluster reports with one status. It keeps the statements it was sent, masked.
 */
public final class FakeClickHouseData implements ClickHouseData {

    public static final List<String> HOSTS = List.of(
            "chi-signoz-clickhouse-prod-0-0-0",
            "chi-signoz-clickhouse-prod-0-1-0",
            "chi-signoz-clickhouse-prod-1-0-0",
            "chi-signoz-clickhouse-prod-1-1-0");

    private final IntUnaryOperator protectedRows;
    private final AtomicInteger measurements = new AtomicInteger();
    private final List<String> statements = new ArrayList<>();
    private volatile String backupStatus = BackupProgress.CREATED;
    private volatile String backupError = "";

    private FakeClickHouseData(IntUnaryOperator protectedRows) {
        this.protectedRows = protectedRows;
    }

    /** Data that is all there after the upgrade, with new rows added. */
    public static FakeClickHouseData kept() {
        return new FakeClickHouseData(measurement -> 1000);
    }

    /** 120 of the 1,000 rows written before the upgrade are gone from every measurement after it. */
    public static FakeClickHouseData losingRows() {
        return new FakeClickHouseData(measurement -> measurement == 0 ? 1000 : 880);
    }

    /** Every host reports the backup with this status and error (BACKUP_FAILED, say). */
    public FakeClickHouseData backupsEnd(String status, String error) {
        this.backupStatus = status;
        this.backupError = error;
        return this;
    }

    /** The statements sent, credentials masked. */
    public synchronized List<String> statements() {
        return List.copyOf(statements);
    }

    @Override
    public Map<String, Retention> retention() {
        return Map.of(
                "traces", new Retention.Expires(Duration.ofDays(15)),
                "metrics", new Retention.Expires(Duration.ofDays(30)));
    }

    @Override
    public DataSnapshot extents(Map<String, ProtectedWindow> windows) {
        int n = measurements.getAndIncrement();
        Instant now = Instant.now();
        return new DataSnapshot(
                now,
                Map.of(
                        "traces",
                        new SignalExtent(
                                "signoz_traces.distributed_signoz_index_v3",
                                1200 + 10L * n,
                                now.minus(Duration.ofDays(15)),
                                now,
                                protectedRows.applyAsInt(n)),
                        "metrics",
                        new SignalExtent(
                                "signoz_metrics.distributed_samples_v4",
                                5000 + 10L * n,
                                now.minus(Duration.ofDays(30)),
                                now,
                                5000)));
    }

    @Override
    public List<String> signozDatabases() {
        return List.of("signoz_traces", "signoz_metrics", "signoz_logs");
    }

    @Override
    public synchronized String startBackup(BackupStatement backup) {
        statements.add(backup.masked());
        return "b1c2d3e4-0000-4000-8000-000000000001";
    }

    @Override
    public BackupProgress backupProgress(String cluster, String name) throws SQLException {
        return new BackupProgress(HOSTS.stream()
                .map(host -> new BackupProgress.Host(host, backupStatus, backupError))
                .toList());
    }
}
