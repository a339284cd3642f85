package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.support.FakeClickHouseData;
import dev.signozha.support.Golden;
import dev.signozha.support.SimulatedCluster;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An upgrade across a mandatory stop on the engine's hand-written fakes: the stop is inserted into the path and
 * installed and verified before the target, and each chart gets its own values keys (schemaMigrator becomes
 * telemetryStoreMigrator at 0.113.0). The whole transcript is a golden file, quoted in the README.
 */
class UpgradePathTest extends InMemoryEngineTest {

    private static final String LEGACY =
            InputFiles.readText(SimulatedCluster.PRODUCTION).replace("version: 0.131.0", "version: 0.112.1")
                    + "\n  backup: {disk: backups}";

    private final FakeClickHouseData clickhouse = FakeClickHouseData.kept();

    private SimulatedCluster.Run run(DeployAction.Request request) throws InterruptedException {
        return run(request, clickhouse);
    }

    private SimulatedCluster.Run upgradeAcrossTheStop() throws InterruptedException {
        SimulatedCluster.Run deployed =
                run(SimulatedCluster.request(DeployAction.Kind.DEPLOY, LEGACY, Optional.empty()));
        assertEquals(0, deployed.exitCode(), deployed.all());
        return run(SimulatedCluster.request(DeployAction.Kind.UPGRADE, LEGACY, Optional.of("0.131.0")).toBuilder()
                .timeout(DeployPhase.VERIFICATION, Duration.ofSeconds(1))
                .build());
    }

    @Test
    void aStopOnTheWay_isInsertedIntoThePath_andInstalledAndVerifiedBeforeTheTarget() throws Exception {
        SimulatedCluster.Run run = upgradeAcrossTheStop();
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(
                List.of(
                        "upgrade --install signoz 0.112.1 NONE",
                        "upgrade --install signoz 0.113.0 NONE",
                        "upgrade --install signoz 0.131.0 NONE"),
                helm.calls().stream()
                        .filter(call -> call.startsWith("upgrade --install signoz "))
                        .toList());
        assertEquals(
                2,
                state().history().stream()
                        .filter(entry -> entry.command().equals("upgrade"))
                        .count(),
                "each step is recorded on its own");
        Golden.assertMatches(transcript(run), "upgrade/multi-stop-path.txt");
    }

    @Test
    void theRenamedMigratorKey_isWrittenUnderEachChartsOwnName() throws Exception {
        assertEquals(0, upgradeAcrossTheStop().exitCode());
        JsonNode legacy = revision(1);
        JsonNode stop = revision(2);
        JsonNode target = revision(3);
        assertTrue(legacy.has("schemaMigrator") && !legacy.has("telemetryStoreMigrator"), legacy.toString());
        for (JsonNode values : List.of(stop, target)) {
            assertTrue(values.has("telemetryStoreMigrator"), values.toString());
            assertFalse(values.has("schemaMigrator"), "0.113.0 and later no longer read schemaMigrator: " + values);
        }
        assertEquals(
                legacy.path("schemaMigrator").path("enableReplication"),
                stop.path("telemetryStoreMigrator").path("enableReplication"),
                "the replication flag keeps its meaning under the new key");
    }

    private JsonNode revision(int number) {
        return helm.suppliedValues(SimulatedCluster.NAMESPACE, "signoz", number).orElseThrow();
    }

    /** What the operator reads, with the times and the backup's UTC name made stable. */
    private static String transcript(SimulatedCluster.Run run) {
        return (run.out() + "\n--- progress (stderr)\n" + run.progress())
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "<time>")
                .replaceAll("\\d{8}T\\d{6}Z", "<utc>")
                .replaceAll("\\((\\d+m)?\\d+(\\.\\d+)?(ms|s)\\)", "(<took>)")
                .replaceAll("(?m) +$", "");
    }
}
