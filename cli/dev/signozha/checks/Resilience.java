package dev.signozha.checks;

import dev.signozha.core.schedule.FailureDomains;
import dev.signozha.core.schedule.FailureDomains.Group;
import dev.signozha.core.schedule.FailureDomains.Loss;
import dev.signozha.core.schedule.HaGroups;
import dev.signozha.core.schedule.SimNode;
import dev.signozha.core.schedule.SimPod;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The N-1 question: would losing any one node (or zone) take every replica of a shard, or the quorum of ZooKeeper or Keeper?
 * Doctor judges it on where the pods run now; plan on where it would place them ({@link #judge}).
 */
public final class Resilience {

    private Resilience() {}

    static Outcome check(CheckContext context) {
        ClusterView view = context.view();
        List<Group> groups = new ArrayList<>(HaGroups.shards(
                view.clickHousePods().stream().map(SimulationModel::pod).toList(),
                context.intended().map(Intended::installation).orElse(null)));
        groups.addAll(ensembles(view));
        return judge(
                view.inventory().nodes().stream().map(SimulationModel::node).toList(),
                SimulationModel.bound(view.local(view.inventory().pods())),
                groups);
    }

    /** SINGLE_POINT_OF_FAILURE for {@code groups} of pods bound to {@code nodes}, as doctor reports it. */
    public static CheckResult judged(List<SimNode> nodes, List<SimPod> boundPods, List<Group> groups) {
        return CheckResult.of(CheckCatalog.SINGLE_POINT_OF_FAILURE, judge(nodes, boundPods, groups));
    }

    private static Outcome judge(List<SimNode> nodes, List<SimPod> boundPods, List<Group> groups) {
        List<Group> judged = HaGroups.spreadable(groups);
        if (judged.isEmpty()) {
            return Outcome.skip("no shard with several replicas and no ZooKeeper or Keeper ensemble is running");
        }
        long zones = nodes.stream()
                .map(node -> node.labels().get(PendingPods.ZONE_LABEL))
                .filter(Objects::nonNull)
                .distinct()
                .count();
        List<Finding> findings = HaGroups.losses(nodes, boundPods, judged).stream()
                .map(loss -> Finding.of(HaGroups.message(loss), HaGroups.object(loss))
                        .withSeverity(breaksPromise(loss, zones) ? Severity.ERROR : Severity.WARNING))
                .toList();
        return Outcome.of(findings, judged.size() + " group(s) survive the loss of any one node or zone");
    }

    /**
     * The severity policy: a loss that takes every replica of a shard (groups exist only for shards declared with 2
     * or more replicas) or the quorum of an ensemble of 3 or more breaks the HA promise, an error. A two-member
     * ensemble never promised to survive a loss (ZOOKEEPER_QUORUM reports its size), and nor does a cluster whose
     * nodes are all in one zone promise to survive that zone: those losses are warnings.
     */
    static boolean breaksPromise(Loss loss, long zones) {
        return (loss.scope() == FailureDomains.Scope.NODE || zones >= 2)
                && loss.shortfalls().stream()
                        .anyMatch(s -> s.group().kind() == FailureDomains.Kind.REPLICAS
                                || s.group().pods().size() >= 3);
    }

    /** ZooKeeper and Keeper ensembles, each a quorum of its member pods. */
    private static List<Group> ensembles(ClusterView view) {
        return Ensemble.all(view).stream()
                .map(ensemble -> Group.quorum(ensemble.object(), ensemble.memberNames()))
                .toList();
    }
}
