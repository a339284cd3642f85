package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.Readiness;
import dev.signozha.cluster.kube.NamespaceWatch.Observed;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.inventory.SnapshotParser;
import dev.signozha.core.topology.Topology.Spec;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each phase judges its own workload's pods, and only those, however alike the names. */
class PhaseJudgesTest {

    private static final Spec SPEC =
            InputFiles.topology(Path.of("examples/production-2x2.yaml")).spec();
    private static final String COLLECTOR_POD = "signoz-otel-collector-4mthhzlfn7-8tsf2";

    private static Observed healthyWithACrashLoopIn(String podName) throws Exception {
        Inventory healthy = SnapshotParser.parse(
                "healthy-2x2", Files.readString(Path.of("src/test/resources/clusters/healthy-2x2.yaml")));
        List<Pod> pods = new ArrayList<>();
        healthy.pods().forEach(pod -> pods.add(pod.getMetadata().getName().equals(podName) ? crashLooping(pod) : pod));
        return new Observed(
                pods,
                healthy.statefulSets(),
                healthy.deployments(),
                healthy.jobs(),
                healthy.events(),
                healthy.clickHouseInstallations());
    }

    private static Pod crashLooping(Pod pod) {
        return new PodBuilder(pod)
                .editStatus()
                .withContainerStatuses(new ContainerStatusBuilder()
                        .withName("collector")
                        .withImage("signoz/signoz-otel-collector:v0.111.5")
                        .withReady(false)
                        .withRestartCount(7)
                        .withNewState()
                        .withNewWaiting()
                        .withReason("CrashLoopBackOff")
                        .endWaiting()
                        .endState()
                        .build())
                .endStatus()
                .build();
    }

    private static Readiness.Status judge(DeployPhase phase, Observed observed) {
        return new PhaseJudges(SPEC).judge(phase).judge(observed);
    }

    @Test
    void theSignozPhase_isStuck_whenItsOwnPodCrashLoops_whileItRollsOut() throws Exception {
        Observed observed = healthyWithACrashLoopIn("signoz-0");
        observed.statefulSets().stream()
                .filter(set -> set.getMetadata().getName().equals("signoz"))
                .forEach(set -> set.setStatus(null));
        assertEquals(
                "Pod/platform/signoz-0",
                judge(DeployPhase.SIGNOZ, observed).stuck().orElseThrow().object());
    }

    @Test
    void aCrashLoopingCollector_isTheCollectorsPhaseProblem_notTheSignozStatefulSets() throws Exception {
        Observed observed = healthyWithACrashLoopIn(COLLECTOR_POD);
        Readiness.Status signoz = judge(DeployPhase.SIGNOZ, observed);
        assertTrue(
                signoz.ready() && signoz.stuck().isEmpty(),
                "signoz-otel-collector-* are not pods of signoz: " + signoz);
        Readiness.Stuck stuck = judge(DeployPhase.COLLECTORS, observed).stuck().orElseThrow();
        assertEquals(CheckCatalog.POD_EVICTIONS, stuck.code());
        assertEquals("Pod/platform/" + COLLECTOR_POD, stuck.object());
    }

    @Test
    void aCrashLoopingZooKeeperMember_isTheZooKeeperPhaseProblem_only() throws Exception {
        Observed observed = healthyWithACrashLoopIn("signoz-ha-zookeeper-0");
        assertTrue(
                judge(DeployPhase.SIGNOZ, observed).stuck().isEmpty(), "signoz-ha-zookeeper-0 is not a pod of signoz");
        assertEquals(
                "Pod/platform/signoz-ha-zookeeper-0",
                judge(DeployPhase.ZOOKEEPER, observed).stuck().orElseThrow().object());
    }

    private static Observed fixture(String name) throws Exception {
        Inventory inventory =
                SnapshotParser.parse(name, Files.readString(Path.of("src/test/resources/clusters/" + name + ".yaml")));
        return new Observed(
                inventory.pods(),
                inventory.statefulSets(),
                inventory.deployments(),
                inventory.jobs(),
                inventory.events(),
                inventory.clickHouseInstallations());
    }

    @Test
    void theZooKeeperPhaseOfAKeeperTopology_waitsForEveryKeeperServer_andIsStuckOnACrashLoopingOne() throws Exception {
        Spec keeper =
                InputFiles.topology(Path.of("examples/production-keeper.yaml")).spec();
        PhaseJudges judges = new PhaseJudges(keeper);
        assertTrue(judges.judge(DeployPhase.ZOOKEEPER)
                .judge(fixture("healthy-keeper"))
                .ready());
        Readiness.Status lost = judges.judge(DeployPhase.ZOOKEEPER).judge(fixture("keeper-quorum-lost"));
        assertEquals(
                "Pod/platform/chk-signoz-ha-keeper-keeper-0-1-0",
                lost.stuck().orElseThrow().object(),
                lost.toString());
    }
}
