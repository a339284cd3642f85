package dev.signozha.core.rbac;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.yaml.CanonicalYaml;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's permissions as the Role (the release's namespace) and ClusterRole (cluster-scoped kinds, and
 * namespaced kinds across every namespace) to grant them, one rule per API group and set of verbs.
 */
public final class RbacManifests {

    private static final List<String> VERB_ORDER =
            List.of("get", "list", "watch", "create", "update", "patch", "delete");

    private RbacManifests() {}

    /** YAML for {@code kubectl apply -f -}: the Role in {@code namespace} and the ClusterRole, named after the command. */
    public static String render(String command, String namespace) {
        Set<Permission> permissions = ApiAccess.of(command);
        String name = "signoz-ha-" + command;
        ObjectNode role = role(
                "Role",
                name,
                namespace,
                permissions.stream().filter(p -> !p.clusterWide()).toList());
        ObjectNode clusterRole = role(
                "ClusterRole",
                name,
                null,
                permissions.stream().filter(Permission::clusterWide).toList());
        return "# signoz-ha " + command + ": bind both to the user or ServiceAccount that runs it, e.g.\n"
                + "#   kubectl -n " + namespace + " create rolebinding " + name + " --role " + name + " --user NAME\n"
                + "#   kubectl create clusterrolebinding " + name + " --clusterrole " + name + " --user NAME\n"
                + CanonicalYaml.yaml(role) + "---\n" + CanonicalYaml.yaml(clusterRole);
    }

    private static ObjectNode role(String kind, String name, String namespace, List<Permission> permissions) {
        ObjectNode role = JsonNodeFactory.instance.objectNode();
        role.put("apiVersion", "rbac.authorization.k8s.io/v1").put("kind", kind);
        ObjectNode metadata = role.putObject("metadata").put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        metadata.putObject("labels").put("app.kubernetes.io/managed-by", "signoz-ha");
        Map<List<String>, List<String>> verbsByResource = new LinkedHashMap<>();
        permissions.stream()
                .sorted(Comparator.comparing(Permission::group).thenComparing(Permission::resource))
                .forEach(p -> verbsByResource
                        .computeIfAbsent(List.of(p.group(), p.resource()), k -> new ArrayList<>())
                        .add(p.verb()));
        // One rule per API group and set of verbs, naming every resource that needs exactly those.
        Map<List<String>, List<String>> resourcesByRule = new LinkedHashMap<>();
        verbsByResource.forEach((resource, verbs) -> {
            List<String> rule = new ArrayList<>(List.of(resource.get(0)));
            verbs.stream()
                    .distinct()
                    .sorted(Comparator.comparingInt(VERB_ORDER::indexOf))
                    .forEach(rule::add);
            resourcesByRule.computeIfAbsent(rule, k -> new ArrayList<>()).add(resource.get(1));
        });
        ArrayNode rules = role.putArray("rules");
        resourcesByRule.forEach((rule, resources) -> {
            ObjectNode entry = rules.addObject();
            entry.putArray("apiGroups").add(rule.get(0));
            resources.forEach(entry.putArray("resources")::add);
            rule.subList(1, rule.size()).forEach(entry.putArray("verbs")::add);
        });
        return role;
    }
}
