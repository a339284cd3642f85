package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.signozha.checks.Readiness;
import dev.signozha.cluster.kube.NamespaceWatch.Observed;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.topology.TopologyLoader;
import dev.signozha.support.HealthyFixture;
import dev.signozha.support.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Which pods each phase is judged by: its own workload's, no other's. */
class PhaseJudgesTest {

    private static final String COLLECTOR_POD = "signoz-otel-collector-4mthhzlfn7-8tsf2";

    private final PhaseJudges judges = new PhaseJudges(TopologyLoader.load(SimulatedCluster.PRODUCTION.toString(),
            InputFiles.readText(SimulatedCluster.PRODUCTION)).spec());

    /**
     * The healthy fixture's SigNoz StatefulSet, not ready yet (as while it rolls out), with the fixture's pods
     * named, {@code crashing} crash-looping.
     */
    private static Observed signozStartingWith(String crashing, String... pods) {
        Inventory fixture = HealthyFixture.inventory();
        List<Pod> observed = HealthyFixture.copies(fixture.pods(), pod -> List.of(pods).contains(pod.getMetadata().getName()));
        observed.stream().filter(pod -> pod.getMetadata().getName().equals(crashing)).forEach(PhaseJudgesTest::crashLoop);
        List<StatefulSet> signoz = HealthyFixture.copies(fixture.statefulSets(),
                set -> set.getMetadata().getName().equals("signoz"));
        signoz.forEach(set -> set.setStatus(null));
        return new Observed(observed, signoz, List.of(), List.of(), List.of(), List.of());
    }

    private static void crashLoop(Pod pod) {
        pod.getStatus().setContainerStatuses(List.of(new ContainerStatusBuilder().withName("main").withReady(false)
                .withRestartCount(7).withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                .build()));
    }

    private Readiness.Status signozPhase(Observed observed) {
        return judges.judge(DeployPhase.SIGNOZ).apply(observed);
    }

    @Test
    void signozPhase_isStuck_whenItsOwnPodCrashLoops() {
        Readiness.Status status = signozPhase(signozStartingWith("signoz-0", "signoz-0"));
        assertFalse(status.ready(), status.progress());
        assertEquals("Pod/platform/signoz-0", status.stuck().map(Readiness.Stuck::object).orElse("not stuck"));
    }

    @Disabled("product bug: PhaseJudges.podsOf (cli/dev/signozha/actions/PhaseJudges.java:42, 48, 69-70) picks a "
            + "workload's pods by the name prefix '<name>-', so the signoz StatefulSet's phase also judges the pods of "
            + "signoz-otel-collector, signoz-ha-zookeeper and signoz-telemetrystore-migrator: a crash-looping collector "
            + "pod (say, during an upgrade that fixes it) fails '[5/8] signoz is stuck' while SigNoz is rolling out")
    @Test
    void signozPhase_keepsWaiting_whenOnlyACollectorPodCrashLoops() {
        Readiness.Status status = signozPhase(signozStartingWith(COLLECTOR_POD, "signoz-0", COLLECTOR_POD));
        assertEquals(Optional.empty(), status.stuck().map(Readiness.Stuck::object), "not SigNoz's pod");
    }
}
