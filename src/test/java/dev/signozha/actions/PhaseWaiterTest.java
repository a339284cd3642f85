package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.Readiness;
import dev.signozha.cluster.kube.Fabric8NamespaceWatch;
import dev.signozha.support.MockCluster;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Waits driven by watches against the mock API server: ready, stuck with its code, or timed out. */
class PhaseWaiterTest {

    private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/name", "zookeeper");
    private static final Phase.Judge ZOOKEEPER =
            observed -> Readiness.statefulSet(observed.statefulSets().get(0), observed.pods(), observed.events());

    private MockCluster cluster;
    private ScheduledExecutorService controller;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        cluster = new MockCluster();
        controller = Executors.newSingleThreadScheduledExecutor();
        cluster.client()
                .resource(new StatefulSetBuilder()
                        .withNewMetadata()
                        .withName("zk")
                        .withNamespace("platform")
                        .withGeneration(1L)
                        .withLabels(LABELS)
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(3)
                        .endSpec()
                        .withNewStatus()
                        .withObservedGeneration(1L)
                        .withReadyReplicas(0)
                        .withUpdatedReplicas(0)
                        .endStatus()
                        .build())
                .create();
    }

    @AfterEach
    void stop() {
        controller.shutdownNow();
        cluster.close();
    }

    private PhaseWaiter.Outcome await(Duration timeout) throws InterruptedException {
        return await(timeout, state -> {});
    }

    /** Waits on a watch of the namespace, recording each progress report and then handing it to {@code onReport}. */
    private PhaseWaiter.Outcome await(Duration timeout, Consumer<String> onReport) throws InterruptedException {
        try (Fabric8NamespaceWatch watch =
                new Fabric8NamespaceWatch(cluster.client(), "platform", java.time.Duration.ofSeconds(30))) {
            return new PhaseWaiter(Clock.systemUTC()).await(ZOOKEEPER, watch, timeout, (state, waited) -> {
                progress.add(state);
                onReport.accept(state);
            });
        }
    }

    /**
     * Each change is made only once the waiter reported the one before, so the first report is the state the
     * watch opened on whatever the load. Woken only by its heartbeat, the waiter would need two of them to see
     * both changes; woken by the watch it needs a fraction of one.
     */
    @Test
    void await_statefulSetBecomesReady_endsOnTheWatchEventWellBeforeTheTimeout() throws Exception {
        Map<String, Integer> nextAfter = Map.of("0/3 ready", 1, "1/3 ready", 3);
        PhaseWaiter.Outcome outcome = await(Duration.ofSeconds(30), state -> {
            if (nextAfter.containsKey(state)) {
                controller.schedule(() -> markReady(nextAfter.get(state)), 300, TimeUnit.MILLISECONDS);
            }
        });
        assertEquals(PhaseWaiter.Outcome.Result.READY, outcome.result());
        assertEquals(List.of("0/3 ready", "1/3 ready"), progress, "the end is the caller's line, printed once");
        assertEquals("3/3 ready", outcome.progress());
        assertTrue(
                outcome.waited().compareTo(PhaseWaiter.HEARTBEAT.multipliedBy(2)) < 0,
                "woken by the watch, not by two heartbeats: " + outcome.waited());
    }

    @Test
    void await_podCannotPullItsImage_stopsAtOnceWithTheCode() throws Exception {
        cluster.client()
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("zk-0")
                        .withNamespace("platform")
                        .withLabels(LABELS)
                        .endMetadata()
                        .withNewSpec()
                        .withNodeName("node-a")
                        .addNewContainer()
                        .withName("zookeeper")
                        .withImage("signoz/zookeeper:nope")
                        .endContainer()
                        .endSpec()
                        .withNewStatus()
                        .withPhase("Pending")
                        .addNewContainerStatus()
                        .withName("zookeeper")
                        .withImage("signoz/zookeeper:nope")
                        .withNewState()
                        .withNewWaiting()
                        .withReason("ImagePullBackOff")
                        .endWaiting()
                        .endState()
                        .endContainerStatus()
                        .endStatus()
                        .build())
                .create();
        PhaseWaiter.Outcome outcome = await(Duration.ofSeconds(30));
        assertEquals(PhaseWaiter.Outcome.Result.STUCK, outcome.result());
        assertEquals(
                CheckCatalog.IMAGE_PULL_FAILED, outcome.stuck().orElseThrow().code());
        assertEquals("Pod/platform/zk-0", outcome.stuck().get().object());
    }

    @Test
    void await_neverReady_timesOutWithTheLastProgress() throws Exception {
        PhaseWaiter.Outcome outcome = await(Duration.ofMillis(700));
        assertEquals(PhaseWaiter.Outcome.Result.TIMED_OUT, outcome.result());
        assertEquals("0/3 ready", outcome.progress());
    }

    private void markReady(int ready) {
        StatefulSet set = cluster.client()
                .apps()
                .statefulSets()
                .inNamespace("platform")
                .withName("zk")
                .get();
        set.getStatus().setReadyReplicas(ready);
        set.getStatus().setUpdatedReplicas(ready);
        cluster.client().resource(set).updateStatus();
    }
}
