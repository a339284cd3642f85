package dev.signozha.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.topology.Topology;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupStatementTest {

    private static final String NAME = BackupStatement.name("signoz", Instant.parse("2026-12-06T23:40:05Z"));
    private static final List<String> DATABASES = List.of("signoz_traces", "signoz_logs", "signoz_metrics");
    private static final Topology.Backup S3 = new Topology.Backup(
            new Topology.S3Backup(
                    "https://signoz-backups.s3.eu-west-1.amazonaws.com/prod/",
                    new Topology.SecretRef("s3-backup", "AWS_ACCESS_KEY_ID"),
                    new Topology.SecretRef("s3-backup", "AWS_SECRET_ACCESS_KEY")),
            null);
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY'q\\z";

    @Test
    void theNameIsTheReleaseAndTheSecondInUtc() {
        assertEquals("signoz-ha-signoz-20261206T234005Z", NAME);
    }

    @Test
    void toS3WithCredentialsFromTheSecretEscapedAsLiterals() {
        BackupStatement statement = BackupStatement.of(
                NAME,
                DATABASES,
                "cluster",
                S3,
                Optional.of(new BackupStatement.S3Credentials("AKIAIOSFODNN7EXAMPLE", SECRET)));
        assertEquals(
                "BACKUP DATABASE signoz_traces, DATABASE signoz_logs, DATABASE signoz_metrics ON CLUSTER 'cluster' TO "
                        + "S3('https://signoz-backups.s3.eu-west-1.amazonaws.com/prod/signoz-ha-signoz-20261206T234005Z',"
                        + " 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY\\'q\\\\z') ASYNC",
                statement.sql());
        assertEquals(
                "BACKUP DATABASE signoz_traces, DATABASE signoz_logs, DATABASE signoz_metrics ON CLUSTER 'cluster' TO "
                        + "S3('https://signoz-backups.s3.eu-west-1.amazonaws.com/prod/signoz-ha-signoz-20261206T234005Z',"
                        + " '[HIDDEN]', '[HIDDEN]') ASYNC",
                statement.masked());
        assertFalse(statement.masked().contains("AKIA"));
        assertFalse(new BackupStatement.S3Credentials("AKIA", SECRET).toString().contains("AKIA"));
    }

    @Test
    void toS3WithTheServersOwnCredentialsOrToADisk() {
        assertEquals(
                "BACKUP DATABASE signoz_logs ON CLUSTER 'signoz' TO S3('https://b.example.com/x/" + NAME + "') ASYNC",
                BackupStatement.of(
                                NAME,
                                List.of("signoz_logs"),
                                "signoz",
                                new Topology.Backup(new Topology.S3Backup("https://b.example.com/x", null, null), null),
                                Optional.empty())
                        .sql());
        BackupStatement disk = BackupStatement.of(
                NAME, List.of("signoz_logs"), "cluster", new Topology.Backup(null, "backups"), Optional.empty());
        assertEquals(
                "BACKUP DATABASE signoz_logs ON CLUSTER 'cluster' TO Disk('backups', '" + NAME + "') ASYNC",
                disk.sql());
        assertEquals(
                "Disk('backups', '" + NAME + "')",
                BackupStatement.location(NAME, new Topology.Backup(null, "backups")));
    }

    @Test
    void anErrorQuotingTheStatementIsMaskedToo() {
        String error = "Code: 499. DB::Exception: S3('https://b/x', 'AKIAIOSFODNN7EXAMPLE', 'abc\\'def') Access Denied";
        assertEquals(
                "Code: 499. DB::Exception: S3('https://b/x', '[HIDDEN]', '[HIDDEN]') Access Denied",
                BackupStatement.masked(error));
    }

    @Test
    void progressIsCreatedOnEveryHostOrFailedOnOne() {
        BackupProgress running = new BackupProgress(List.of(
                new BackupProgress.Host("chi-signoz-clickhouse-cluster-0-0-0", "BACKUP_CREATED", ""),
                new BackupProgress.Host("chi-signoz-clickhouse-cluster-1-0-0", "CREATING_BACKUP", "")));
        assertFalse(running.created());
        assertEquals(Optional.empty(), running.failure());
        assertEquals("1 of 2 host(s) created", running.describe());
        assertFalse(new BackupProgress(List.of()).created(), "no row yet is not done");
        BackupProgress failed = new BackupProgress(List.of(new BackupProgress.Host(
                "chi-signoz-clickhouse-cluster-1-0-0",
                "BACKUP_FAILED",
                "Code: 243. DB::Exception: Cannot reserve 1.00 MiB, not enough space. (NOT_ENOUGH_SPACE)")));
        assertEquals(
                Optional.of("chi-signoz-clickhouse-cluster-1-0-0: BACKUP_FAILED: Code: 243. DB::Exception: Cannot "
                        + "reserve 1.00 MiB, not enough space. (NOT_ENOUGH_SPACE)"),
                failed.failure());
        assertTrue(new BackupProgress(List.of(
                        new BackupProgress.Host("a", "BACKUP_CREATED", ""),
                        new BackupProgress.Host("b", "BACKUP_CREATED", "")))
                .created());
    }
}
