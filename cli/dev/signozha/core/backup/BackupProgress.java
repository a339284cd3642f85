package dev.signozha.core.backup;

import java.util.List;
import java.util.Optional;

/**
 * How a backup stands on each host, from system.backups (status CREATING_BACKUP, BACKUP_CREATED, BACKUP_FAILED,
 * BACKUP_CANCELLED): created once every host that reports it has created it, failed as soon as one failed or was
 * cancelled. Pure.
 */
public record BackupProgress(List<Host> hosts) {

    /** One host's row. */
    public record Host(String host, String status, String error) {}

    public static final String CREATED = "BACKUP_CREATED";

    public BackupProgress {
        hosts = List.copyOf(hosts);
    }

    public boolean created() {
        return !hosts.isEmpty() && hosts.stream().allMatch(host -> host.status().equals(CREATED));
    }

    /** The first host whose backup failed or was cancelled, with its error. */
    public Optional<String> failure() {
        return hosts.stream()
                .filter(host ->
                        host.status().equals("BACKUP_FAILED") || host.status().equals("BACKUP_CANCELLED"))
                .findFirst()
                .map(host -> host.host() + ": " + host.status()
                        + (host.error().isBlank() ? "" : ": " + BackupStatement.masked(host.error())));
    }

    /** {@code 3 of 4 hosts created}: progress while it runs. */
    public String describe() {
        long done = hosts.stream().filter(host -> host.status().equals(CREATED)).count();
        return done + " of " + hosts.size() + " host(s) created";
    }
}
