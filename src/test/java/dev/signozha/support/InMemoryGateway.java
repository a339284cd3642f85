package dev.signozha.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.cluster.clickhouse.ConnectionFactory;
import dev.signozha.cluster.clickhouse.HostConnector;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.state.StateRecord;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The in-memory cluster's reads, answered as the fabric8 gateway answers them from an API server. */
final class InMemoryGateway implements KubeGateway {

    private final ObjectStore store;
    private final String namespace;
    private final Map<String, String> secrets;
    private final Map<String, List<String>> logs = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code secrets}: {@code name/key} to value, for {@link #secretValue}. */
    InMemoryGateway(ObjectStore store, String namespace, Map<String, String> secrets) {
        this.store = store;
        this.namespace = namespace;
        this.secrets = secrets;
    }

    @Override
    public Inventory inventory(String namespace) {
        return new Inventory(
                describe(),
                Instant.now(),
                List.of(namespace),
                store.list(Node.class, null),
                store.list(Pod.class, namespace),
                store.list(Service.class, namespace),
                List.of(),
                store.list(StatefulSet.class, namespace),
                store.list(Deployment.class, null),
                List.of(),
                store.list(Job.class, namespace),
                store.list(PersistentVolumeClaim.class, namespace),
                store.list(PodDisruptionBudget.class, namespace),
                store.list(Event.class, namespace),
                store.list(StorageClass.class, null),
                store.list(CustomResourceDefinition.class, null),
                custom(namespace, "ClickHouseInstallation"),
                custom(namespace, "ClickHouseKeeperInstallation"),
                List.of(),
                store.list(ConfigMap.class, namespace),
                List.of(),
                List.of());
    }

    /** The namespace's custom resources of one kind. */
    private List<GenericKubernetesResource> custom(String namespace, String kind) {
        return store.list(GenericKubernetesResource.class, namespace).stream()
                .filter(resource -> kind.equals(resource.getKind()))
                .toList();
    }

    /** The tool's own objects, not the state record, not what an operator made from them (owner references). */
    @Override
    public List<JsonNode> ownedObjects(String namespace) {
        List<HasMetadata> owned = new ArrayList<>();
        store.list(ConfigMap.class, namespace).stream()
                .filter(map -> !StateRecord.CONFIG_MAP.equals(map.getMetadata().getName()))
                .forEach(owned::add);
        owned.addAll(store.list(Service.class, namespace));
        owned.addAll(store.list(PodDisruptionBudget.class, namespace));
        owned.addAll(store.list(StatefulSet.class, namespace));
        owned.addAll(store.list(GenericKubernetesResource.class, namespace));
        return owned.stream()
                .filter(object -> ResourceNames.MANAGED_BY_VALUE.equals(
                        Optional.ofNullable(object.getMetadata().getLabels())
                                .map(labels -> labels.get(ResourceNames.MANAGED_BY_LABEL))
                                .orElse(null)))
                .filter(object -> object.getMetadata().getOwnerReferences() == null
                        || object.getMetadata().getOwnerReferences().isEmpty())
                .map(object -> InMemoryCluster.SERIALIZATION.convertValue(object, JsonNode.class))
                .toList();
    }

    @Override
    public List<Pod> pods(String namespace, String key, String value) {
        return store.list(Pod.class, namespace).stream()
                .filter(pod -> pod.getMetadata().getLabels() != null
                        && value.equals(pod.getMetadata().getLabels().get(key)))
                .toList();
    }

    @Override
    public Optional<String> secretValue(String namespace, String name, String key) {
        return Optional.ofNullable(secrets.get(name + "/" + key));
    }

    /** The container {@code container} of pod {@code pod} has logged {@code lines}, as kubectl logs shows them. */
    void log(String pod, String container, List<String> lines) {
        logs.put(pod + "/" + container, List.copyOf(lines));
    }

    /** The last {@code lines} lines a container logged; none for a container nothing was scripted for. */
    @Override
    public List<String> logTail(String namespace, String pod, String container, int lines) {
        List<String> logged = logs.getOrDefault(pod + "/" + container, List.of());
        return logged.subList(Math.max(0, logged.size() - lines), logged.size());
    }

    @Override
    public boolean namespaceExists(String namespace) {
        return store.hasNamespace(namespace);
    }

    @Override
    public HostConnector clickHouseHosts(String namespace, List<Pod> pods, ConnectionFactory connections) {
        throw new UnsupportedOperationException("the in-memory cluster runs no ClickHouse");
    }

    @Override
    public String defaultNamespace() {
        return namespace;
    }

    @Override
    public String describe() {
        return "in-memory";
    }

    @Override
    public void close() {}
}
