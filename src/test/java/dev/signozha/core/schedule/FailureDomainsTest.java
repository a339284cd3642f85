package dev.signozha.core.schedule;

import static dev.signozha.core.schedule.Sim.ZONE;
import static dev.signozha.core.schedule.Sim.node;
import static dev.signozha.core.schedule.Sim.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signozha.core.schedule.FailureDomains.Group;
import dev.signozha.core.schedule.FailureDomains.Loss;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FailureDomainsTest {

    private static final List<SimNode> THREE_ZONES =
            List.of(node("a", ZONE, "z1"), node("b", ZONE, "z2"), node("c", ZONE, "z3"));
    private static final Group SHARD_0 = Group.replicas("shard 0", List.of("ch-0-0", "ch-0-1"));
    private static final Group SHARD_1 = Group.replicas("shard 1", List.of("ch-1-0", "ch-1-1"));
    private static final Group ZOOKEEPER = Group.quorum("zookeeper", List.of("zk-0", "zk-1", "zk-2"));

    @Test
    void analyse_healthySpread_reportsNoLoss() {
        List<SimPod> pods = List.of(
                bound("ch-0-0", "a"),
                bound("ch-0-1", "b"),
                bound("ch-1-0", "b"),
                bound("ch-1-1", "c"),
                bound("zk-0", "a"),
                bound("zk-1", "b"),
                bound("zk-2", "c"));

        assertEquals(List.of(), FailureDomains.analyse(THREE_ZONES, pods, List.of(SHARD_0, SHARD_1, ZOOKEEPER)));
    }

    @Test
    void analyse_shardWithBothReplicasOnOneNode_reportsThatNodeAndItsZone() {
        List<SimPod> pods =
                List.of(bound("ch-0-0", "b"), bound("ch-0-1", "b"), bound("ch-1-0", "a"), bound("ch-1-1", "c"));

        List<Loss> losses = FailureDomains.analyse(THREE_ZONES, pods, List.of(SHARD_0, SHARD_1));

        assertEquals(
                List.of("node b: shard 0: 0 of 2 replicas left", "zone z2: shard 0: 0 of 2 replicas left"),
                describe(losses));
    }

    @Test
    void analyse_zooKeeperTwoOfThreeOnOneNode_reportsTheLostQuorum() {
        List<SimPod> pods = List.of(bound("zk-0", "a"), bound("zk-1", "a"), bound("zk-2", "c"));

        List<Loss> losses = FailureDomains.analyse(THREE_ZONES, pods, List.of(ZOOKEEPER));

        assertEquals(
                List.of(
                        "node a: zookeeper: 1 of 3 left, quorum needs 2",
                        "zone z1: zookeeper: 1 of 3 left, quorum needs 2"),
                describe(losses));
    }

    @Test
    void analyse_replicasOnDifferentNodesOfOneZone_reportOnlyTheZone() {
        List<SimNode> nodes = List.of(node("a", ZONE, "z1"), node("b", ZONE, "z1"), node("c", ZONE, "z2"));
        List<SimPod> pods = List.of(
                bound("ch-0-0", "a"), bound("ch-0-1", "b"), bound("zk-0", "a"), bound("zk-1", "b"), bound("zk-2", "c"));

        List<Loss> losses = FailureDomains.analyse(nodes, pods, List.of(SHARD_0, ZOOKEEPER));

        assertEquals(
                List.of("zone z1: shard 0: 0 of 2 replicas left; zookeeper: 1 of 3 left, quorum needs 2"),
                describe(losses));
    }

    @Test
    void analyse_severalLosses_listNodesInGivenOrderThenZonesByNameAndGroupsInOrder() {
        List<SimNode> nodes = List.of(node("n2", ZONE, "zb"), node("n1", ZONE, "za"));
        List<SimPod> pods = List.of(
                bound("ch-1-0", "n1"),
                bound("ch-1-1", "n1"),
                bound("ch-0-0", "n2"),
                bound("ch-0-1", "n2"),
                bound("zk-0", "n1"),
                bound("zk-1", "n1"),
                bound("zk-2", "n2"));

        List<Loss> losses = FailureDomains.analyse(nodes, pods, List.of(ZOOKEEPER, SHARD_0, SHARD_1));

        assertEquals(
                List.of(
                        "node n2: shard 0: 0 of 2 replicas left",
                        "node n1: zookeeper: 1 of 3 left, quorum needs 2; shard 1: 0 of 2 replicas left",
                        "zone za: zookeeper: 1 of 3 left, quorum needs 2; shard 1: 0 of 2 replicas left",
                        "zone zb: shard 0: 0 of 2 replicas left"),
                describe(losses));
    }

    @Test
    void analyse_nodesWithoutZones_reportNodeLossesOnly() {
        List<SimNode> nodes = List.of(node("a"), node("b"));
        List<SimPod> pods = List.of(bound("ch-0-0", "a"), bound("ch-0-1", "a"));

        assertEquals(
                List.of("node a: shard 0: 0 of 2 replicas left"),
                describe(FailureDomains.analyse(nodes, pods, List.of(SHARD_0))));
    }

    @Test
    void analyse_groupAlreadyBelowItsMinimum_isNotReportedAgainstAnyDomain() {
        // zk-2 is not running: quorum is already lost, which ZOOKEEPER_QUORUM reports; no single loss changes that.
        List<SimPod> pods = List.of(bound("zk-0", "a"), pod("zk-1"), bound("zk-2", "gone"));

        assertEquals(List.of(), FailureDomains.analyse(THREE_ZONES, pods, List.of(ZOOKEEPER)));
    }

    @Test
    void analyse_fiveMemberEnsemble_needsThree() {
        Group ensemble = Group.quorum("zookeeper", List.of("zk-0", "zk-1", "zk-2", "zk-3", "zk-4"));
        List<SimPod> pods = List.of(
                bound("zk-0", "a"), bound("zk-1", "a"), bound("zk-2", "b"), bound("zk-3", "b"), bound("zk-4", "c"));

        List<Loss> losses = FailureDomains.analyse(THREE_ZONES, pods, List.of(ensemble));

        assertEquals(3, ensemble.minimum());
        assertEquals(List.of(), losses, "losing two of five leaves three, a quorum");
    }

    private static SimPod bound(String name, String node) {
        return pod(name).boundTo(node);
    }

    private static List<String> describe(List<Loss> losses) {
        return losses.stream()
                .map(loss -> loss.scope().name().toLowerCase(Locale.ROOT) + " " + loss.name() + ": "
                        + String.join(
                                "; ",
                                loss.shortfalls().stream()
                                        .map(FailureDomains.Shortfall::message)
                                        .toList()))
                .toList();
    }
}
