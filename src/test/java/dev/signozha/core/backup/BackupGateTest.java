package dev.signozha.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.topology.Topology;
import dev.signozha.core.versions.ChartKnowledge;
import dev.signozha.core.versions.UpgradePath;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupGateTest {

    private static final ChartKnowledge KNOWLEDGE = ChartKnowledge.bundled();
    private static final Topology.Backup DISK = new Topology.Backup(null, "backups");

    private static List<String> reasons(String from, String to) {
        return BackupGate.reasons(
                UpgradePath.between(ChartVersion.parse(from), ChartVersion.parse(to), KNOWLEDGE), KNOWLEDGE);
    }

    @Test
    void aPathAcrossStopsAMigratorChangeAndANewClickHouseLineNamesEveryReason() {
        List<String> reasons = reasons("0.112.1", "0.131.0");
        assertEquals(
                List.of(
                        "mandatory stop at chart 0.113.0 (SigNoz v0.113.0): schemaMigrator.* becomes "
                                + "telemetryStoreMigrator.* and migrations move into signoz-otel-collector",
                        "the schema migrator changes form, schemaMigrator to telemetryStoreMigrator",
                        "ClickHouse moves from 25.5.6 to 25.12.5"),
                reasons);
    }

    @Test
    void aPatchUpgradeOnTheSameClickHouseLineNeedsNoBackup() {
        assertEquals(List.of(), reasons("0.131.0", "0.132.0"));
        assertEquals(BackupGate.Decision.NOT_NEEDED, BackupGate.decide(List.of(), Optional.empty(), false));
    }

    @Test
    void aClickHouseReleaseLineChangeAloneNeedsOne() {
        assertEquals(List.of("ClickHouse moves from 25.5.6 to 25.12.5"), reasons("0.113.0", "0.131.0"));
        assertEquals("24.1", BackupGate.releaseLine("24.1.2-alpine"));
    }

    @Test
    void aRiskyPathWithoutBackupOrNoBackupIsRefusedWithExitFour() {
        SignozHaException refused = assertThrows(
                SignozHaException.class,
                () -> BackupGate.decide(reasons("0.113.0", "0.131.0"), Optional.empty(), false));
        assertEquals(ExitCode.REFUSED, refused.exitCode());
        assertTrue(refused.getMessage().contains("nothing was changed"), refused.getMessage());
        assertTrue(refused.getMessage().contains("ClickHouse moves from 25.5.6 to 25.12.5"), refused.getMessage());
        assertTrue(refused.getMessage().contains("--no-backup"), refused.getMessage());
    }

    @Test
    void aConfiguredBackupIsTakenAndNoBackupSkipsOnlyWhenThereIsNone() {
        List<String> risky = reasons("0.113.0", "0.131.0");
        assertEquals(BackupGate.Decision.TAKE, BackupGate.decide(risky, Optional.of(DISK), false));
        assertEquals(BackupGate.Decision.TAKE, BackupGate.decide(risky, Optional.of(DISK), true));
        assertEquals(BackupGate.Decision.SKIPPED, BackupGate.decide(risky, Optional.empty(), true));
    }
}
