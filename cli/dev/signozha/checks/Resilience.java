package dev.signozha.checks;

import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.schedule.FailureDomains;
import dev.signozha.core.schedule.FailureDomains.Group;
import dev.signozha.core.schedule.FailureDomains.Loss;
import dev.signozha.core.schedule.FailureDomains.Shortfall;
import dev.signozha.core.schedule.SimPod;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The N-1 question: would losing any one node (or zone) take every replica of a shard, or ZooKeeper's quorum?
 * Judged on where the pods run now. Groups of one member are left to RESOURCE/QUORUM checks: there is
 * nothing to spread.
 */
final class Resilience {

    private Resilience() {
    }

    static Outcome check(CheckContext context) {
        ClusterView view = context.view();
        List<Group> groups = new ArrayList<>(shards(view, context));
        groups.addAll(ensembles(view));
        groups.removeIf(group -> group.pods().size() < 2);
        if (groups.isEmpty()) {
            return Outcome.skip("no shard with several replicas and no ZooKeeper ensemble is running");
        }
        List<SimPod> bound = SimulationModel.bound(view.local(view.inventory().pods()));
        List<Loss> losses = FailureDomains.analyse(view.inventory().nodes().stream().map(SimulationModel::node).toList(),
                bound, groups);
        long zones = view.inventory().nodes().stream().map(node -> ClusterView.label(node, PendingPods.ZONE_LABEL))
                .filter(java.util.Objects::nonNull).distinct().count();
        List<Finding> findings = new ArrayList<>();
        for (Loss loss : losses) {
            String domain = loss.scope().name().charAt(0) + loss.scope().name().substring(1).toLowerCase(Locale.ROOT);
            findings.add(Finding.of("losing " + domain.toLowerCase(Locale.ROOT) + " " + loss.name() + " leaves "
                    + loss.shortfalls().stream().map(Shortfall::message).collect(Collectors.joining("; ")),
                    domain + "/" + loss.name()).withSeverity(breaksPromise(loss, zones) ? Severity.ERROR : Severity.WARNING));
        }
        return Outcome.of(findings, groups.size() + " group(s) survive the loss of any one node or zone");
    }

    /**
     * The severity policy: a loss that takes every replica of a shard (groups exist only for shards declared with 2
     * or more replicas) or the quorum of an ensemble of 3 or more breaks the HA promise, an error. A two-member
     * ensemble never promised to survive a loss (ZOOKEEPER_QUORUM reports its size), and nor does a cluster whose
     * nodes are all in one zone promise to survive that zone: those losses are warnings.
     */
    static boolean breaksPromise(Loss loss, long zones) {
        return (loss.scope() == FailureDomains.Scope.NODE || zones >= 2) && loss.shortfalls().stream()
                .anyMatch(s -> s.group().kind() == FailureDomains.Kind.REPLICAS || s.group().pods().size() >= 3);
    }

    /** Replicas of each shard of the intended installation (all installations when none is known). */
    private static List<Group> shards(ClusterView view, CheckContext context) {
        String installation = context.intended().map(Intended::installation).orElse(null);
        Map<String, List<String>> byShard = new TreeMap<>();
        for (Pod pod : view.clickHousePods()) {
            String chi = ClusterView.label(pod, ResourceNames.INSTALLATION_LABEL);
            String shard = ClusterView.label(pod, "clickhouse.altinity.com/shard");
            if (shard != null && (installation == null || installation.equals(chi))) {
                byShard.computeIfAbsent(chi + " shard " + shard, k -> new ArrayList<>()).add(pod.getMetadata().getName());
            }
        }
        return byShard.entrySet().stream().map(e -> Group.replicas(e.getKey(), e.getValue())).toList();
    }

    private static List<Group> ensembles(ClusterView view) {
        List<Group> groups = new ArrayList<>();
        for (StatefulSet ensemble : view.zooKeeperStatefulSets()) {
            String prefix = ensemble.getMetadata().getName() + "-";
            List<String> members = view.local(view.inventory().pods()).stream().map(p -> p.getMetadata().getName())
                    .filter(name -> name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d+")).toList();
            groups.add(Group.quorum(Inventory.id(ensemble), members));
        }
        return groups;
    }
}
