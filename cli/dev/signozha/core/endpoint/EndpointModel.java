package dev.signozha.core.endpoint;

import dev.signozha.core.inventory.Inventory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every ClickHouse endpoint every component of a namespace will use (StatefulSets, Deployments, DaemonSets, Jobs,
 * CronJobs; init containers too), from every place one is put: the environment (see EnvironmentEndpoints),
 * arguments, and the collector config file of a mounted ConfigMap (see CollectorConfig). What cannot be read is
 * kept as an {@link UnreadableEndpoint}: the caller must treat it as reaching an unknown installation. Pure.
 */
public final class EndpointModel {

    /** One component and the endpoints it uses; {@code unreadable} lists the places that could not be read. */
    public record Component(
            HasMetadata workload, List<ClickHouseEndpoint> endpoints, List<UnreadableEndpoint> unreadable) {

        public String id() {
            return Inventory.id(workload);
        }
    }

    private EndpointModel() {}

    /** The components of {@code namespace} that use ClickHouse, or name a place for it that cannot be read. */
    public static List<Component> of(Inventory inventory, String namespace) {
        Map<String, ConfigMap> configMaps = new LinkedHashMap<>();
        inventory.configMaps().stream()
                .filter(map -> namespace.equals(map.getMetadata().getNamespace()))
                .forEach(map -> configMaps.put(map.getMetadata().getName(), map));
        List<Component> components = new ArrayList<>();
        Stream.of(
                        inventory.statefulSets(),
                        inventory.deployments(),
                        inventory.daemonSets(),
                        inventory.jobs(),
                        inventory.cronJobs())
                .flatMap(List::stream)
                .map(HasMetadata.class::cast)
                .filter(workload -> namespace.equals(workload.getMetadata().getNamespace()))
                .map(workload -> component(workload, configMaps))
                .filter(component -> !component.endpoints().isEmpty()
                        || !component.unreadable().isEmpty())
                .forEach(components::add);
        return components;
    }

    private static Component component(HasMetadata workload, Map<String, ConfigMap> configMaps) {
        PodSpec spec = PodTemplates.spec(workload);
        EndpointSink sink = new EndpointSink();
        PodTemplates.containers(spec).forEach(container -> read(container, spec, configMaps, sink));
        return new Component(workload, sink.endpoints(), sink.unreadableEndpoints());
    }

    /** The endpoints of one container of {@code pod}. */
    public static List<ClickHouseEndpoint> of(Container container, PodSpec pod, Map<String, ConfigMap> configMaps) {
        EndpointSink sink = new EndpointSink();
        read(container, pod, configMaps, sink);
        return sink.endpoints();
    }

    private static void read(Container container, PodSpec pod, Map<String, ConfigMap> configMaps, EndpointSink sink) {
        ContainerEnvironment env = ContainerEnvironment.of(container, configMaps);
        List<String> arguments = env.arguments(container);
        EnvironmentEndpoints.read(env, arguments, sink);
        CollectorConfig.configPaths(arguments)
                .forEach(path -> CollectorConfig.read(path, container, pod, configMaps, env, sink));
    }
}
