package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.inventory.SnapshotParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What deploy's waits will be told: ready, how far, or stuck with the code that explains it. */
class ReadinessTest {

    private static Inventory fixture(String name) throws Exception {
        return SnapshotParser.parse(name, Files.readString(Path.of("src/test/resources/clusters/" + name + ".yaml")));
    }

    @Test
    void healthyCluster_everythingIsReady() throws Exception {
        Inventory healthy = fixture("healthy-2x2");
        var zookeeper = healthy.statefulSets().stream()
                .filter(s -> s.getMetadata().getName().equals("signoz-ha-zookeeper"))
                .findFirst()
                .orElseThrow();
        Readiness.Status status = Readiness.statefulSet(zookeeper, healthy.pods(), healthy.events());
        assertTrue(status.ready(), status.toString());
        assertEquals("3/3 ready", status.progress());
        Readiness.Status chi =
                Readiness.installation(healthy.clickHouseInstallations().get(0), healthy.pods(), healthy.events());
        assertTrue(chi.ready());
        assertEquals("4/4 hosts ready", chi.progress());
        assertTrue(Readiness.job(healthy.jobs().get(0), List.of(), healthy.events())
                .ready());
        assertTrue(Readiness.deployment(
                        healthy.deployments().stream()
                                .filter(d -> d.getMetadata().getName().equals("signoz-otel-collector"))
                                .findFirst()
                                .orElseThrow(),
                        List.of(),
                        healthy.events())
                .ready());
    }

    @Test
    void pendingPodsUnderAntiAffinity_areStuckWithTheAntiAffinityCode() throws Exception {
        Inventory deadlock = fixture("anti-affinity-deadlock");
        var installation = deadlock.clickHouseInstallations().stream()
                .filter(chi -> chi.getMetadata().getName().equals("clickhouse-signoz-clickhouse-ha"))
                .findFirst()
                .orElseThrow();
        var pods = deadlock.pods().stream()
                .filter(p -> p.getMetadata().getName().startsWith("chi-clickhouse-signoz"))
                .toList();
        Readiness.Status status = Readiness.installation(installation, pods, deadlock.events());
        assertFalse(status.ready());
        assertEquals("0/4 hosts ready", status.progress());
        assertEquals(
                CheckCatalog.ANTI_AFFINITY_UNSCHEDULABLE,
                status.stuck().orElseThrow().code());
        assertTrue(status.stuck().get().reason().contains("didn't match pod anti-affinity rules"));
    }

    @Test
    void crashLoopingClickHouse_isStuckWithThePodCode() throws Exception {
        Inventory devSized = fixture("dev-sized");
        Readiness.Stuck stuck =
                Readiness.stuck(devSized.pods(), devSized.events()).orElseThrow();
        assertEquals(CheckCatalog.POD_EVICTIONS, stuck.code());
        assertEquals("Pod/platform/chi-signoz-clickhouse-cluster-1-1-0", stuck.object());
    }

    @Test
    void runningMigrationPastNothing_isNotStuck_butAFailedJobIs() throws Exception {
        Inventory migration = fixture("migration-single-node");
        Readiness.Status running = Readiness.job(migration.jobs().get(0), List.of(), migration.events());
        assertFalse(running.ready());
        assertTrue(running.stuck().isEmpty());
        var failed = migration.jobs().get(0);
        failed.getStatus()
                .setConditions(List.of(new io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder()
                        .withType("Failed")
                        .withStatus("True")
                        .build()));
        assertEquals(
                CheckCatalog.SCHEMA_MIGRATION_TOPOLOGY,
                Readiness.job(failed, List.of(), migration.events())
                        .stuck()
                        .orElseThrow()
                        .code());
    }
}
