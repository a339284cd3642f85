package dev.signozha.core.schedule;

import static dev.signozha.core.schedule.Sim.HOSTNAME;
import static dev.signozha.core.schedule.Sim.ZONE;
import static dev.signozha.core.schedule.Sim.bindings;
import static dev.signozha.core.schedule.Sim.node;
import static dev.signozha.core.schedule.Sim.onlyReason;
import static dev.signozha.core.schedule.Sim.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The InterPodAffinity filter: the pod's affinity and anti-affinity, and existing pods' anti-affinity. */
class SchedulerPodAffinityTest {

    private static final Map<String, String> ZOOKEEPER = Map.of("app", "zookeeper");

    // ---- anti-affinity against existing pods ----

    @Test
    void place_antiAffinity_avoidsNodesWithAMatchingExistingPod() {
        List<SimNode> nodes = List.of(node("a"), node("b"));
        List<SimPod> existing = List.of(pod("shard0-r0", "shard", "0").boundTo("a"));
        SimPod replica = pod("shard0-r1", "shard", "0")
                .withAntiAffinity(PodAffinityTerm.matchLabels(HOSTNAME, Map.of("shard", "0")));

        assertEquals(List.of("shard0-r1->b"), bindings(Scheduler.place(nodes, existing, List.of(replica))));
    }

    @Test
    void place_existingPodsAntiAffinityMatchingTheNewPod_repelsItSymmetrically() {
        // The new pod has no rules of its own; the running pod's term selects it, so kube-scheduler keeps it off.
        List<SimNode> nodes = List.of(node("a"), node("b"));
        SimPod lonely = pod("lonely", "app", "lonely")
                .withAntiAffinity(PodAffinityTerm.matchLabels(HOSTNAME, Map.of("app", "web")))
                .boundTo("a");

        Placement placement = Scheduler.place(nodes, List.of(lonely), List.of(pod("web-0", "app", "web")));

        assertEquals(List.of("web-0->b"), bindings(placement));
    }

    @Test
    void place_everyNodeHoldsARepellingPod_reportsExistingPodsAntiAffinity() {
        List<SimNode> nodes = List.of(node("a"), node("b"));
        PodAffinityTerm noWeb = PodAffinityTerm.matchLabels(HOSTNAME, Map.of("app", "web"));
        List<SimPod> existing = List.of(
                pod("guard-a").withAntiAffinity(noWeb).boundTo("a"),
                pod("guard-b").withAntiAffinity(noWeb).boundTo("b"));

        Placement placement = Scheduler.place(nodes, existing, List.of(pod("web-0", "app", "web")));

        assertEquals(
                "0/2 nodes are available: 2 node(s) didn't satisfy existing pods anti-affinity rules.",
                onlyReason(placement));
    }

    @Test
    void place_existingPodsAntiAffinityByExpressionsOnly_repelsThePodsItMatches() {
        List<SimNode> nodes = List.of(node("a"), node("b"));
        PodAffinityTerm noFrontends = new PodAffinityTerm(
                HOSTNAME, LabelSelector.matchExpressions(LabelRequirement.in("tier", "web", "edge")));
        List<SimPod> existing =
                List.of(pod("batch").withAntiAffinity(noFrontends).boundTo("a"));

        Placement placement =
                Scheduler.place(nodes, existing, List.of(pod("edge-0", "tier", "edge"), pod("db-0", "tier", "db")));

        assertEquals(List.of("edge-0->b", "db-0->a"), bindings(placement));
    }

    @Test
    void place_placedPodsAntiAffinity_repelsLaterPodsToo() {
        List<SimNode> nodes = List.of(node("a"), node("b"));
        SimPod guard = pod("guard").withAntiAffinity(PodAffinityTerm.matchLabels(HOSTNAME, Map.of("app", "web")));

        Placement placement = Scheduler.place(nodes, List.of(guard, pod("web-0", "app", "web")));

        assertEquals(List.of("guard->a", "web-0->b"), bindings(placement));
    }

    @Test
    void place_antiAffinity_onlySeesPodsOfItsOwnNamespace() {
        List<SimNode> nodes = List.of(node("a"));
        List<SimPod> existing =
                List.of(pod("other-install", "shard", "0").inNamespace("team-b").boundTo("a"));
        SimPod replica = pod("r0", "shard", "0")
                .inNamespace("team-a")
                .withAntiAffinity(PodAffinityTerm.matchLabels(HOSTNAME, Map.of("shard", "0")));

        assertEquals(List.of("r0->a"), bindings(Scheduler.place(nodes, existing, List.of(replica))));
    }

    @Test
    void place_zoneAntiAffinityAgainstExistingPods_reportsEveryNodeOfTheOccupiedZones() {
        List<SimNode> nodes = List.of(node("a", ZONE, "z1"), node("b", ZONE, "z1"), node("c", ZONE, "z2"));
        List<SimPod> existing = List.of(
                pod("zk-0", "app", "zookeeper").boundTo("a"),
                pod("zk-1", "app", "zookeeper").boundTo("c"));
        SimPod third = pod("zk-2", "app", "zookeeper").withAntiAffinity(PodAffinityTerm.matchLabels(ZONE, ZOOKEEPER));

        Placement placement = Scheduler.place(nodes, existing, List.of(third));

        assertEquals("0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.", onlyReason(placement));
    }

    @Test
    void place_antiAffinityWithMatchExpressions_usesEveryOperator() {
        List<SimNode> nodes = List.of(node("a"), node("b"), node("c"), node("d"));
        List<SimPod> existing = List.of(
                pod("in", "tier", "db").boundTo("a"),
                pod("notin", "tier", "cache").boundTo("b"),
                pod("exists", "tier", "web", "canary", "yes").boundTo("c"),
                pod("dne", "tier", "web").boundTo("d"));
        // Matches pods with tier in (db, web) and no canary label: "in" on a and "dne" on d.
        LabelSelector selector = LabelSelector.matchExpressions(
                LabelRequirement.in("tier", "db", "web"),
                LabelRequirement.notIn("tier", "cache"),
                LabelRequirement.exists("tier"),
                LabelRequirement.doesNotExist("canary"));
        PodAffinityTerm term = new PodAffinityTerm(HOSTNAME, selector);
        List<SimPod> pods = List.of(
                pod("p0").withAntiAffinity(term),
                pod("p1").withAntiAffinity(term),
                pod("p2").withAntiAffinity(term));

        Placement placement = Scheduler.place(nodes, existing, pods);

        assertEquals(List.of("p0->b", "p1->c", "p2->b"), bindings(placement), "only b and c are free of matching pods");
    }

    // ---- pod affinity ----

    @Test
    void place_podAffinity_coLocatesWithTheMatchingPod() {
        List<SimNode> nodes = List.of(node("a", ZONE, "z1"), node("b", ZONE, "z2"), node("c", ZONE, "z2"));
        List<SimPod> existing = List.of(pod("zk-0", "app", "zookeeper").boundTo("c"));
        SimPod client = pod("client").withAffinity(PodAffinityTerm.matchLabels(ZONE, ZOOKEEPER));

        // b and c share zk-0's zone; b is emptier.
        assertEquals(List.of("client->b"), bindings(Scheduler.place(nodes, existing, List.of(client))));
    }

    @Test
    void place_podAffinityMatchingPodsElsewhereOnly_reportsPodAffinity() {
        List<SimNode> nodes = List.of(node("a", ZONE, "z1"), node("b", ZONE, "z2"), node("c"));
        List<SimPod> existing = List.of(pod("zk-0", "app", "zookeeper").boundTo("a"));
        SimPod client = pod("client")
                .withAffinity(PodAffinityTerm.matchLabels(ZONE, ZOOKEEPER))
                .withNodeSelector(Map.of(ZONE, "z2"));
        SimPod unzoned = pod("unzoned").withAffinity(PodAffinityTerm.matchLabels(ZONE, ZOOKEEPER));

        Placement placement = Scheduler.place(nodes, existing, List.of(client, unzoned));

        assertEquals(
                "0/3 nodes are available: 1 node(s) didn't match pod affinity rules, "
                        + "2 node(s) didn't match Pod's node affinity/selector.",
                onlyReason(placement));
        assertEquals(
                List.of("unzoned->a"), bindings(placement), "a node without the topology key never satisfies affinity");
    }

    @Test
    void place_firstPodOfASelfAffineGroup_mayStartItAndTheRestFollow() {
        List<SimNode> nodes = List.of(node("a", ZONE, "z1"), node("b", ZONE, "z2"));
        PodAffinityTerm together = PodAffinityTerm.matchLabels(ZONE, Map.of("app", "batch"));
        List<SimPod> pods = List.of(
                pod("batch-0", "app", "batch").withAffinity(together),
                pod("batch-1", "app", "batch").withAffinity(together),
                pod("batch-2", "app", "batch").withAffinity(together));

        assertEquals(List.of("batch-0->a", "batch-1->a", "batch-2->a"), bindings(Scheduler.place(nodes, pods)));
    }

    @Test
    void place_affinityToAbsentPodsTheNewPodDoesNotMatch_isUnplaced() {
        SimPod client = pod("client").withAffinity(PodAffinityTerm.matchLabels(HOSTNAME, ZOOKEEPER));

        Placement placement = Scheduler.place(List.of(node("a"), node("b")), List.of(client));

        assertEquals("0/2 nodes are available: 2 node(s) didn't match pod affinity rules.", onlyReason(placement));
    }

    @Test
    void place_affinityAndAntiAffinityTogether_pickTheZoneWithZooKeeperButANodeWithout() {
        List<SimNode> nodes = List.of(node("a", ZONE, "z1"), node("b", ZONE, "z1"), node("c", ZONE, "z2"));
        List<SimPod> existing = List.of(pod("zk-0", "app", "zookeeper").boundTo("a"));
        SimPod client = pod("client")
                .withAffinity(PodAffinityTerm.matchLabels(ZONE, ZOOKEEPER))
                .withAntiAffinity(PodAffinityTerm.matchLabels(HOSTNAME, ZOOKEEPER));

        assertEquals(List.of("client->b"), bindings(Scheduler.place(nodes, existing, List.of(client))));
    }
}
