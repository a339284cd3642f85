package dev.signozha.checks;

import dev.signozha.core.endpoint.ClickHouseEndpoint;
import dev.signozha.core.endpoint.EndpointModel.Component;
import dev.signozha.core.endpoint.UnreadableEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where the components connect, every endpoint each one uses (EndpointModel): to a Service that exists, all to
 * the same one, and nothing signoz-ha cannot read.
 */
final class ConnectivityChecks {

    private ConnectivityChecks() {}

    static List<Check> all() {
        return List.of(
                Check.of(CheckCatalog.CLICKHOUSE_HOST_UNRESOLVED, ConnectivityChecks::unresolved),
                Check.of(CheckCatalog.CONFIG_DRIFT, ConnectivityChecks::drift),
                Check.of(CheckCatalog.CLICKHOUSE_ENDPOINT_UNREADABLE, ConnectivityChecks::unreadable));
    }

    private static Outcome unresolved(CheckContext context) {
        ClusterView view = context.view();
        List<Component> components = view.clients();
        if (components.stream().allMatch(component -> component.endpoints().isEmpty())) {
            return Outcome.skip("no component in " + view.namespace() + " names a ClickHouse host");
        }
        Set<String> known = Set.copyOf(view.inventory().namespaces());
        List<Finding> findings = new ArrayList<>();
        for (Component component : components) {
            for (ClickHouseEndpoint endpoint : component.endpoints()) {
                String namespace = endpoint.namespaceOr(view.namespace());
                if (!endpoint.isService() || !known.contains(namespace)) {
                    continue; // an address, an outside name, or a namespace this read did not cover
                }
                boolean exists = view.inventory().services().stream()
                        .anyMatch(service ->
                                namespace.equals(service.getMetadata().getNamespace())
                                        && endpoint.serviceName()
                                                .equals(service.getMetadata().getName()));
                if (!exists) {
                    findings.add(Finding.of(
                            component.id() + " connects to " + endpoint.host() + " (" + endpoint.source()
                                    + "), but namespace " + namespace + " has no Service " + endpoint.serviceName()
                                    + " (\"no such host\")",
                            component.id(),
                            "Service/" + namespace + "/" + endpoint.serviceName()));
                }
            }
        }
        return Outcome.of(findings, components.size() + " component(s) name existing Services");
    }

    private static Outcome drift(CheckContext context) {
        List<Used> used = new ArrayList<>();
        String own = context.view().namespace();
        context.view().clients().forEach(c -> c.endpoints().forEach(endpoint -> used.add(new Used(c, endpoint))));
        if (used.size() < 2) {
            return Outcome.skip("fewer than two ClickHouse endpoints are in use");
        }
        List<String> differences = new ArrayList<>();
        differs(
                used,
                u -> u.endpoint().isService()
                        ? u.endpoint().namespaceOr(own) + "/" + u.endpoint().serviceName()
                        : u.endpoint().host(),
                "host",
                differences);
        differs(used, u -> u.endpoint().protocol() + ":" + u.endpoint().port(), "port", differences);
        differs(used, u -> u.endpoint().cluster(), "cluster", differences);
        if (differences.isEmpty()) {
            return Outcome.pass(
                    used.size() + " endpoints of " + context.view().clients().size() + " components use "
                            + used.get(0).endpoint());
        }
        Map<String, List<String>> sources = new LinkedHashMap<>();
        used.forEach(u -> sources.computeIfAbsent(u.component().id() + " → " + u.endpoint(), key -> new ArrayList<>())
                .add(u.endpoint().source()));
        String detail = "components disagree on " + String.join(" and ", differences) + ": "
                + sources.entrySet().stream()
                        .map(e -> e.getKey() + " ("
                                + String.join(
                                        ", ", e.getValue().stream().distinct().toList()) + ")")
                        .collect(Collectors.joining("; "));
        return new Outcome.Fail(List.of(new Finding(
                used.stream().map(u -> u.component().id()).distinct().toList(), detail)));
    }

    private static Outcome unreadable(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Component component : context.view().clients()) {
            for (UnreadableEndpoint endpoint : component.unreadable()) {
                findings.add(Finding.of(
                        component.id() + " takes a ClickHouse address from " + endpoint.source()
                                + " (" + endpoint.shown() + "), which signoz-ha cannot read: " + endpoint.reason()
                                + "; cleanup treats it as using an unknown installation",
                        component.id()));
            }
        }
        return Outcome.of(findings, "every ClickHouse address of every component was read");
    }

    private record Used(Component component, ClickHouseEndpoint endpoint) {}

    /** Records the field's name when the endpoints that state it state different values. */
    private static void differs(List<Used> used, Function<Used, Object> field, String name, List<String> out) {
        Set<Object> values = new LinkedHashSet<>();
        used.stream().map(field).filter(Objects::nonNull).forEach(values::add);
        if (values.size() > 1) {
            out.add(name);
        }
    }
}
