package dev.signozha.core.schedule;

import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.schedule.FailureDomains.Group;
import dev.signozha.core.schedule.FailureDomains.Loss;
import dev.signozha.core.schedule.FailureDomains.Shortfall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The N-1 analysis behind SINGLE_POINT_OF_FAILURE, shared by doctor (on the pods it reads) and plan (on the pods it
 * places on the declared capacity): the groups judged, each ClickHouse shard's replicas and each ZooKeeper ensemble,
 * and how a loss that breaks one is said. Pure.
 */
public final class HaGroups {

    private static final String SHARD_LABEL = "clickhouse.altinity.com/shard";

    private HaGroups() {}

    /** The replicas of each shard, by the operator's labels, of {@code installation} (of every one when null). */
    public static List<Group> shards(List<SimPod> clickHousePods, String installation) {
        Map<String, List<String>> byShard = new TreeMap<>();
        for (SimPod pod : clickHousePods) {
            String chi = pod.labels().get(ResourceNames.INSTALLATION_LABEL);
            String shard = pod.labels().get(SHARD_LABEL);
            if (shard != null && (installation == null || installation.equals(chi))) {
                byShard.computeIfAbsent(chi + " shard " + shard, k -> new ArrayList<>())
                        .add(pod.name());
            }
        }
        return byShard.entrySet().stream()
                .map(e -> Group.replicas(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * The losses of one node or zone that break a group; groups of one member are left out: there is nothing to
     * spread (RESOURCE and QUORUM checks speak of those).
     */
    public static List<Loss> losses(List<SimNode> nodes, List<SimPod> boundPods, List<Group> groups) {
        return FailureDomains.analyse(nodes, boundPods, spreadable(groups));
    }

    /** The groups with several members, which the analysis judges. */
    public static List<Group> spreadable(List<Group> groups) {
        return groups.stream().filter(group -> group.pods().size() >= 2).toList();
    }

    /** "losing zone eu-west-1a leaves StatefulSet/...: 1 of 3 left, quorum needs 2". */
    public static String message(Loss loss) {
        return "losing " + loss.scope().name().toLowerCase(Locale.ROOT) + " " + loss.name() + " leaves "
                + loss.shortfalls().stream().map(Shortfall::message).collect(Collectors.joining("; "));
    }

    /** The lost domain as findings name objects: {@code Node/NAME} or {@code Zone/NAME}. */
    public static String object(Loss loss) {
        String scope = loss.scope().name();
        return scope.charAt(0) + scope.substring(1).toLowerCase(Locale.ROOT) + "/" + loss.name();
    }
}
