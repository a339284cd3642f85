package dev.signozha.checks;

import dev.signozha.core.endpoint.ClickHouseEndpoint;
import dev.signozha.core.endpoint.EndpointModel;
import dev.signozha.core.endpoint.UnreadableEndpoint;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which ClickHouseInstallation each component's endpoints reach: through the installation's Service (the
 * service template's generateName, or clickhouse-NAME), or a host Service the operator made for it
 * (chi-NAME-..., or labelled with the installation), in whatever namespace the host names. Pure.
 */
public final class InstallationReach {

    private final ClusterView view;
    private final List<EndpointModel.Component> components;

    public InstallationReach(ClusterView view) {
        this.view = view;
        this.components = view.clients();
    }

    public List<EndpointModel.Component> components() {
        return components;
    }

    /** The installation of the namespace an endpoint reaches, if any. */
    public Optional<GenericKubernetesResource> reached(ClickHouseEndpoint endpoint) {
        if (!endpoint.isService() || !endpoint.namespaceOr(view.namespace()).equals(view.namespace())) {
            return Optional.empty();
        }
        String service = endpoint.serviceName();
        return view.installations().stream()
                .filter(chi -> reaches(chi, service))
                .findFirst();
    }

    private boolean reaches(GenericKubernetesResource installation, String service) {
        String name = installation.getMetadata().getName();
        return service.equals(Installations.serviceName(installation))
                || service.startsWith("chi-" + name + "-")
                || view.local(view.inventory().services()).stream()
                        .anyMatch(
                                s -> s.getMetadata().getName().equals(service) && ClusterView.ofInstallation(s, name));
    }

    /** For each installation some endpoint reaches (by name): who uses it, "component (source)". */
    public Map<String, List<String>> users() {
        Map<String, List<String>> users = new LinkedHashMap<>();
        for (EndpointModel.Component component : components) {
            for (ClickHouseEndpoint endpoint : component.endpoints()) {
                reached(endpoint)
                        .ifPresent(
                                chi -> users.computeIfAbsent(chi.getMetadata().getName(), name -> new ArrayList<>())
                                        .add(component.id() + " (" + endpoint.source() + ")"));
            }
        }
        users.replaceAll((name, list) -> list.stream().distinct().toList());
        return users;
    }

    /** Every place that could not be read, as "component: source (shown value): reason". */
    public List<String> unreadable() {
        List<String> unreadable = new ArrayList<>();
        for (EndpointModel.Component component : components) {
            for (UnreadableEndpoint endpoint : component.unreadable()) {
                unreadable.add(component.id() + ": " + endpoint);
            }
        }
        return unreadable;
    }

    /** The installation the most endpoints reach, if any reaches one. */
    public Optional<GenericKubernetesResource> mostUsed() {
        Map<String, List<String>> users = users();
        return view.installations().stream()
                .filter(chi -> users.containsKey(chi.getMetadata().getName()))
                .max(Comparator.comparingInt(
                        chi -> users.get(chi.getMetadata().getName()).size()));
    }
}
