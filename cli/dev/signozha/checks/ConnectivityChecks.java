package dev.signozha.checks;

import dev.signozha.checks.ClusterView.Client;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Where the components connect: to a Service that exists, and all to the same one. */
final class ConnectivityChecks {

    private ConnectivityChecks() {
    }

    static List<Check> all() {
        return List.of(
                Check.of(CheckCatalog.CLICKHOUSE_HOST_UNRESOLVED, ConnectivityChecks::unresolved),
                Check.of(CheckCatalog.CONFIG_DRIFT, ConnectivityChecks::drift));
    }

    private static Outcome unresolved(CheckContext context) {
        ClusterView view = context.view();
        List<Client> clients = view.clients();
        if (clients.isEmpty()) {
            return Outcome.skip("no component in " + view.namespace() + " names a ClickHouse host");
        }
        Set<String> known = view.inventory().namespaces().stream().collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        for (Client client : clients) {
            Endpoint endpoint = client.endpoint();
            String namespace = endpoint.namespaceOr(view.namespace());
            if (endpoint.isAddress() || !known.contains(namespace)) {
                continue; // an address, or a namespace this read did not cover: nothing to compare with
            }
            boolean exists = view.inventory().services().stream().anyMatch(service ->
                    namespace.equals(service.getMetadata().getNamespace())
                            && endpoint.serviceName().equals(service.getMetadata().getName()));
            if (!exists) {
                findings.add(Finding.of(client.id() + " connects to " + endpoint.host() + ", but namespace " + namespace
                        + " has no Service " + endpoint.serviceName() + " (\"no such host\")",
                        client.id(), "Service/" + namespace + "/" + endpoint.serviceName()));
            }
        }
        return Outcome.of(findings, clients.size() + " component(s) name existing Services");
    }

    private static Outcome drift(CheckContext context) {
        List<Client> clients = context.view().clients();
        if (clients.size() < 2) {
            return Outcome.skip("fewer than two components connect to ClickHouse");
        }
        List<String> differences = new ArrayList<>();
        differs(clients, c -> c.endpoint().serviceName(), "host", differences);
        differs(clients, c -> c.endpoint().port(), "port", differences);
        differs(clients, c -> c.endpoint().cluster(), "cluster", differences);
        if (differences.isEmpty()) {
            Endpoint first = clients.get(0).endpoint();
            return Outcome.pass(clients.size() + " components use " + first);
        }
        String detail = "components disagree on " + String.join(" and ", differences) + ": "
                + clients.stream().map(c -> c.id() + " → " + c.endpoint()).collect(Collectors.joining("; "));
        return new Outcome.Fail(List.of(new Finding(clients.stream().map(Client::id).toList(), detail)));
    }

    /** Records the field's name when the components that state it state different values. */
    private static void differs(List<Client> clients, Function<Client, Object> field, String name, List<String> out) {
        Map<Object, Long> values = new LinkedHashMap<>();
        clients.stream().map(field).filter(Objects::nonNull).forEach(v -> values.merge(v, 1L, Long::sum));
        if (values.size() > 1) {
            out.add(name);
        }
    }
}
