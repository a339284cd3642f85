package dev.signozha.actions;

import dev.signozha.checks.Readiness;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.backup.BackupProgress;
import dev.signozha.core.backup.BackupStatement;
import dev.signozha.core.text.Messages;
import dev.signozha.core.topology.Topology;
import dev.signozha.core.topology.Topology.Spec;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * The backup upgrade takes before its first write when the path needs one: ClickHouse's BACKUP of every SigNoz
 * database ON CLUSTER to the topology's {@code spec.backup} (S3 credentials read from their Secret, never printed),
 * then the hosts' system.backups until every one has created it. A backup that fails or cannot be started stops the
 * upgrade before anything changed.
 */
final class BackupRun {

    private final ClickHouseData data;
    private final KubeGateway secrets;
    private final Spec spec;
    private final Topology.Backup destination;
    private final String name;

    BackupRun(ClickHouseData data, KubeGateway secrets, Spec spec, Clock clock) {
        this.data = data;
        this.secrets = secrets;
        this.spec = spec;
        this.destination = spec.backup();
        this.name = BackupStatement.name(spec.release(), clock.instant());
    }

    /** {@code backup NAME at S3('...')}: what the state record keeps and runbook RESTORE starts from. */
    String describe() {
        return "backup " + name + " at " + BackupStatement.location(name, destination);
    }

    /** Starts the backup of every SigNoz database the cluster has. */
    void start() {
        try {
            BackupStatement statement = BackupStatement.of(
                    name, data.signozDatabases(), spec.clickhouse().cluster(), destination, credentials());
            data.startBackup(statement);
        } catch (SQLException | RuntimeException e) {
            throw failed(
                    "could not be started: " + BackupStatement.masked(Messages.firstLine(e.getMessage(), "no answer")));
        }
    }

    /** Ready once every host created it; a host that failed it ends the upgrade; unanswered is still waiting. */
    Readiness.Status judge() {
        BackupProgress progress;
        try {
            progress = data.backupProgress(spec.clickhouse().cluster(), name);
        } catch (SQLException | RuntimeException e) {
            return new Readiness.Status(
                    false, "ClickHouse did not answer: " + Messages.firstLine(e.getMessage(), ""), Optional.empty());
        }
        progress.failure().ifPresent(failure -> {
            throw failed("failed on " + failure);
        });
        return new Readiness.Status(progress.created(), progress.describe(), Optional.empty());
    }

    private Optional<BackupStatement.S3Credentials> credentials() {
        Topology.S3Backup s3 = destination.s3();
        if (s3 == null || s3.accessKeyId() == null) {
            return Optional.empty();
        }
        return Optional.of(new BackupStatement.S3Credentials(secret(s3.accessKeyId()), secret(s3.secretAccessKey())));
    }

    private String secret(Topology.SecretRef ref) {
        return secrets.secretValue(spec.namespace(), ref.name(), ref.key())
                .orElseThrow(() -> failed("could not be started: Secret " + spec.namespace() + "/" + ref.name()
                        + " has no key " + ref.key() + " (spec.backup.s3)"));
    }

    private SignozHaException failed(String why) {
        return new SignozHaException(
                ExitCode.REFUSED,
                describe() + " " + why + "; nothing was changed. Fix it (signoz-ha runbook RESTORE shows how to check "
                        + "a backup) and upgrade again, or pass --no-backup to upgrade without one.");
    }
}
