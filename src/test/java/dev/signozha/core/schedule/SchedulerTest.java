package dev.signozha.core.schedule;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private static final long GI = 1024L * 1024 * 1024;
    private static final long MI = 1024L * 1024;
    private static final String HOSTNAME = "kubernetes.io/hostname";
    private static final String ZONE = "topology.kubernetes.io/zone";

    // ---- spreading ----

    @Test
    void place_podsThatFitOnIdenticalNodes_spreadOneNodeAtATime() {
        List<SimNode> nodes =
                List.of(node("node-a", 4000, 8 * GI), node("node-b", 4000, 8 * GI), node("node-c", 4000, 8 * GI));
        List<SimPod> pods = List.of(pod("p0", 1000, GI), pod("p1", 1000, GI), pod("p2", 1000, GI), pod("p3", 1000, GI));

        Placement placement = Scheduler.place(nodes, pods);

        assertTrue(placement.complete(), () -> "unplaced: " + placement.unplaced());
        assertEquals(List.of("p0->node-a", "p1->node-b", "p2->node-c", "p3->node-a"), bindings(placement));
    }

    @Test
    void place_unevenNodes_preferTheLeastAllocatedAndBreakTiesByNodeOrder() {
        // free share after binding: big 7/8, 6/8, 5/8, 4/8; small 1/2. The fourth pod ties 1/2 against 1/2.
        List<SimNode> nodes = List.of(node("small", 2000, 4 * GI), node("big", 8000, 16 * GI));
        List<SimPod> pods = List.of(
                pod("p0", 1000, 2 * GI), pod("p1", 1000, 2 * GI), pod("p2", 1000, 2 * GI), pod("p3", 1000, 2 * GI));

        Placement placement = Scheduler.place(nodes, pods);

        assertEquals(List.of("p0->big", "p1->big", "p2->big", "p3->small"), bindings(placement));
    }

    @Test
    void place_cpuAndMemoryShares_areWeighedTogether() {
        // After binding: "cpu-rich" is 3/4 cpu-free and 1/4 memory-free (1/2); "balanced" is 1/2 and 5/8 (9/16).
        List<SimNode> nodes = List.of(node("cpu-rich", 4000, 4 * GI), node("balanced", 2000, 8 * GI));

        Placement placement = Scheduler.place(nodes, List.of(pod("p0", 1000, 3 * GI)));

        assertEquals(List.of("p0->balanced"), bindings(placement));
    }

    // ---- required pod anti-affinity ----

    @Test
    void place_shardAntiAffinityOnTwoNodes_separatesTwoReplicasAndLeavesTheThirdUnplaced() {
        List<SimNode> nodes = List.of(node("node-a", 16000, 64 * GI), node("node-b", 16000, 64 * GI));
        List<SimPod> replicas = List.of(
                replica("shard-0-replica-0", 0), replica("shard-0-replica-1", 0), replica("shard-0-replica-2", 0));

        Placement placement = Scheduler.place(nodes, replicas);

        assertEquals(List.of("shard-0-replica-0->node-a", "shard-0-replica-1->node-b"), bindings(placement));
        assertEquals(1, placement.unplaced().size(), () -> "unplaced: " + placement.unplaced());
        assertEquals("shard-0-replica-2", placement.unplaced().get(0).pod().name());
        assertEquals(
                "0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules.",
                placement.unplaced().get(0).reason());
    }

    @Test
    void place_shardAntiAffinity_letsReplicasOfDifferentShardsShareANode() {
        List<SimNode> nodes = List.of(node("node-a", 16000, 64 * GI), node("node-b", 16000, 64 * GI));
        List<SimPod> replicas =
                List.of(replica("s0-r0", 0), replica("s0-r1", 0), replica("s1-r0", 1), replica("s1-r1", 1));

        Placement placement = Scheduler.place(nodes, replicas);

        assertTrue(placement.complete(), () -> "unplaced: " + placement.unplaced());
        Map<String, String> nodeOf = nodeByPod(placement);
        assertAll(
                () -> assertTrue(
                        !nodeOf.get("s0-r0").equals(nodeOf.get("s0-r1")),
                        () -> "shard 0 replicas share a node: " + nodeOf),
                () -> assertTrue(
                        !nodeOf.get("s1-r0").equals(nodeOf.get("s1-r1")),
                        () -> "shard 1 replicas share a node: " + nodeOf),
                () -> assertEquals(
                        List.of("s0-r0->node-a", "s0-r1->node-b", "s1-r0->node-a", "s1-r1->node-b"),
                        bindings(placement)));
    }

    @Test
    void place_zoneAntiAffinity_blocksEveryNodeInAnOccupiedZone() {
        // node-b is as empty as node-c and comes first, so only the zone rule can send the second pod to node-c.
        List<SimNode> nodes = List.of(
                node("node-a", 4000, 8 * GI, ZONE, "zone-1"),
                node("node-b", 4000, 8 * GI, ZONE, "zone-1"),
                node("node-c", 4000, 8 * GI, ZONE, "zone-2"));
        List<SimPod> pods = List.of(zoneSpread("z0"), zoneSpread("z1"), zoneSpread("z2"));

        Placement placement = Scheduler.place(nodes, pods);

        assertEquals(List.of("z0->node-a", "z1->node-c"), bindings(placement));
        assertEquals(1, placement.unplaced().size());
        assertEquals(
                "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.",
                placement.unplaced().get(0).reason());
    }

    @Test
    void place_nodesLackingTheTopologyKeyLabel_areNotBlockedByAntiAffinity() {
        List<SimNode> nodes = List.of(node("zoned", 4000, 8 * GI, ZONE, "zone-1"), node("unzoned", 4000, 8 * GI));
        List<SimPod> pods = List.of(zoneSpread("z0"), zoneSpread("z1"), zoneSpread("z2"));

        Placement placement = Scheduler.place(nodes, pods);

        assertTrue(placement.complete(), () -> "unplaced: " + placement.unplaced());
        assertEquals(List.of("z0->zoned", "z1->unzoned", "z2->unzoned"), bindings(placement));
    }

    @Test
    void place_antiAffinity_ignoresPodsNotMatchingItsLabels() {
        List<SimNode> nodes = List.of(node("only", 4000, 8 * GI));
        SimPod other = SimPod.of("other", "zookeeper", Map.of("app", "zookeeper"), 100, 100 * MI);

        Placement placement = Scheduler.place(nodes, List.of(other, replica("s0-r0", 0)));

        assertEquals(List.of("other->only", "s0-r0->only"), bindings(placement));
    }

    // ---- reasons ----

    @Test
    void place_insufficientResources_countsEachReasonPerNode() {
        List<SimNode> nodes = List.of(
                node("small-cpu", 500, 8 * GI),
                node("small-memory-1", 4000, 512 * MI),
                node("small-memory-2", 4000, 512 * MI));

        Placement placement = Scheduler.place(nodes, List.of(pod("p0", 1000, GI)));

        assertEquals(List.of(), placement.assignments());
        assertEquals(
                "0/3 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.",
                placement.unplaced().get(0).reason());
    }

    @Test
    void place_nodeShortOfCpuAndMemory_countsBothReasons() {
        Placement placement = Scheduler.place(List.of(node("tiny", 100, 100 * MI)), List.of(pod("p0", 1000, GI)));

        assertEquals(
                "0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.",
                placement.unplaced().get(0).reason());
    }

    @Test
    void place_nodeAtItsPodLimit_reportsTooManyPods() {
        List<SimNode> nodes = List.of(SimNode.of("node-a", Map.of(HOSTNAME, "node-a"), 4000, 8 * GI, 2));
        List<SimPod> pods = List.of(pod("p0", 10, MI), pod("p1", 10, MI), pod("p2", 10, MI));

        Placement placement = Scheduler.place(nodes, pods);

        assertEquals(List.of("p0->node-a", "p1->node-a"), bindings(placement));
        assertEquals(
                "0/1 nodes are available: 1 Too many pods.",
                placement.unplaced().get(0).reason());
    }

    @Test
    void place_boundPods_useUpTheNodeForLaterPods() {
        List<SimNode> nodes = List.of(node("node-a", 2000, 8 * GI));
        List<SimPod> pods = List.of(pod("p0", 1000, GI), pod("p1", 1000, GI), pod("p2", 1000, GI));

        Placement placement = Scheduler.place(nodes, pods);

        assertEquals(List.of("p0->node-a", "p1->node-a"), bindings(placement));
        assertEquals("p2", placement.unplaced().get(0).pod().name());
        assertEquals(
                "0/1 nodes are available: 1 Insufficient cpu.",
                placement.unplaced().get(0).reason());
    }

    @Test
    void place_reasonCountsDiffer_sortsWholeEntriesLikeKubeScheduler() {
        // kube-scheduler (FitError.Error) formats "<count> <reason>" and then sort.Strings the formatted entries,
        // so "1 Insufficient memory" sorts before "2 Insufficient cpu".
        List<SimNode> nodes = List.of(
                node("small-cpu-1", 500, 8 * GI),
                node("small-cpu-2", 500, 8 * GI),
                node("small-memory", 4000, 512 * MI));

        Placement placement = Scheduler.place(nodes, List.of(pod("p0", 1000, GI)));

        assertEquals(
                "0/3 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.",
                placement.unplaced().get(0).reason(),
                "reasons must be sorted as whole '<count> <reason>' strings, as kube-scheduler's sort.Strings does, "
                        + "not by reason name alone");
    }

    @Test
    void place_nodeFailingResourcesAndAntiAffinity_isCountedOnlyForResourcesLikeKubeScheduler() {
        // kube-scheduler runs filter plugins in order and stops at the first that rejects a node: NodeResourcesFit
        // comes before InterPodAffinity, so a full node is never also counted as an anti-affinity mismatch.
        List<SimNode> nodes = List.of(node("node-a", 2000, 8 * GI), node("node-b", 2000, 8 * GI));
        List<SimPod> pods =
                List.of(replicaSized("s0-r0", 0, 1500), pod("filler", 1500, GI), replicaSized("s0-r1", 0, 1000));

        Placement placement = Scheduler.place(nodes, pods);

        assertEquals(List.of("s0-r0->node-a", "filler->node-b"), bindings(placement));
        assertEquals(
                "0/2 nodes are available: 2 Insufficient cpu.",
                placement.unplaced().get(0).reason(),
                "a node already rejected for resources must not also be counted as an anti-affinity mismatch");
    }

    // ---- determinism ----

    @Test
    void place_tiedNodes_goToTheEarlierNodeInTheListWhateverTheirNames() {
        List<SimNode> nodes = List.of(node("node-z", 4000, 8 * GI), node("node-a", 4000, 8 * GI));

        Placement placement = Scheduler.place(nodes, List.of(pod("p0", 1000, GI), pod("p1", 1000, GI)));

        assertEquals(List.of("p0->node-z", "p1->node-a"), bindings(placement));
    }

    @Test
    void place_sameInputTwice_givesTheSamePlacement() {
        List<SimNode> nodes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            nodes.add(node("node-" + i, 8000, 32 * GI, ZONE, "zone-" + (i % 3)));
        }
        List<SimPod> pods = new ArrayList<>();
        for (int shard = 0; shard < 6; shard++) {
            for (int copy = 0; copy < 3; copy++) {
                pods.add(replica("s" + shard + "-r" + copy, shard));
                pods.add(pod("filler-" + shard + "-" + copy, 700, 3 * GI));
            }
        }

        Placement first = Scheduler.place(nodes, pods);
        Placement second = Scheduler.place(List.copyOf(nodes), List.copyOf(pods));

        assertEquals(bindings(first), bindings(second));
        assertEquals(first, second);
        assertEquals(
                pods.size(),
                first.assignments().size() + first.unplaced().size(),
                "every pod is either placed or unplaced");
    }

    // ---- helpers ----

    private static SimNode node(String name, long cpuMillis, long memoryBytes, String... extraLabels) {
        Map<String, String> labels = new HashMap<>();
        labels.put(HOSTNAME, name);
        for (int i = 0; i < extraLabels.length; i += 2) {
            labels.put(extraLabels[i], extraLabels[i + 1]);
        }
        return SimNode.of(name, labels, cpuMillis, memoryBytes, 110);
    }

    private static SimPod pod(String name, long cpuMillis, long memoryBytes) {
        return SimPod.of(name, "test", Map.of("app", "test"), cpuMillis, memoryBytes);
    }

    /** A ClickHouse replica with the ShardAntiAffinity-like term: no two pods of its shard on one host. */
    private static SimPod replica(String name, int shard) {
        return replicaSized(name, shard, 1000);
    }

    private static SimPod replicaSized(String name, int shard, long cpuMillis) {
        Map<String, String> labels = Map.of("app", "clickhouse", "shard", Integer.toString(shard));
        return SimPod.of(name, "clickhouse", labels, cpuMillis, 2 * GI)
                .withAntiAffinity(PodAffinityTerm.matchLabels(HOSTNAME, labels));
    }

    /** A pod that refuses to share a zone with another of its kind. */
    private static SimPod zoneSpread(String name) {
        return SimPod.of(name, "spread", Map.of("app", "spread"), 100, 100 * MI)
                .withAntiAffinity(PodAffinityTerm.matchLabels(ZONE, Map.of("app", "spread")));
    }

    private static List<String> bindings(Placement placement) {
        return placement.assignments().stream()
                .map(a -> a.pod().name() + "->" + a.node().name())
                .toList();
    }

    private static Map<String, String> nodeByPod(Placement placement) {
        Map<String, String> nodeOf = new HashMap<>();
        placement.assignments().forEach(a -> nodeOf.put(a.pod().name(), a.node().name()));
        return nodeOf;
    }
}
