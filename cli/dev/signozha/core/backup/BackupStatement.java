package dev.signozha.core.backup;

import dev.signozha.core.topology.Topology;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * ClickHouse's native backup of SigNoz's databases, as upgrade runs it:
 * {@code BACKUP DATABASE a, DATABASE b ON CLUSTER 'c' TO S3('<url>/<name>'[, '<key id>', '<secret key>']) ASYNC} or
 * {@code ... TO Disk('<disk>', '<name>') ASYNC}; ASYNC returns at once with the operation's id, and system.backups
 * then says how it went on each host. The statement holds credentials: {@link #masked} is what may be printed or
 * traced. Pure.
 *
 * @param name the backup's own name, its folder under the S3 URL or on the disk
 * @param sql  the statement to send
 */
public record BackupStatement(String name, String sql) {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern S3_CREDENTIALS =
            Pattern.compile("(S3\\('(?:[^'\\\\]|\\\\.)*')\\s*,\\s*'(?:[^'\\\\]|\\\\.)*'\\s*,\\s*'(?:[^'\\\\]|\\\\.)*'");

    /** An S3 access key pair read from the topology's Secret. */
    public record S3Credentials(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "S3Credentials[hidden]";
        }
    }

    /** {@code signoz-ha-<release>-<yyyyMMddTHHmmssZ>}: one per run, sortable, and found again in system.backups. */
    public static String name(String release, Instant at) {
        return "signoz-ha-" + release + "-" + STAMP.format(at);
    }

    /** The statement backing up {@code databases} of {@code cluster} to the topology's destination. */
    public static BackupStatement of(
            String name,
            List<String> databases,
            String cluster,
            Topology.Backup destination,
            Optional<S3Credentials> credentials) {
        String what = databases.stream().map(database -> "DATABASE " + database).collect(Collectors.joining(", "));
        return new BackupStatement(
                name,
                "BACKUP " + what + " ON CLUSTER " + literal(cluster) + " TO "
                        + destination(name, destination, credentials) + " ASYNC");
    }

    /** Where the backup is, as BACKUP's TO and RESTORE's FROM name it, with any credentials hidden. */
    public static String location(String name, Topology.Backup destination) {
        return destination.s3() != null
                ? "S3(" + literal(url(destination.s3().url(), name)) + ")"
                : "Disk(" + literal(destination.disk()) + ", " + literal(name) + ")";
    }

    /** The statement with S3 credentials replaced by [HIDDEN], as ClickHouse hides them in its own logs. */
    public String masked() {
        return masked(sql);
    }

    /** Any text (a statement, an error that quotes one) with S3 credentials replaced by [HIDDEN]. */
    public static String masked(String text) {
        return S3_CREDENTIALS.matcher(text).replaceAll("$1, '[HIDDEN]', '[HIDDEN]'");
    }

    private static String destination(String name, Topology.Backup destination, Optional<S3Credentials> credentials) {
        if (destination.s3() == null) {
            return location(name, destination);
        }
        return "S3(" + literal(url(destination.s3().url(), name))
                + credentials
                        .map(pair -> ", " + literal(pair.accessKeyId()) + ", " + literal(pair.secretAccessKey()))
                        .orElse("")
                + ")";
    }

    private static String url(String base, String name) {
        return (base.endsWith("/") ? base : base + "/") + name;
    }

    /** A ClickHouse string literal: backslashes and quotes escaped. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
