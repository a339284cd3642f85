package dev.signozha.core.schedule;

import static dev.signozha.core.schedule.Sim.GI;
import static dev.signozha.core.schedule.Sim.bindings;
import static dev.signozha.core.schedule.Sim.node;
import static dev.signozha.core.schedule.Sim.onlyReason;
import static dev.signozha.core.schedule.Sim.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signozha.core.schedule.Taint.Effect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The node-side filters (NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit) and their reasons. */
class SchedulerFiltersTest {

    private static final Taint DEDICATED = new Taint("dedicated", "clickhouse", Effect.NO_SCHEDULE);

    // ---- NodeUnschedulable ----

    @Test
    void place_cordonedNode_isSkippedAsUnschedulable() {
        List<SimNode> nodes = List.of(node("cordoned").cordoned(), node("open"));

        Placement placement = Scheduler.place(nodes, List.of(pod("p0")));

        assertEquals(List.of("p0->open"), bindings(placement));
    }

    @Test
    void place_onlyCordonedNodes_reportsNodesWereUnschedulable() {
        Placement placement =
                Scheduler.place(List.of(node("a").cordoned(), node("b").cordoned()), List.of(pod("p0")));

        assertEquals("0/2 nodes are available: 2 node(s) were unschedulable.", onlyReason(placement));
    }

    @Test
    void place_podToleratingTheCordonTaint_goesOntoACordonedNode() {
        SimPod daemon =
                pod("p0").withTolerations(Toleration.exists("node.kubernetes.io/unschedulable", Effect.NO_SCHEDULE));

        Placement placement = Scheduler.place(List.of(node("cordoned").cordoned()), List.of(daemon));

        assertEquals(List.of("p0->cordoned"), bindings(placement));
    }

    // ---- TaintToleration ----

    @Test
    void place_noScheduleTaintNotTolerated_reportsTheTaintKeyAndValue() {
        Placement placement = Scheduler.place(List.of(node("ch-0").withTaints(DEDICATED)), List.of(pod("p0")));

        assertEquals(
                "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: clickhouse}.",
                onlyReason(placement));
    }

    @Test
    void place_noExecuteTaintNotTolerated_blocksTheNode() {
        Taint draining = new Taint("node.kubernetes.io/not-ready", null, Effect.NO_EXECUTE);

        Placement placement = Scheduler.place(List.of(node("a").withTaints(draining)), List.of(pod("p0")));

        assertEquals(
                "0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.",
                onlyReason(placement));
    }

    @Test
    void place_preferNoScheduleTaint_doesNotBlockTheNode() {
        Taint soft = new Taint("spot", "true", Effect.PREFER_NO_SCHEDULE);

        Placement placement = Scheduler.place(List.of(node("a").withTaints(soft)), List.of(pod("p0")));

        assertEquals(List.of("p0->a"), bindings(placement));
    }

    @Test
    void place_severalUntoleratedTaints_reportsTheFirstThatBlocks() {
        SimNode node = node("a")
                .withTaints(
                        new Taint("spot", "true", Effect.PREFER_NO_SCHEDULE),
                        DEDICATED,
                        new Taint("gpu", "yes", Effect.NO_SCHEDULE));

        Placement placement = Scheduler.place(List.of(node), List.of(pod("p0")));

        assertEquals(
                "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: clickhouse}.",
                onlyReason(placement));
    }

    @Test
    void place_tolerationsByEqualExistsAndWildcard_letThePodOntoTaintedNodes() {
        List<SimNode> nodes = List.of(node("a").withTaints(DEDICATED));
        List<SimPod> pods = List.of(
                pod("equal").withTolerations(Toleration.equal("dedicated", "clickhouse", Effect.NO_SCHEDULE)),
                pod("exists").withTolerations(Toleration.exists("dedicated", null)),
                pod("everything").withTolerations(Toleration.everything()));

        Placement placement = Scheduler.place(nodes, pods);

        assertEquals(List.of("equal->a", "exists->a", "everything->a"), bindings(placement));
    }

    @Test
    void place_tolerationWithOtherValueOrEffect_doesNotTolerate() {
        List<SimNode> nodes = List.of(node("a").withTaints(DEDICATED));
        List<SimPod> pods = List.of(
                pod("other-value").withTolerations(Toleration.equal("dedicated", "kafka", Effect.NO_SCHEDULE)),
                pod("other-effect").withTolerations(Toleration.exists("dedicated", Effect.NO_EXECUTE)));

        Placement placement = Scheduler.place(nodes, pods);

        assertEquals(List.of(), bindings(placement));
        assertEquals(2, placement.unplaced().size());
    }

    // ---- NodeAffinity ----

    @Test
    void place_nodeSelector_keepsThePodToMatchingNodes() {
        List<SimNode> nodes = List.of(node("general", "pool", "general"), node("ch", "pool", "clickhouse"));

        Placement placement = Scheduler.place(nodes, List.of(pod("p0").withNodeSelector(Map.of("pool", "clickhouse"))));

        assertEquals(List.of("p0->ch"), bindings(placement));
    }

    @Test
    void place_nodeSelectorMatchingNoNode_reportsNodeAffinitySelector() {
        List<SimNode> nodes = List.of(node("a", "pool", "general"), node("b"));

        Placement placement = Scheduler.place(nodes, List.of(pod("p0").withNodeSelector(Map.of("pool", "clickhouse"))));

        assertEquals(
                "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.", onlyReason(placement));
    }

    @Test
    void place_nodeAffinityTerms_areOredAndTheirExpressionsAnded() {
        List<SimNode> nodes = List.of(
                node("ssd-only", "disk", "ssd"),
                node("ssd-big", "disk", "ssd", "cores", "32"),
                node("gpu", "gpu", "a100"));
        NodeSelectorTerm bigSsd =
                NodeSelectorTerm.of(LabelRequirement.in("disk", "ssd"), LabelRequirement.greaterThan("cores", 16));
        NodeSelectorTerm anyGpu = NodeSelectorTerm.of(LabelRequirement.exists("gpu"));
        SimPod pod = pod("p0").withNodeAffinity(bigSsd, anyGpu);

        Placement placement = Scheduler.place(
                nodes,
                List.of(
                        pod,
                        pod("p1").withNodeAffinity(bigSsd, anyGpu),
                        pod("p2").withNodeAffinity(bigSsd, anyGpu)));

        assertEquals(List.of("p0->ssd-big", "p1->gpu", "p2->ssd-big"), bindings(placement));
    }

    @Test
    void place_nodeSelectorAndNodeAffinity_mustBothHold() {
        List<SimNode> nodes = List.of(node("a", "pool", "ch", "zone", "1"), node("b", "pool", "ch", "zone", "2"));
        SimPod pod = pod("p0")
                .withNodeSelector(Map.of("pool", "ch"))
                .withNodeAffinity(NodeSelectorTerm.of(LabelRequirement.notIn("zone", "1")));

        assertEquals(List.of("p0->b"), bindings(Scheduler.place(nodes, List.of(pod))));
    }

    @Test
    void place_nodeAffinityTermWithoutExpressions_matchesNoNode() {
        SimPod pod = pod("p0").withNodeAffinity(new NodeSelectorTerm(List.of()));

        Placement placement = Scheduler.place(List.of(node("a")), List.of(pod));

        assertEquals(
                "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.", onlyReason(placement));
    }

    // ---- NodeResourcesFit with existing pods ----

    @Test
    void place_existingPods_useUpTheirNodesResources() {
        List<SimNode> nodes = List.of(node("busy", 2000, 8 * GI), node("idle", 2000, 8 * GI));
        List<SimPod> existing = List.of(pod("running").boundTo("busy"));

        Placement placement = Scheduler.place(nodes, existing, List.of(pod("p0"), pod("p1"), pod("p2")));

        assertEquals(List.of("p0->idle", "p1->busy", "p2->idle"), bindings(placement));
    }

    @Test
    void place_existingPodsFillingEveryNode_reportInsufficientResources() {
        List<SimNode> nodes = List.of(node("a", 2000, 8 * GI), node("b", 2000, 2 * GI));
        List<SimPod> existing = List.of(
                pod("r0").boundTo("a"),
                pod("r1").boundTo("a"),
                pod("r2").boundTo("b"),
                pod("r3").boundTo("b"));

        Placement placement = Scheduler.place(nodes, existing, List.of(pod("p0")));

        assertEquals("0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.", onlyReason(placement));
    }

    @Test
    void place_existingPodsOnUnknownOrNoNode_countForNothing() {
        List<SimNode> nodes = List.of(node("a", 1000, 8 * GI));
        List<SimPod> existing = List.of(pod("pending"), pod("elsewhere").boundTo("gone"));

        assertEquals(List.of("p0->a"), bindings(Scheduler.place(nodes, existing, List.of(pod("p0")))));
    }

    @Test
    void place_podRequestingNothing_fitsAnOvercommittedNodeWithPodRoom() {
        // Existing requests can exceed allocatable (a node that shrank, static pods): far below zero free.
        List<SimNode> nodes = List.of(node("a", 100, GI / 8));
        SimPod besteffort = SimPod.of("p0", "test", Map.of(), 0, 0);

        Placement placement = Scheduler.place(nodes, List.of(pod("big").boundTo("a")), List.of(besteffort));

        assertEquals(List.of("p0->a"), bindings(placement));
    }

    // ---- order of the filters ----

    @Test
    void place_nodeFailingSeveralFilters_isCountedOnlyForTheFirst() {
        List<SimNode> nodes = List.of(
                node("cordoned-and-tainted", 100, GI).cordoned().withTaints(DEDICATED),
                node("tainted-and-unselected", 100, GI).withTaints(DEDICATED),
                node("unselected-and-small", 100, GI),
                node("small", 100, GI / 2, "pool", "ch"),
                node("full", "pool", "ch"));
        SimPod pod = pod("p0").withNodeSelector(Map.of("pool", "ch"));
        List<SimPod> existing =
                List.of(SimPod.of("hog", "test", Map.of(), 3500, GI).boundTo("full"));

        Placement placement = Scheduler.place(nodes, existing, List.of(pod));

        assertEquals(
                "0/5 nodes are available: 1 Insufficient memory, "
                        + "1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: clickhouse}, "
                        + "1 node(s) were unschedulable, 2 Insufficient cpu.",
                onlyReason(placement));
    }
}
