package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.PodLogDispatcher;
import dev.signozha.support.ScriptedClickHouse;
import dev.signozha.support.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * An upgrade that touches ClickHouse, in order: ClickHouse, then every host at the new version with replication
 * caught up, then the schema migration as the tool's own Job, then SigNoz; and a migration that fails on distributed
 * DDL, named from its container's log and rolled back.
 */
class ClickHouseFirstScenarioIT {

    private static final String PRODUCTION = InputFiles.readText(SimulatedCluster.PRODUCTION);
    private static final String JOB = "Job/platform/signoz-ha-schema-migrator";

    @Test
    void upgradeToANewClickHouse_waitsForTheLaggingHost_beforeTheMigration_andMigratesBeforeSigNoz() throws Exception {
        try (SimulatedCluster world = new SimulatedCluster(Duration.ofMillis(30))) {
            SimulatedCluster.Run deployed = world.run(SimulatedCluster.request(
                    DeployAction.Kind.DEPLOY, PRODUCTION.replace("25.12.5", "25.5.6"), Optional.empty()));
            assertEquals(0, deployed.exitCode(), deployed.all());
            int helmCallsBefore = world.helm().calls().size();
            String deployedJob = uid(world);
            List<String> whileLagging = new CopyOnWriteArrayList<>();
            world.withClickHouse(new ScriptedClickHouse("25.12.5.44", "25.5.6.14", 3)
                    .whileLagging(() -> whileLagging.add(
                            "migration Job " + (uid(world).equals(deployedJob) ? "of the deploy" : "replaced")
                                    + ", helm calls " + (world.helm().calls().size() - helmCallsBefore))));

            SimulatedCluster.Run run = world.run(
                    SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.empty()).toBuilder()
                            .safety(new DeployAction.Safety(false, false, true))
                            .build());

            assertEquals(0, run.exitCode(), run.all());
            assertEquals(
                    List.of(
                            "migration Job of the deploy, helm calls 0",
                            "migration Job of the deploy, helm calls 0",
                            "migration Job of the deploy, helm calls 0"),
                    whileLagging,
                    "nothing migrated or upgraded while a host ran the old ClickHouse");
            List<String> progress = run.progress().lines().toList();
            int lagged = indexOf(
                    progress, "[5/9] clickhouse-version: 3/4 hosts at 25.12.5; h22:9000 runs 25.5.6.14, not 25.12.5");
            int converged = indexOf(progress, "[5/9] clickhouse-version: 4/4 hosts at 25.12.5, replication caught up");
            int migrated = indexOf(progress, "[6/9] migration: complete");
            int signoz = indexOf(progress, "[7/9] signoz: ");
            assertTrue(lagged < converged && converged < migrated && migrated < signoz, run.progress());
            assertFalse(uid(world).equals(deployedJob), "the upgrade ran a Job of its own");
        }
    }

    @Test
    void migrationFailingOnDistributedDdl_isNamedFromItsLog_rolledBack_andPointsAtTheRunbook() throws Exception {
        PodLogDispatcher logs = new PodLogDispatcher();
        try (SimulatedCluster world = new SimulatedCluster(Duration.ofMillis(30), logs, Duration.ofSeconds(10))) {
            SimulatedCluster.Run deployed = world.run(SimulatedCluster.deploy());
            assertEquals(0, deployed.exitCode(), deployed.all());
            // The mock API server has no Job controller: the pod it would make, its bootstrap step failed.
            world.mock()
                    .client()
                    .pods()
                    .inNamespace("platform")
                    .resource(failedPod())
                    .create();
            logs.log("signoz-ha-schema-migrator-k8x2q", "bootstrap", String.join("\n", BOOTSTRAP_LOG));
            world.controller().fail("signoz-ha-schema-migrator");

            SimulatedCluster.Run run =
                    world.run(SimulatedCluster.request(DeployAction.Kind.UPGRADE, PRODUCTION, Optional.of("0.132.0")));

            ClickHouseFirstTest.assertDdlFailureNamedAndRolledBack(run);
            assertTrue(run.failure().getMessage().contains("[6/9] migration is stuck"), run.all());
            assertFalse(world.helm().calls().contains("upgrade --install signoz 0.132.0 NONE"), "SigNoz not upgraded");
            assertEquals("0.131.0", world.stateRecord().orElseThrow().chartVersion());
        }
    }

    @Test
    void bundledUpgradeChangingClickHouse_isRefused_becauseTheChartWouldMigrateFirst() throws Exception {
        String bundled = InputFiles.readText(java.nio.file.Path.of("examples/bundled-2x2.yaml"))
                .replace("namespace: observability", "namespace: " + SimulatedCluster.NAMESPACE)
                .replace("    mode: bundled\n", "    mode: bundled\n    image: clickhouse/clickhouse-server:25.5.6\n");
        try (SimulatedCluster world = new SimulatedCluster(Duration.ofMillis(30))) {
            // The simulated chart cannot run a bundled ClickHouse: the record of a bundled deploy stands for one.
            world.session()
                    .state(SimulatedCluster.NAMESPACE, List.of())
                    .update(record -> record.applied(bundled, "values", "0.131.0", "test", List.of()));

            SimulatedCluster.Run run = world.run(SimulatedCluster.request(
                    DeployAction.Kind.UPGRADE, bundled.replace("25.5.6", "25.12.5"), Optional.empty()));

            assertEquals(4, run.exitCode(), run.all());
            String message = run.failure().getMessage();
            assertTrue(
                    message.startsWith("this upgrade changes ClickHouse from clickhouse/clickhouse-server:25.5.6 to"
                            + " clickhouse/clickhouse-server:25.12.5 in bundled mode"),
                    message);
            assertTrue(message.endsWith("Nothing was changed."), message);
            assertEquals(List.of(), world.helm().calls(), "helm was not run");
        }
    }

    /** ClickHouse/ClickHouse#102178, as the old migrator logged it (the chart's default password in its DSN). */
    private static final List<String> BOOTSTRAP_LOG;

    static {
        try {
            BOOTSTRAP_LOG = java.nio.file.Files.readAllLines(
                    dev.signozha.support.Project.path("src/test/resources/migration/bootstrap-ddl-timeout.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Pod failedPod() {
        return new PodBuilder()
                .withNewMetadata()
                .withName("signoz-ha-schema-migrator-k8x2q")
                .addToLabels("app.kubernetes.io/component", "signoz-ha-schema-migrator")
                .endMetadata()
                .withNewStatus()
                .withPhase("Failed")
                .withInitContainerStatuses(terminated("ready", 0), terminated("bootstrap", 1))
                .endStatus()
                .build();
    }

    private static io.fabric8.kubernetes.api.model.ContainerStatus terminated(String name, int exitCode) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withNewState()
                .withNewTerminated()
                .withExitCode(exitCode)
                .endTerminated()
                .endState()
                .build();
    }

    private static String uid(SimulatedCluster world) {
        return world.session().read(JOB).map(job -> job.getMetadata().getUid()).orElse("none");
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
