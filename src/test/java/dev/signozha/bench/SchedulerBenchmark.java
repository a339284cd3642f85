package dev.signozha.bench;

import dev.signozha.core.schedule.LabelRequirement;
import dev.signozha.core.schedule.NodeSelectorTerm;
import dev.signozha.core.schedule.Placement;
import dev.signozha.core.schedule.PodAffinityTerm;
import dev.signozha.core.schedule.Scheduler;
import dev.signozha.core.schedule.SimNode;
import dev.signozha.core.schedule.SimPod;
import dev.signozha.core.schedule.Taint;
import dev.signozha.core.schedule.Toleration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How Scheduler.place scales with cluster size: synthetic clusters of 100 to 5,000 nodes over three
 * zones, a tenth of them a tainted ClickHouse pool and one in a hundred cordoned, each running ten
 * existing pods (some with anti-affinity of their own), receive 100 pods: ClickHouse replicas with shard
 * anti-affinity, node affinity and a toleration, a zone-spread ZooKeeper, collectors kept off the pool
 * by node affinity, and query pods with zone affinity to ZooKeeper. Prints the median of several timed
 * runs per size and its ratio to the 100-node time. Run with bench/scheduler.sh; not a unit test.
 */
public final class SchedulerBenchmark {

    private static final int[] SIZES = {100, 500, 1000, 2000, 5000};
    private static final int EXISTING_PER_NODE = 10;
    private static final int WARM_UP_ROUNDS = 20;
    private static final int TIMED_RUNS = 15;
    private static final long GI = 1024L * 1024 * 1024;
    private static final String HOSTNAME = "kubernetes.io/hostname";
    private static final String ZONE = "topology.kubernetes.io/zone";
    private static final String POOL = "signoz-ha/node-pool";
    private static final Taint DEDICATED = new Taint("dedicated", "clickhouse", Taint.Effect.NO_SCHEDULE);

    private SchedulerBenchmark() {}

    public static void main(String[] args) {
        List<Cluster> clusters = Arrays.stream(SIZES).mapToObj(Cluster::of).toList();
        List<SimPod> pods = podsToPlace();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            clusters.forEach(cluster -> cluster.place(pods));
        }
        System.out.printf(
                "%6s %9s %5s %7s %9s %11s%n", "nodes", "existing", "pods", "placed", "median ms", "vs 100 nodes");
        double baseline = 0;
        for (Cluster cluster : clusters) {
            double[] millis = new double[TIMED_RUNS];
            Placement placement = null;
            for (int run = 0; run < TIMED_RUNS; run++) {
                long start = System.nanoTime();
                placement = cluster.place(pods);
                millis[run] = (System.nanoTime() - start) / 1e6;
            }
            double median = median(millis);
            baseline = baseline == 0 ? median : baseline;
            System.out.printf(
                    "%6d %9d %5d %7d %9.2f %10.1fx%n",
                    cluster.nodes().size(),
                    cluster.existing().size(),
                    pods.size(),
                    placement.assignments().size(),
                    median,
                    median / baseline);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** 20 shards of 2 replicas, 3 ZooKeeper, 30 collectors, 27 query pods: 100. */
    private static List<SimPod> podsToPlace() {
        List<SimPod> pods = new ArrayList<>();
        NodeSelectorTerm clickhousePool = NodeSelectorTerm.of(LabelRequirement.in(POOL, "clickhouse"));
        for (int shard = 0; shard < 20; shard++) {
            Map<String, String> labels = Map.of("app", "clickhouse", "shard", Integer.toString(shard));
            for (int replica = 0; replica < 2; replica++) {
                pods.add(SimPod.of("ch-" + shard + "-" + replica, "clickhouse", labels, 2000, 8 * GI)
                        .withTolerations(Toleration.equal("dedicated", "clickhouse", Taint.Effect.NO_SCHEDULE))
                        .withNodeAffinity(clickhousePool)
                        .withAntiAffinity(PodAffinityTerm.matchLabels(HOSTNAME, labels)));
            }
        }
        Map<String, String> zookeeper = Map.of("app", "zookeeper");
        for (int i = 0; i < 3; i++) {
            pods.add(SimPod.of("zk-" + i, "zookeeper", zookeeper, 500, 2 * GI)
                    .withAntiAffinity(PodAffinityTerm.matchLabels(ZONE, zookeeper)));
        }
        NodeSelectorTerm offThePool = NodeSelectorTerm.of(LabelRequirement.notIn(POOL, "clickhouse"));
        for (int i = 0; i < 30; i++) {
            pods.add(SimPod.of("otel-" + i, "otel-collector", Map.of("app", "otel"), 100, GI / 5)
                    .withNodeAffinity(offThePool));
        }
        for (int i = 0; i < 27; i++) {
            pods.add(SimPod.of("query-" + i, "signoz", Map.of("app", "query"), 100, GI / 10)
                    .withAffinity(PodAffinityTerm.matchLabels(ZONE, zookeeper)));
        }
        return List.copyOf(pods);
    }

    /** A synthetic cluster and the pods already running on it. */
    private record Cluster(List<SimNode> nodes, List<SimPod> existing) {

        static Cluster of(int size) {
            List<SimNode> nodes = new ArrayList<>();
            List<SimPod> existing = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                SimNode node = node(i);
                nodes.add(node);
                for (int j = 0; j < EXISTING_PER_NODE; j++) {
                    existing.add(existingPod(i, j).boundTo(node.name()));
                }
            }
            return new Cluster(List.copyOf(nodes), List.copyOf(existing));
        }

        private static SimNode node(int i) {
            String name = "node-" + i;
            boolean clickhousePool = i % 10 == 0;
            SimNode node = SimNode.of(
                    name,
                    Map.of(
                            HOSTNAME,
                            name,
                            ZONE,
                            "zone-" + (char) ('a' + i % 3),
                            POOL,
                            clickhousePool ? "clickhouse" : "general"),
                    16000,
                    64 * GI,
                    110);
            node = clickhousePool ? node.withTaints(DEDICATED) : node;
            return i % 100 == 99 ? node.cordoned() : node;
        }

        /** One of 50 workloads; every fifth keeps its replicas one per node. */
        private static SimPod existingPod(int node, int slot) {
            int workload = (node * EXISTING_PER_NODE + slot) % 50;
            Map<String, String> labels = Map.of("app", "workload-" + workload);
            SimPod pod = SimPod.of("w" + workload + "-" + node + "-" + slot, "other", labels, 200, GI / 2)
                    .inNamespace("apps");
            return workload % 5 == 0 ? pod.withAntiAffinity(PodAffinityTerm.matchLabels(HOSTNAME, labels)) : pod;
        }

        Placement place(List<SimPod> pods) {
            return Scheduler.place(nodes, existing, pods);
        }
    }
}
