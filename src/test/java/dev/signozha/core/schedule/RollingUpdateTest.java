package dev.signozha.core.schedule;

import static dev.signozha.core.schedule.Sim.HOSTNAME;
import static dev.signozha.core.schedule.Sim.bindings;
import static dev.signozha.core.schedule.Sim.node;
import static dev.signozha.core.schedule.Sim.onlyReason;
import static dev.signozha.core.schedule.Sim.pod;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollingUpdateTest {

    private static final PodAffinityTerm ONE_PER_NODE = PodAffinityTerm.matchLabels(HOSTNAME, Map.of("app", "query"));

    private static final List<SimPod> RUNNING = List.of(
            pod("query-0", "app", "query").withAntiAffinity(ONE_PER_NODE).boundTo("a"),
            pod("query-1", "app", "query").withAntiAffinity(ONE_PER_NODE).boundTo("b"));

    @Test
    void surge_belowTheReplicaCount_copiesThePodsInTurnAsUnboundPodsWithDistinctNames() {
        List<SimPod> surge = RollingUpdate.surge(RUNNING, 1);

        assertEquals(1, surge.size());
        SimPod copy = surge.get(0);
        assertAll(
                () -> assertEquals("query-0-surge-0", copy.name()),
                () -> assertNull(copy.nodeName()),
                () -> assertEquals(RUNNING.get(0).labels(), copy.labels()),
                () -> assertEquals(RUNNING.get(0).requests(), copy.requests()),
                () -> assertEquals(RUNNING.get(0).constraints(), copy.constraints()));
    }

    @Test
    void surge_aboveTheReplicaCount_cyclesThroughThePods() {
        List<String> names =
                RollingUpdate.surge(RUNNING, 3).stream().map(SimPod::name).toList();

        assertEquals(List.of("query-0-surge-0", "query-1-surge-1", "query-0-surge-2"), names);
    }

    @Test
    void surge_zeroOrEmptyWorkload_addsNothing() {
        assertAll(
                () -> assertEquals(List.of(), RollingUpdate.surge(RUNNING, 0)),
                () -> assertEquals(List.of(), RollingUpdate.surge(List.of(), 2)));
    }

    @Test
    void surge_negative_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> RollingUpdate.surge(RUNNING, -1));
    }

    @Test
    void surge_placedWithTheOldPods_fitsOnlyWhereAnOldPodIsNot() {
        List<SimNode> nodes = List.of(node("a"), node("b"), node("c"));

        Placement placement = Scheduler.place(nodes, RUNNING, RollingUpdate.surge(RUNNING, 2));

        assertEquals(List.of("query-0-surge-0->c"), bindings(placement));
        assertEquals(
                "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.",
                onlyReason(placement),
                "the second surge pod finds every node holding an old or a surge pod: the rollout stalls at one");
    }
}
