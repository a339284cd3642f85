package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.migration.MigrationJob;
import dev.signozha.support.FakeClickHouseData;
import dev.signozha.support.Project;
import dev.signozha.support.ScriptedClickHouse;
import dev.signozha.support.SimulatedCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * An upgrade that touches ClickHouse, on the engine's hand-written fakes: ClickHouse first, then every host at the
 * new version with replication caught up, then the schema migration as the tool's own Job, then SigNoz and the
 * collectors; and a migration that fails on distributed DDL, named from its container's log and rolled back.
 */
class ClickHouseFirstTest extends InMemoryEngineTest {

    private static final String PRODUCTION = InputFiles.readText(SimulatedCluster.PRODUCTION);
    private static final String JOB = "Job/" + SimulatedCluster.NAMESPACE + "/" + MigrationJob.NAME;

    private final FakeClickHouseData data = FakeClickHouseData.kept();

    private SimulatedCluster.Run run(DeployAction.Request request, ClickHouseAccess clickhouse)
            throws InterruptedException {
        return run(request, data, clickhouse);
    }

    private void deploy(String topology) throws InterruptedException {
        SimulatedCluster.Run deployed = run(
                SimulatedCluster.request(DeployAction.Kind.DEPLOY, topology, Optional.empty()),
                ClickHouseAccess.none("not looked at by the first deploy"));
        assertEquals(0, deployed.exitCode(), deployed.all());
    }

    @Test
    void upgradeToANewClickHouse_waitsForTheLaggingHost_thenMigrates_thenSigNoz_thenTheCollectors() throws Exception {
        deploy(PRODUCTION.replace("25.12.5", "25.5.6"));
        String deployedJob = jobUid();
        int helmCallsBefore = helm.calls().size();
        List<String> whileLagging = new CopyOnWriteArrayList<>();
        String laggingPod = clickHousePod("-1-1-0");
        ScriptedClickHouse clickhouse = new ScriptedClickHouse("25.12.5.44", "25.5.6.14", 3).whileLagging(() -> {
            whileLagging.add((jobUid().equals(deployedJob) ? "the deploy's migration Job" : "a new migration Job")
                    + ", helm calls " + (helm.calls().size() - helmCallsBefore));
            // The operator rolls the host meanwhile: a change the phase is judged on again, not a 5 s heartbeat.
            cluster.replacePod(laggingPod);
        });

        SimulatedCluster.Run run = run(
                SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.empty()).toBuilder()
                        .safety(new DeployAction.Safety(false, false, true))
                        .build(),
                clickhouse);

        assertEquals(0, run.exitCode(), run.all());
        assertEquals(
                List.of(
                        "the deploy's migration Job, helm calls 0",
                        "the deploy's migration Job, helm calls 0",
                        "the deploy's migration Job, helm calls 0"),
                whileLagging,
                "nothing migrated and SigNoz not upgraded while a host ran the old ClickHouse");
        List<String> progress = run.progress().lines().toList();
        int lagged =
                indexOf(progress, "clickhouse-version: 3/4 hosts at 25.12.5; h22:9000 runs 25.5.6.14, not 25.12.5");
        int converged = indexOf(progress, "clickhouse-version: 4/4 hosts at 25.12.5, replication caught up");
        assertTrue(lagged < converged, run.progress());
        assertEquals(
                List.of("clickhouse", "clickhouse-version", "migration", "signoz", "collectors"),
                phasesInOrder(progress, "clickhouse", "clickhouse-version", "migration", "signoz", "collectors"),
                run.progress());
        assertNotEquals(deployedJob, jobUid(), "the upgrade ran a Job of its own");
        assertTrue(clickhouse.looks() > 3, "ClickHouse was looked at again after the host caught up");
    }

    @Test
    void migrationFailingOnDistributedDdl_isNamedFromItsLog_rolledBack_andPointsAtTheRunbook() throws Exception {
        deploy(PRODUCTION);
        cluster.failJob(MigrationJob.NAME, "bootstrap", bootstrapLog());

        SimulatedCluster.Run run = run(
                SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.of("0.132.0")),
                ClickHouseAccess.none("the upgrade goes without ClickHouse"));

        assertDdlFailureNamedAndRolledBack(run);
        assertFalse(run.all().contains(SimulatedCluster.PASSWORD), "nor the Secret's");
        assertFalse(helm.calls().contains("upgrade --install signoz 0.132.0 NONE"), "SigNoz not upgraded");
        assertEquals("0.131.0", state().chartVersion());
    }

    @Test
    void theWatchStillShowingThePreviousRunsCompletedJob_isNotTakenForThisRunsMigration() throws Exception {
        deploy(PRODUCTION);
        cluster.failJob(MigrationJob.NAME, "bootstrap", bootstrapLog()).watchLagsBehindDeletionOf(MigrationJob.NAME, 3);

        SimulatedCluster.Run run = run(
                SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.of("0.132.0")),
                ClickHouseAccess.none("the upgrade goes without ClickHouse"));

        assertDdlFailureNamedAndRolledBack(run);
        assertFalse(helm.calls().contains("upgrade --install signoz 0.132.0 NONE"), "SigNoz not upgraded");
    }

    /**
     * The upgrade ended with exit 6 and was rolled back, its message naming MIGRATION_DDL_FAILED from the migrator's
     * code-159 log line and the runbook command, without the password the log's DSN carries.
     */
    static void assertDdlFailureNamedAndRolledBack(SimulatedCluster.Run run) {
        assertEquals(6, run.exitCode(), run.all());
        String message = run.failure().getMessage();
        assertTrue(
                message.contains("migration is stuck: MIGRATION_DDL_FAILED " + JOB
                        + ": distributed DDL timed out (code 159): code: 159, message: Distributed DDL task"),
                message);
        assertTrue(message.contains("the upgrade failed and was rolled back"), message);
        assertTrue(message.contains("Runbook: signoz-ha runbook MIGRATION_DDL_FAILED"), message);
        assertFalse(run.all().contains("27ff0399"), "the DSN's password in the log is never repeated");
    }

    /** ClickHouse/ClickHouse#102178, as the old migrator logged it (the chart's default password in its DSN). */
    private static List<String> bootstrapLog() throws IOException {
        return Files.readAllLines(Project.path("src/test/resources/migration/bootstrap-ddl-timeout.log"));
    }

    /** The id of the ClickHouse pod whose name ends with {@code suffix} (shard-replica-ordinal). */
    private String clickHousePod(String suffix) {
        return cluster.gateway().inventory(SimulatedCluster.NAMESPACE).pods().stream()
                .filter(pod -> pod.getMetadata().getName().startsWith("chi-")
                        && pod.getMetadata().getName().endsWith(suffix))
                .map(dev.signozha.core.inventory.Inventory::id)
                .findFirst()
                .orElseThrow();
    }

    private String jobUid() {
        return cluster.object(JOB).map(job -> job.getMetadata().getUid()).orElse("none");
    }

    /** The phases, in the order their first progress line appears. */
    private static List<String> phasesInOrder(List<String> progress, String... phases) {
        List<String> seen = new ArrayList<>();
        for (String line : progress) {
            for (String phase : phases) {
                if (line.matches(".*\\[\\d+/\\d+] " + java.util.regex.Pattern.quote(phase) + "[: ].*")
                        && !seen.contains(phase)) {
                    seen.add(phase);
                }
            }
        }
        return seen;
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no line with '" + fragment + "' in:\n" + String.join("\n", lines));
    }
}
