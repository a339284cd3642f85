package dev.signozha.cluster.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.cluster.clickhouse.ConnectionFactory;
import dev.signozha.cluster.clickhouse.HostConnector;
import dev.signozha.cluster.clickhouse.PortForwardHosts;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.rbac.ApiAccess;
import dev.signozha.core.rbac.Permission;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.state.StateRecord;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The only class that lists objects through fabric8. The number of requests is fixed (one per kind),
 * whatever the cluster's size: nothing is fetched per pod or per node.
 */
public final class Fabric8KubeGateway implements KubeGateway {

    private static final String NODE_EVENTS_NAMESPACE = "default";

    /** The ClickHouseInstallation resource, for generic-resource calls. */
    private static final String CHI_GROUP = "clickhouse.altinity.com";

    private static final int NOT_FOUND = 404;

    public static final ResourceDefinitionContext CHI = new ResourceDefinitionContext.Builder()
            .withGroup(CHI_GROUP)
            .withVersion("v1")
            .withKind("ClickHouseInstallation")
            .withPlural("clickhouseinstallations")
            .withNamespaced(true)
            .build();

    /** The ClickHouseKeeperInstallation resource (clickhouse-operator 0.23 and later). */
    public static final ResourceDefinitionContext CHK = new ResourceDefinitionContext.Builder()
            .withGroup(Inventory.KEEPER_GROUP)
            .withVersion("v1")
            .withKind("ClickHouseKeeperInstallation")
            .withPlural("clickhousekeeperinstallations")
            .withNamespaced(true)
            .build();

    private final KubernetesClient client;
    private final String name;
    private final Clock clock;

    public Fabric8KubeGateway(KubernetesClient client, String name, Clock clock) {
        this.client = client;
        this.name = name;
        this.clock = clock;
    }

    @Override
    public Inventory inventory(String namespace) {
        try {
            return Retries.idempotent(() -> read(namespace));
        } catch (KubernetesClientException e) {
            throw KubeFailures.cannot("read the cluster (" + where() + ")", e);
        }
    }

    private Inventory read(String namespace) {
        Lists lists = new Lists();
        List<CustomResourceDefinition> definitions = lists.of(
                ApiAccess.GET_CRDS,
                () -> Optional.ofNullable(client.apiextensions()
                                .v1()
                                .customResourceDefinitions()
                                .withName(Inventory.CHI_CRD)
                                .get())
                        .stream()
                        .toList());
        return new Inventory(
                describe(),
                clock.instant(),
                List.of(namespace),
                lists.of(ApiAccess.LIST_NODES, () -> client.nodes().list().getItems()),
                lists.of(
                        listing("", "pods"),
                        () -> client.pods().inNamespace(namespace).list().getItems()),
                lists.of(
                        listing("", "services"),
                        () -> client.services().inNamespace(namespace).list().getItems()),
                lists.of(
                        listing("", "endpoints"),
                        () -> client.endpoints().inNamespace(namespace).list().getItems()),
                lists.of(
                        listing("apps", "statefulsets"),
                        () -> client.apps()
                                .statefulSets()
                                .inNamespace(namespace)
                                .list()
                                .getItems()),
                deployments(namespace, lists),
                lists.of(
                        listing("apps", "daemonsets"),
                        () -> client.apps()
                                .daemonSets()
                                .inNamespace(namespace)
                                .list()
                                .getItems()),
                lists.of(
                        listing("batch", "jobs"),
                        () -> client.batch()
                                .v1()
                                .jobs()
                                .inNamespace(namespace)
                                .list()
                                .getItems()),
                lists.of(
                        listing("", "persistentvolumeclaims"),
                        () -> client.persistentVolumeClaims()
                                .inNamespace(namespace)
                                .list()
                                .getItems()),
                lists.of(
                        listing("policy", "poddisruptionbudgets"),
                        () -> client.policy()
                                .v1()
                                .podDisruptionBudget()
                                .inNamespace(namespace)
                                .list()
                                .getItems()),
                events(namespace, lists),
                lists.of(
                        ApiAccess.LIST_STORAGE_CLASSES,
                        () -> client.storage().v1().storageClasses().list().getItems()),
                definitions,
                installations(namespace, definitions, lists),
                lists.of(
                        listing(Inventory.KEEPER_GROUP, "clickhousekeeperinstallations"),
                        () -> withoutCrd(() -> client.genericKubernetesResources(CHK)
                                .inNamespace(namespace)
                                .list()
                                .getItems())),
                lists.of(
                        listing("coordination.k8s.io", "leases"),
                        () -> client.leases().inNamespace(namespace).list().getItems()),
                lists.of(
                        listing("", "configmaps"),
                        () -> client.configMaps().inNamespace(namespace).list().getItems()),
                lists.of(
                        listing("batch", "cronjobs"),
                        () -> client.batch()
                                .v1()
                                .cronjobs()
                                .inNamespace(namespace)
                                .list()
                                .getItems()),
                lists.refused());
    }

    /**
     * Every namespace's Deployments (a clickhouse-operator elsewhere may watch this namespace too); with a
     * namespace-scoped Role only this namespace's, the cluster-wide permission recorded as refused.
     */
    private List<Deployment> deployments(String namespace, Lists lists) {
        List<Deployment> everywhere = lists.of(
                ApiAccess.LIST_DEPLOYMENTS_EVERYWHERE,
                () -> client.apps().deployments().inAnyNamespace().list().getItems());
        return Inventory.readable(everywhere)
                ? everywhere
                : lists.of(
                        listing("apps", "deployments"),
                        () -> client.apps()
                                .deployments()
                                .inNamespace(namespace)
                                .list()
                                .getItems());
    }

    /** The namespace's installations; asked for even when the CRD could not be read, a 404 meaning there is none. */
    private List<GenericKubernetesResource> installations(
            String namespace, List<CustomResourceDefinition> definitions, Lists lists) {
        if (Inventory.readable(definitions) && definitions.isEmpty()) {
            return List.of();
        }
        return lists.of(
                listing(CHI_GROUP, "clickhouseinstallations"),
                () -> withoutCrd(() -> client.genericKubernetesResources(CHI)
                        .inNamespace(namespace)
                        .list()
                        .getItems()));
    }

    /**
     * Installations listed without first reading their CRD, which a namespace-scoped Role cannot: the API answers
     * 404 when the kind is not installed, which means there are none.
     */
    private static List<GenericKubernetesResource> withoutCrd(Supplier<List<GenericKubernetesResource>> list) {
        try {
            return list.get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
    }

    private static Permission listing(String group, String resource) {
        return Permission.namespaced("list", group, resource);
    }

    /** One read's lists: a kind the cluster refused (403) becomes an unreadable list, its permission recorded. */
    private static final class Lists {
        private final List<Permission> refused = new ArrayList<>();

        <T> List<T> of(Permission permission, Supplier<List<T>> call) {
            try {
                return call.get();
            } catch (KubernetesClientException e) {
                if (e.getCode() != ConnectionCause.FORBIDDEN) {
                    throw e;
                }
                refused.add(permission);
                return Inventory.unreadable(permission);
            }
        }

        List<Permission> refused() {
            return List.copyOf(refused);
        }
    }

    /**
     * The namespace's events, and the nodes' (the kernel's OOMKilling, the kubelet's pressure), which are recorded in
     * namespace default: one more LIST, whatever the cluster's size.
     */
    /**
     * The namespace's events, and the nodes' events from namespace default, where the kubelet writes OOM kills and
     * pressure: a Role that may not list those loses only that evidence, not the namespace's events.
     */
    private List<io.fabric8.kubernetes.api.model.Event> events(String namespace, Lists lists) {
        List<io.fabric8.kubernetes.api.model.Event> own = lists.of(
                listing("", "events"),
                () -> client.v1().events().inNamespace(namespace).list().getItems());
        if (!Inventory.readable(own) || NODE_EVENTS_NAMESPACE.equals(namespace)) {
            return own;
        }
        List<io.fabric8.kubernetes.api.model.Event> events = new ArrayList<>(own);
        try {
            // Filtered here, not with a field selector: the fabric8 mock server answers involvedObject.kind with
            // nothing.
            client.v1().events().inNamespace(NODE_EVENTS_NAMESPACE).list().getItems().stream()
                    .filter(e -> e.getInvolvedObject() != null
                            && "Node".equals(e.getInvolvedObject().getKind()))
                    .forEach(events::add);
        } catch (KubernetesClientException e) {
            if (e.getCode() != ConnectionCause.FORBIDDEN) {
                throw e;
            }
        }
        return events;
    }

    @Override
    public List<JsonNode> ownedObjects(String namespace) {
        try {
            return Retries.idempotent(() -> owned(namespace));
        } catch (KubernetesClientException e) {
            throw KubeFailures.cannot("read the cluster (" + where() + ")", e);
        }
    }

    private List<JsonNode> owned(String namespace) {
        String key = ResourceNames.MANAGED_BY_LABEL;
        String value = ResourceNames.MANAGED_BY_VALUE;
        List<HasMetadata> owned = new ArrayList<>();
        // The state record is the tool's memory, not a rendered object: never part of a plan.
        client.configMaps().inNamespace(namespace).withLabel(key, value).list().getItems().stream()
                .filter(map -> !StateRecord.CONFIG_MAP.equals(map.getMetadata().getName()))
                .forEach(owned::add);
        owned.addAll(client.services()
                .inNamespace(namespace)
                .withLabel(key, value)
                .list()
                .getItems());
        owned.addAll(client.policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace(namespace)
                .withLabel(key, value)
                .list()
                .getItems());
        owned.addAll(client.apps()
                .statefulSets()
                .inNamespace(namespace)
                .withLabel(key, value)
                .list()
                .getItems());
        owned.addAll(withoutCrd(() -> client.genericKubernetesResources(CHI)
                .inNamespace(namespace)
                .withLabel(key, value)
                .list()
                .getItems()));
        owned.addAll(withoutCrd(() -> client.genericKubernetesResources(CHK)
                .inNamespace(namespace)
                .withLabel(key, value)
                .list()
                .getItems()));
        // clickhouse-operator copies the installation's labels onto what it creates (StatefulSets, Services,
        // budgets): those belong to their owner, not to the tool, and must never be planned for deletion.
        return owned.stream()
                .filter(object -> object.getMetadata().getOwnerReferences() == null
                        || object.getMetadata().getOwnerReferences().isEmpty())
                .map(object -> client.getKubernetesSerialization().convertValue(object, JsonNode.class))
                .toList();
    }

    @Override
    public List<Pod> pods(String namespace, String key, String value) {
        try {
            return Retries.idempotent(() -> client.pods()
                    .inNamespace(namespace)
                    .withLabel(key, value)
                    .list()
                    .getItems());
        } catch (KubernetesClientException e) {
            throw KubeFailures.cannot("list the pods labelled " + key + "=" + value + " (" + where() + ")", e);
        }
    }

    @Override
    public boolean namespaceExists(String namespace) {
        try {
            return client.namespaces().withName(namespace).get() != null;
        } catch (KubernetesClientException e) {
            if (e.getCode() == ConnectionCause.FORBIDDEN) {
                // A namespace-scoped Role may not read Namespaces; it is bound in the namespace, which so exists.
                return true;
            }
            throw KubeFailures.cannot("read Namespace " + namespace + " (" + describe() + ")", e);
        }
    }

    @Override
    public Optional<String> secretValue(String namespace, String name, String key) {
        try {
            Secret secret =
                    client.secrets().inNamespace(namespace).withName(name).get();
            if (secret == null) {
                return Optional.empty();
            }
            if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
                return Optional.of(secret.getStringData().get(key));
            }
            return Optional.ofNullable(secret.getData())
                    .map(data -> data.get(key))
                    .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (KubernetesClientException e) {
            throw KubeFailures.cannot("read Secret " + namespace + "/" + name + " (" + where() + ")", e);
        }
    }

    @Override
    public HostConnector clickHouseHosts(String namespace, List<Pod> pods, ConnectionFactory connections) {
        return new PortForwardHosts(client, namespace, pods, connections);
    }

    @Override
    public String defaultNamespace() {
        String namespace = client.getNamespace();
        return namespace == null ? "default" : namespace;
    }

    @Override
    public String describe() {
        return name;
    }

    /** The context and the API server, how failures name where a request went. */
    String where() {
        return name + ", " + client.getMasterUrl();
    }

    @Override
    public void close() {
        client.close();
    }
}
