package dev.signozha.core.plan;

import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.schedule.PodAffinityTerm;
import dev.signozha.core.schedule.SimPod;
import dev.signozha.core.topology.AntiAffinity;
import dev.signozha.core.topology.ClickHouseMode;
import dev.signozha.core.topology.KubeQuantity;
import dev.signozha.core.topology.Topology.ClickHouse;
import dev.signozha.core.topology.Topology.ResourceList;
import dev.signozha.core.topology.Topology.Resources;
import dev.signozha.core.topology.Topology.Spec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The long-running pods an install consists of, in the order they come up, with the requests and
 * required anti-affinity the chart, the operator and the tool's own manifests give them.
 */
public final class Workloads {

    /** The SigNoz chart's default requests for components the topology sizes by count only. */
    static final Resources OTEL_COLLECTOR_CHART_DEFAULT = requests("100m", "200Mi");

    static final Resources SIGNOZ_CHART_DEFAULT = requests("100m", "100Mi");
    static final KubeQuantity SIGNOZ_CHART_VOLUME = KubeQuantity.of("1Gi");
    private static final String HOSTNAME = "kubernetes.io/hostname";

    private Workloads() {}

    /**
     * Every component with its pods. In existing mode ClickHouse and its ZooKeeper already run where their owner
     * placed them: only the chart's components are placed.
     */
    public static List<Component> of(Spec spec) {
        ResourceNames names = new ResourceNames(spec);
        List<Component> components = new ArrayList<>();
        if (spec.clickhouse().mode() != ClickHouseMode.EXISTING) {
            components.add(zookeeper(spec, names));
            components.add(clickhouse(spec, names));
        }
        components.add(replicated(
                spec,
                "otel-collector",
                names.otelCollector(),
                spec.otelCollector().replicas(),
                OTEL_COLLECTOR_CHART_DEFAULT,
                null));
        components.add(replicated(
                spec, "signoz", names.signoz(), spec.signoz().replicas(), SIGNOZ_CHART_DEFAULT, SIGNOZ_CHART_VOLUME));
        return List.copyOf(components);
    }

    /**
     * The coordination ensemble, one member per node: the tool's own ZooKeeper StatefulSet and Keeper installation
     * require it, and in bundled mode the rendered values set the zookeeper subchart's podAntiAffinityPreset to hard.
     * Keeper servers are the pods of clickhouse-operator's per-server StatefulSets.
     */
    private static Component zookeeper(Spec spec, ResourceNames names) {
        if (spec.zookeeper().isKeeper()) {
            return ensemble(
                    spec,
                    "keeper",
                    Map.of("clickhouse-keeper.altinity.com/chk", names.keeper()),
                    i -> names.keeperServer(i) + "-0");
        }
        boolean external = spec.clickhouse().mode() == ClickHouseMode.EXTERNAL;
        String name = external ? names.zookeeper() : names.bundledZookeeper();
        return ensemble(
                spec,
                "zookeeper",
                Map.of("app.kubernetes.io/name", "zookeeper", "app.kubernetes.io/instance", name),
                i -> name + "-" + i);
    }

    private static Component ensemble(
            Spec spec, String component, Map<String, String> labels, java.util.function.IntFunction<String> podName) {
        List<SimPod> pods = new ArrayList<>();
        for (int i = 0; i < spec.zookeeper().replicas(); i++) {
            pods.add(pod(
                            spec,
                            podName.apply(i),
                            component,
                            labels,
                            spec.zookeeper().resources())
                    .withAntiAffinity(PodAffinityTerm.matchLabels(HOSTNAME, labels)));
        }
        return new Component(
                component,
                pods,
                spec.zookeeper().resources(),
                spec.zookeeper().storage().size(),
                "topology");
    }

    private static Component clickhouse(Spec spec, ResourceNames names) {
        ClickHouse clickhouse = spec.clickhouse();
        List<SimPod> pods = new ArrayList<>();
        for (int shard = 0; shard < clickhouse.shards(); shard++) {
            for (int replica = 0; replica < clickhouse.replicas(); replica++) {
                Map<String, String> labels = new LinkedHashMap<>(clusterScope(spec, names));
                labels.put("clickhouse.altinity.com/shard", String.valueOf(shard));
                labels.put("clickhouse.altinity.com/replica", String.valueOf(replica));
                SimPod pod = pod(
                        spec,
                        names.clickhouseHost(shard, replica) + "-0",
                        "clickhouse",
                        labels,
                        clickhouse.resources());
                pods.add(withClickHouseAntiAffinity(pod, spec, names, shard));
            }
        }
        return new Component(
                "clickhouse", pods, clickhouse.resources(), clickhouse.storage().size(), "topology");
    }

    /** Altinity's podDistribution with its default Cluster scope: only pods of the same installation repel. */
    private static SimPod withClickHouseAntiAffinity(SimPod pod, Spec spec, ResourceNames names, int shard) {
        AntiAffinity mode = spec.clickhouse().antiAffinity();
        if (mode == AntiAffinity.NONE) {
            return pod;
        }
        Map<String, String> match = new LinkedHashMap<>(clusterScope(spec, names));
        if (mode == AntiAffinity.SHARD) {
            match.put("clickhouse.altinity.com/shard", String.valueOf(shard));
        }
        return pod.withAntiAffinity(
                PodAffinityTerm.matchLabels(spec.clickhouse().topologyKey(), match));
    }

    private static Map<String, String> clusterScope(Spec spec, ResourceNames names) {
        return Map.of(
                "clickhouse.altinity.com/app",
                "chop",
                "clickhouse.altinity.com/namespace",
                spec.namespace(),
                ResourceNames.INSTALLATION_LABEL,
                names.installation(),
                "clickhouse.altinity.com/cluster",
                spec.clickhouse().cluster());
    }

    /** A component the topology sizes by count only, so the chart's defaults size each pod. */
    private static Component replicated(
            Spec spec, String component, String prefix, int replicas, Resources resources, KubeQuantity volume) {
        List<SimPod> pods = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            pods.add(pod(
                    spec, prefix + "-" + i, component, Map.of("app.kubernetes.io/component", component), resources));
        }
        return new Component(component, pods, resources, volume, "chart default");
    }

    private static SimPod pod(
            Spec spec, String name, String component, Map<String, String> labels, Resources resources) {
        return SimPod.of(
                        name,
                        component,
                        labels,
                        millis(effectiveRequest(resources, true)),
                        bytes(effectiveRequest(resources, false)))
                .inNamespace(spec.namespace());
    }

    /** What the scheduler counts: the request, or the limit when only a limit is set (Kubernetes defaulting). */
    static KubeQuantity effectiveRequest(Resources resources, boolean cpu) {
        KubeQuantity request = pick(resources.requests(), cpu);
        return request != null ? request : pick(resources.limits(), cpu);
    }

    static KubeQuantity pick(ResourceList list, boolean cpu) {
        return list == null ? null : cpu ? list.cpu() : list.memory();
    }

    private static long millis(KubeQuantity cpu) {
        return cpu == null ? 0 : cpu.amount().multiply(BigDecimal.valueOf(1000)).longValue();
    }

    private static long bytes(KubeQuantity memory) {
        return memory == null ? 0 : memory.amount().longValue();
    }

    private static Resources requests(String cpu, String memory) {
        return new Resources(new ResourceList(KubeQuantity.of(cpu), KubeQuantity.of(memory)), null);
    }

    /** A component's pods and what sized them ("topology" or "chart default"). */
    public record Component(
            String name, List<SimPod> pods, Resources resources, KubeQuantity volumePerPod, String sizedBy) {}
}
