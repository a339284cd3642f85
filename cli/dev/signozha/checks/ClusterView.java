package dev.signozha.checks;

import dev.signozha.core.endpoint.EndpointModel;
import dev.signozha.core.endpoint.PodTemplates;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.rbac.ApiAccess;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.state.StateRecordCodec;
import dev.signozha.core.topology.ChartVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The inventory as the checks see it: objects of the release's namespace, classified (ClickHouse and
 * ZooKeeper workloads, clickhouse-operators, components that connect to ClickHouse). Pure.
 */
public final class ClusterView {

    private final Inventory inventory;
    private final String namespace;

    public ClusterView(Inventory inventory, String namespace) {
        this.inventory = inventory;
        this.namespace = namespace;
    }

    public Inventory inventory() {
        return inventory;
    }

    public String namespace() {
        return namespace;
    }

    /** The tool's state record in the namespace, when there is one. */
    public Optional<ConfigMap> stateRecord() {
        return local(inventory.configMaps()).stream()
                .filter(map -> StateRecord.CONFIG_MAP.equals(map.getMetadata().getName()))
                .findFirst();
    }

    /** The state record in that ConfigMap, decoded; bad input naming the ConfigMap when it is malformed. */
    public Optional<StateRecord> decodedStateRecord() {
        return stateRecord()
                .map(map -> new StateRecordCodec(List.of()).decode(StateRecord.source(namespace), map.getData()));
    }

    /** Whether clickhouse-operator made {@code object} for the installation named {@code installation}. */
    public static boolean ofInstallation(HasMetadata object, String installation) {
        return installation.equals(label(object, ResourceNames.INSTALLATION_LABEL));
    }

    /** Objects of the release's namespace. */
    public <T extends HasMetadata> List<T> local(List<T> objects) {
        return objects.stream()
                .filter(o -> namespace.equals(o.getMetadata().getNamespace()))
                .toList();
    }

    public List<GenericKubernetesResource> installations() {
        return local(inventory.clickHouseInstallations());
    }

    /** StatefulSets running a ClickHouse server. */
    public List<StatefulSet> clickHouseStatefulSets() {
        return local(inventory.statefulSets()).stream()
                .filter(s ->
                        "chop".equals(label(s, "clickhouse.altinity.com/app")) || runs(spec(s), "clickhouse-server"))
                .toList();
    }

    /** StatefulSets running ZooKeeper. */
    public List<StatefulSet> zooKeeperStatefulSets() {
        return local(inventory.statefulSets()).stream()
                .filter(s -> "zookeeper".equals(label(s, "app.kubernetes.io/name")) || runs(spec(s), "zookeeper"))
                .toList();
    }

    /** ClickHouse Keeper installations (clickhouse-operator's chk); none when the cluster refused to list them. */
    public List<GenericKubernetesResource> keeperInstallations() {
        return Inventory.readable(inventory.keeperInstallations()) ? local(inventory.keeperInstallations()) : List.of();
    }

    /** StatefulSets running ClickHouse Keeper: clickhouse-operator's (labelled with their installation) or by hand. */
    public List<StatefulSet> keeperStatefulSets() {
        return local(inventory.statefulSets()).stream()
                .filter(s -> label(s, Ensemble.KEEPER_LABEL) != null || runs(spec(s), "clickhouse-keeper"))
                .toList();
    }

    /** Pods running a ClickHouse server. */
    public List<Pod> clickHousePods() {
        return local(inventory.pods()).stream()
                .filter(p -> "chop".equals(label(p, "clickhouse.altinity.com/app"))
                        || runs(p.getSpec(), "clickhouse-server"))
                .toList();
    }

    /** clickhouse-operator Deployments anywhere, with the namespaces each watches. */
    public Map<Deployment, List<String>> operators() {
        inventory.require(ApiAccess.LIST_DEPLOYMENTS_EVERYWHERE);
        Map<Deployment, List<String>> operators = new LinkedHashMap<>();
        for (Deployment deployment : inventory.deployments()) {
            if (runs(spec(deployment), "clickhouse-operator")) {
                operators.put(deployment, watchedNamespaces(deployment));
            }
        }
        return operators;
    }

    /** An operator's version, from its clickhouse-operator image tag; empty for a tag that is not a version. */
    public static Optional<ChartVersion> operatorVersion(Deployment operator) {
        return containers(spec(operator)).stream()
                .map(Container::getImage)
                .filter(image -> image != null && image.contains("clickhouse-operator:"))
                .map(image -> image.substring(image.lastIndexOf(':') + 1))
                .filter(tag -> tag.matches("v?\\d+\\.\\d+\\.\\d+.*"))
                .map(ChartVersion::parse)
                .findFirst();
    }

    /** Operators whose watch covers the release's namespace. */
    public List<Deployment> operatorsWatchingNamespace() {
        return operators().entrySet().stream()
                .filter(e -> e.getValue().contains("*") || e.getValue().contains(namespace))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * WATCH_NAMESPACE(S) as a comma list; when unset, the operator watches its own namespace, or
     * every namespace when it runs in kube-system (clickhouse-operator 0.21 behaviour).
     */
    private static List<String> watchedNamespaces(Deployment operator) {
        for (Container container : containers(spec(operator))) {
            Map<String, String> env = plainEnv(container);
            String watch = env.getOrDefault("WATCH_NAMESPACES", env.get("WATCH_NAMESPACE"));
            if (watch != null && !watch.isBlank()) {
                return Stream.of(watch.split("[,\\s]+"))
                        .filter(s -> !s.isBlank())
                        .map(s -> s.equals(".*") ? "*" : s)
                        .toList();
            }
        }
        String own = operator.getMetadata().getNamespace();
        return List.of("kube-system".equals(own) ? "*" : own);
    }

    /** The namespace's workloads: StatefulSets, Deployments, DaemonSets and Jobs. */
    public List<HasMetadata> workloads() {
        return Stream.of(
                        local(inventory.statefulSets()),
                        local(inventory.deployments()),
                        local(inventory.daemonSets()),
                        local(inventory.jobs()))
                .flatMap(List::stream)
                .map(HasMetadata.class::cast)
                .toList();
    }

    /** Components of the namespace that use ClickHouse, each with every endpoint it will use. */
    public List<EndpointModel.Component> clients() {
        return EndpointModel.of(inventory, namespace);
    }

    /** The namespace's ConfigMaps by name, which env and config files of its components are read from. */
    public Map<String, ConfigMap> configMapsByName() {
        Map<String, ConfigMap> maps = new LinkedHashMap<>();
        local(inventory.configMaps()).forEach(map -> maps.put(map.getMetadata().getName(), map));
        return maps;
    }

    // ---- small accessors every check uses ----

    /** The pod template spec of a workload, or the spec of a pod. */
    public static PodSpec spec(HasMetadata object) {
        return PodTemplates.spec(object);
    }

    /** Init containers, then containers. */
    public static List<Container> containers(PodSpec spec) {
        return PodTemplates.containers(spec);
    }

    /** A pod's init container statuses, then its container statuses. */
    public static List<ContainerStatus> containerStatuses(Pod pod) {
        List<ContainerStatus> statuses = new ArrayList<>();
        if (pod.getStatus() != null) {
            Optional.ofNullable(pod.getStatus().getInitContainerStatuses()).ifPresent(statuses::addAll);
            Optional.ofNullable(pod.getStatus().getContainerStatuses()).ifPresent(statuses::addAll);
        }
        return statuses;
    }

    /** Env vars with literal values (valueFrom references have none), in declaration order. */
    public static Map<String, String> plainEnv(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            if (variable.getValue() != null) {
                env.put(variable.getName(), variable.getValue());
            }
        }
        return env;
    }

    /** The mount among the containers' that holds {@code directory}: the longest mount path containing it. */
    public static Optional<VolumeMount> mountHolding(List<Container> containers, String directory) {
        return containers.stream()
                .flatMap(c -> Optional.ofNullable(c.getVolumeMounts()).orElse(List.of()).stream())
                .filter(mount -> directory.equals(mount.getMountPath())
                        || directory.startsWith(
                                mount.getMountPath().endsWith("/") ? mount.getMountPath() : mount.getMountPath() + "/"))
                .max(java.util.Comparator.comparingInt(
                        mount -> mount.getMountPath().length()));
    }

    /** Whether any container's image contains the fragment (e.g. clickhouse-server). */
    public static boolean runs(PodSpec spec, String imageFragment) {
        return containers(spec).stream()
                .map(Container::getImage)
                .filter(Objects::nonNull)
                .anyMatch(image -> image.contains(imageFragment));
    }

    public static String label(HasMetadata object, String key) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }

    /** Objects whose label has the value. */
    public static <T extends HasMetadata> Predicate<T> labelled(String key, String value) {
        return object -> value.equals(label(object, key));
    }
}
