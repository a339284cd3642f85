package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.plan.SavedPlan;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.StateRecord;
import dev.signozha.support.Convergence;
import dev.signozha.support.SimulatedCluster;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Saved plans, two runs at once, and a run stopped half-way. */
class DeployConcurrencyIT {

    private SimulatedCluster world;

    @BeforeEach
    void start() {
        world = new SimulatedCluster(Duration.ofMillis(300));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private SavedPlan savePlan() {
        return new PlanAction(new ClasspathTemplates())
                .compute(
                        SimulatedCluster.PRODUCTION.toString(),
                        InputFiles.readText(SimulatedCluster.PRODUCTION),
                        Optional.empty(),
                        world.session().gateway(),
                        world.helm())
                .save();
    }

    private static DeployAction.Request withPlan(SavedPlan plan) {
        return SimulatedCluster.deploy().toBuilder()
                .topology("plan.json", plan.topology())
                .savedPlan(Optional.of(plan))
                .chartVersion(Optional.of(plan.chartVersion()))
                .build();
    }

    @Test
    void savedPlan_appliesWhileTheClusterIsAsPlanned() throws Exception {
        SimulatedCluster.Run run = world.run(withPlan(savePlan()));
        assertEquals(0, run.exitCode(), run.all());
    }

    @Test
    void savedPlan_isRefusedAsStale_whenAnObjectItCoversChanged() throws Exception {
        assertEquals(0, world.run(SimulatedCluster.deploy()).exitCode());
        SavedPlan plan = savePlan();
        world.mock()
                .client()
                .apps()
                .statefulSets()
                .inNamespace(SimulatedCluster.NAMESPACE)
                .withName("signoz-ha-zookeeper")
                .edit(set -> {
                    set.getSpec().setReplicas(5);
                    return set;
                });
        List<String> calls = world.helm().calls();
        SimulatedCluster.Run run = world.run(withPlan(plan));
        assertEquals(4, run.exitCode(), run.all());
        assertTrue(run.failure().getMessage().contains("the saved plan is stale; nothing was changed"), run.all());
        assertTrue(
                run.failure()
                        .getMessage()
                        .contains("StatefulSet/platform/signoz-ha-zookeeper changed since the plan " + "was made"),
                run.failure().getMessage());
        assertEquals(calls, world.helm().calls());
    }

    @Test
    void savedPlan_stillApplies_whenAnObjectChangedOnlyWhereThePlanDoesNotLook() throws Exception {
        assertEquals(0, world.run(SimulatedCluster.deploy()).exitCode());
        SavedPlan plan = savePlan();
        String before = zookeeper().getMetadata().getResourceVersion();
        world.mock()
                .client()
                .apps()
                .statefulSets()
                .inNamespace(SimulatedCluster.NAMESPACE)
                .withName("signoz-ha-zookeeper")
                .edit(set -> {
                    set.getMetadata().getLabels().put("edited-by", "someone-else");
                    return set;
                });
        assertNotEquals(before, zookeeper().getMetadata().getResourceVersion());
        SimulatedCluster.Run run = world.run(withPlan(plan));
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("No changes"), run.out());
    }

    private StatefulSet zookeeper() {
        return world.mock()
                .client()
                .apps()
                .statefulSets()
                .inNamespace(SimulatedCluster.NAMESPACE)
                .withName("signoz-ha-zookeeper")
                .get();
    }

    @Test
    void twoConcurrentDeploys_oneApplies_theOtherExits5NamingTheHolder() throws Exception {
        CompletableFuture<SimulatedCluster.Run> first =
                CompletableFuture.supplyAsync(() -> run(SimulatedCluster.deploy()));
        awaitLease();
        SimulatedCluster.Run second = world.run(SimulatedCluster.deploy());
        assertEquals(5, second.exitCode(), second.all());
        assertTrue(
                second.failure().getMessage().contains("signoz-ha-lock is held by "),
                second.failure().getMessage());
        assertTrue(
                second.failure().getMessage().contains("deploy)"),
                second.failure().getMessage());
        assertEquals(0, first.get().exitCode(), first.get().all());
        Convergence.assertConverged(
                world, "two deploys at once:\n" + first.get().all() + "\n" + second.all());
    }

    @Test
    void twoConcurrentDeploys_theSecondWaitsOutTheFirst_andPlansAgainUnderTheLock() throws Exception {
        CompletableFuture<SimulatedCluster.Run> first =
                CompletableFuture.supplyAsync(() -> run(SimulatedCluster.deploy()));
        awaitLease();
        SimulatedCluster.Run second = world.run(SimulatedCluster.deploy().toBuilder()
                .lockWait(Duration.ofSeconds(60))
                .build());
        assertEquals(0, first.get().exitCode(), first.get().all());
        assertEquals(0, second.exitCode(), second.all());
        assertTrue(
                second.out()
                        .contains("No changes: the cluster already matches topology prod (another run applied it "
                                + "while this one waited for the lock). Nothing was applied."),
                second.out());
        assertEquals(
                1,
                world.helm().calls().stream()
                        .filter(call -> call.startsWith("upgrade --install signoz "))
                        .count(),
                "the chart was installed once: " + world.helm().calls());
    }

    @Test
    void interruptedDeploy_releasesTheLock_andASecondRunConvergesWithoutDuplicates() throws Exception {
        AtomicReference<Thread> runner = new AtomicReference<>();
        CompletableFuture<Throwable> interrupted = CompletableFuture.supplyAsync(() -> {
            runner.set(Thread.currentThread());
            try {
                return world.run(SimulatedCluster.deploy()).failure();
            } catch (InterruptedException e) {
                return e;
            }
        });
        awaitObject("StatefulSet", "signoz-ha-zookeeper");
        runner.get().interrupt();
        assertTrue(interrupted.get() instanceof InterruptedException, String.valueOf(interrupted.get()));
        StateRecord afterStop = world.stateRecord().orElseThrow();
        assertEquals(HistoryEntry.FAILED, afterStop.lastEntry().orElseThrow().outcome());
        assertTrue(afterStop.lastEntry().orElseThrow().detail().startsWith("interrupted during "));
        assertTrue(world.leases().isEmpty(), "lock released");

        SimulatedCluster.Run again = world.run(SimulatedCluster.deploy());
        assertEquals(0, again.exitCode(), again.all());
        Convergence.assertConverged(world, "interrupted, then run again:\n" + again.all());
        assertEquals(
                HistoryEntry.SUCCEEDED,
                world.stateRecord().orElseThrow().lastEntry().orElseThrow().outcome());
    }

    private SimulatedCluster.Run run(DeployAction.Request request) {
        try {
            return world.run(request);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitLease() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (world.leases().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the first deploy never took the lock");
            Thread.sleep(10);
        }
    }

    private void awaitObject(String kind, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (world.mock()
                        .client()
                        .apps()
                        .statefulSets()
                        .inNamespace(SimulatedCluster.NAMESPACE)
                        .withName(name)
                        .get()
                == null) {
            assertTrue(System.nanoTime() < deadline, kind + " " + name + " never appeared");
            Thread.sleep(10);
        }
    }
}
