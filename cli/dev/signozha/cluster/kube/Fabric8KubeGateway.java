package dev.signozha.cluster.kube;

import dev.signozha.core.inventory.Inventory;
import dev.signozha.cluster.clickhouse.ConnectionFactory;
import dev.signozha.cluster.clickhouse.HostConnector;
import dev.signozha.cluster.clickhouse.PortForwardHosts;
import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.state.StateRecord;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Optional;
import java.util.List;

/**
 * The only class that lists objects through fabric8. The number of requests is fixed (one per kind),
 * whatever the cluster's size: nothing is fetched per pod or per node.
 */
public final class Fabric8KubeGateway implements KubeGateway {

    /** The ClickHouseInstallation resource, for generic-resource calls. */
    public static final ResourceDefinitionContext CHI = new ResourceDefinitionContext.Builder()
            .withGroup("clickhouse.altinity.com").withVersion("v1").withKind("ClickHouseInstallation")
            .withPlural("clickhouseinstallations").withNamespaced(true).build();

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
            throw KubeFailures.cannot("read the cluster (" + describe() + ")", e);
        }
    }

    private Inventory read(String namespace) {
        CustomResourceDefinition definition = client.apiextensions().v1().customResourceDefinitions()
                .withName(Inventory.CHI_CRD).get();
        List<GenericKubernetesResource> installations = definition == null ? List.of()
                : client.genericKubernetesResources(CHI).inNamespace(namespace).list().getItems();
        return new Inventory(describe(), clock.instant(), List.of(namespace),
                client.nodes().list().getItems(),
                client.pods().inNamespace(namespace).list().getItems(),
                client.services().inNamespace(namespace).list().getItems(),
                client.endpoints().inNamespace(namespace).list().getItems(),
                client.apps().statefulSets().inNamespace(namespace).list().getItems(),
                // Cluster-wide: a clickhouse-operator elsewhere may watch this namespace too.
                client.apps().deployments().inAnyNamespace().list().getItems(),
                client.apps().daemonSets().inNamespace(namespace).list().getItems(),
                client.batch().v1().jobs().inNamespace(namespace).list().getItems(),
                client.persistentVolumeClaims().inNamespace(namespace).list().getItems(),
                client.policy().v1().podDisruptionBudget().inNamespace(namespace).list().getItems(),
                client.v1().events().inNamespace(namespace).list().getItems(),
                client.storage().v1().storageClasses().list().getItems(),
                definition == null ? List.of() : List.of(definition),
                installations,
                client.leases().inNamespace(namespace).list().getItems(),
                client.configMaps().inNamespace(namespace).list().getItems(),
                client.batch().v1().cronjobs().inNamespace(namespace).list().getItems());
    }

    @Override
    public List<JsonNode> ownedObjects(String namespace) {
        try {
            return Retries.idempotent(() -> owned(namespace));
        } catch (KubernetesClientException e) {
            throw KubeFailures.cannot("read the cluster (" + describe() + ")", e);
        }
    }

    private List<JsonNode> owned(String namespace) {
        String key = ResourceNames.MANAGED_BY_LABEL;
        String value = ResourceNames.MANAGED_BY_VALUE;
        List<HasMetadata> owned = new ArrayList<>();
        // The state record is the tool's memory, not a rendered object: never part of a plan.
        client.configMaps().inNamespace(namespace).withLabel(key, value).list().getItems().stream()
                .filter(map -> !StateRecord.CONFIG_MAP.equals(map.getMetadata().getName())).forEach(owned::add);
        owned.addAll(client.services().inNamespace(namespace).withLabel(key, value).list().getItems());
        owned.addAll(client.policy().v1().podDisruptionBudget().inNamespace(namespace).withLabel(key, value)
                .list().getItems());
        owned.addAll(client.apps().statefulSets().inNamespace(namespace).withLabel(key, value).list().getItems());
        if (client.apiextensions().v1().customResourceDefinitions().withName(Inventory.CHI_CRD).get() != null) {
            owned.addAll(client.genericKubernetesResources(CHI).inNamespace(namespace).withLabel(key, value)
                    .list().getItems());
        }
        // clickhouse-operator copies the installation's labels onto what it creates (StatefulSets, Services,
        // budgets): those belong to their owner, not to the tool, and must never be planned for deletion.
        return owned.stream().filter(object -> object.getMetadata().getOwnerReferences() == null
                        || object.getMetadata().getOwnerReferences().isEmpty())
                .map(object -> client.getKubernetesSerialization().convertValue(object, JsonNode.class)).toList();
    }

    @Override
    public List<Pod> pods(String namespace, String key, String value) {
        try {
            return Retries.idempotent(() -> client.pods().inNamespace(namespace).withLabel(key, value).list().getItems());
        } catch (KubernetesClientException e) {
            throw KubeFailures.cannot("list the pods labelled " + key + "=" + value + " (" + describe() + ")", e);
        }
    }

    @Override
    public Optional<String> secretValue(String namespace, String name, String key) {
        try {
            Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
            if (secret == null) {
                return Optional.empty();
            }
            if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
                return Optional.of(secret.getStringData().get(key));
            }
            return Optional.ofNullable(secret.getData()).map(data -> data.get(key))
                    .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (KubernetesClientException e) {
            throw KubeFailures.cannot("read Secret " + namespace + "/" + name + " (" + describe() + ")", e);
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

    @Override
    public void close() {
        client.close();
    }

}
