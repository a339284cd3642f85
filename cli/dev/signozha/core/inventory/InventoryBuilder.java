package dev.signozha.core.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Collects objects by kind into an {@link Inventory}; unknown kinds and Secrets are dropped. */
public final class InventoryBuilder {

    private final String source;
    private Instant declaredObservedAt;
    private Instant newestTimestamp = Instant.EPOCH;
    private final Set<String> namespaces = new TreeSet<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Pod> pods = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Endpoints> endpoints = new ArrayList<>();
    private final List<StatefulSet> statefulSets = new ArrayList<>();
    private final List<Deployment> deployments = new ArrayList<>();
    private final List<DaemonSet> daemonSets = new ArrayList<>();
    private final List<Job> jobs = new ArrayList<>();
    private final List<PersistentVolumeClaim> claims = new ArrayList<>();
    private final List<PodDisruptionBudget> budgets = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<StorageClass> storageClasses = new ArrayList<>();
    private final List<CustomResourceDefinition> definitions = new ArrayList<>();
    private final List<GenericKubernetesResource> installations = new ArrayList<>();
    private final List<GenericKubernetesResource> keepers = new ArrayList<>();
    private final List<Lease> leases = new ArrayList<>();
    private final List<ConfigMap> configMaps = new ArrayList<>();
    private final List<CronJob> cronJobs = new ArrayList<>();

    public InventoryBuilder(String source) {
        this.source = source;
    }

    /** Adds one object given as a tree; throws when the tree does not fit its kind. */
    public void add(JsonNode object, ObjectMapper mapper) throws JsonProcessingException {
        String group = object.path("apiVersion").asText().replaceFirst("/?v1(beta1)?$", "");
        String kind = object.path("kind").asText();
        newestTimestamp = Timestamps.newest(object, newestTimestamp);
        switch (group + "/" + kind) {
            case "/Node" -> add(nodes, mapper.treeToValue(object, Node.class));
            case "/Pod" -> add(pods, mapper.treeToValue(object, Pod.class));
            case "/Service" -> add(services, mapper.treeToValue(object, Service.class));
            case "/Endpoints" -> add(endpoints, mapper.treeToValue(object, Endpoints.class));
            case "/PersistentVolumeClaim" -> add(claims, mapper.treeToValue(object, PersistentVolumeClaim.class));
            case "/Event" -> add(events, mapper.treeToValue(object, Event.class));
            case "/ConfigMap" -> add(configMaps, mapper.treeToValue(object, ConfigMap.class));
            case "apps/StatefulSet" -> add(statefulSets, mapper.treeToValue(object, StatefulSet.class));
            case "apps/Deployment" -> add(deployments, mapper.treeToValue(object, Deployment.class));
            case "apps/DaemonSet" -> add(daemonSets, mapper.treeToValue(object, DaemonSet.class));
            case "batch/Job" -> add(jobs, mapper.treeToValue(object, Job.class));
            case "batch/CronJob" -> add(cronJobs, mapper.treeToValue(object, CronJob.class));
            case "policy/PodDisruptionBudget" -> add(budgets, mapper.treeToValue(object, PodDisruptionBudget.class));
            case "storage.k8s.io/StorageClass" -> add(storageClasses, mapper.treeToValue(object, StorageClass.class));
            case "apiextensions.k8s.io/CustomResourceDefinition" ->
                add(definitions, mapper.treeToValue(object, CustomResourceDefinition.class));
            case "clickhouse.altinity.com/ClickHouseInstallation" ->
                add(installations, mapper.treeToValue(object, GenericKubernetesResource.class));
            case Inventory.KEEPER_GROUP + "/ClickHouseKeeperInstallation" ->
                add(keepers, mapper.treeToValue(object, GenericKubernetesResource.class));
            case "coordination.k8s.io/Lease" -> add(leases, mapper.treeToValue(object, Lease.class));
            default -> {
                // Kinds no check reads (Secrets among them, deliberately) are not kept.
            }
        }
    }

    /** The time the snapshot says it was taken, when it says so. */
    public void observedAt(String instant) {
        if (instant != null && !instant.isBlank()) {
            declaredObservedAt = Instant.parse(instant);
        }
    }

    public boolean isEmpty() {
        return nodes.isEmpty()
                && pods.isEmpty()
                && services.isEmpty()
                && statefulSets.isEmpty()
                && deployments.isEmpty()
                && jobs.isEmpty()
                && cronJobs.isEmpty()
                && installations.isEmpty()
                && keepers.isEmpty()
                && configMaps.isEmpty()
                && claims.isEmpty()
                && events.isEmpty()
                && definitions.isEmpty();
    }

    /**
     * The inventory; "now" is the newest timestamp it holds (the cluster's clock), else the observation time the
     * snapshot declares for a snapshot holding none.
     */
    public Inventory build() {
        Instant observedAt = newestTimestamp.isAfter(Instant.EPOCH) || declaredObservedAt == null
                ? newestTimestamp
                : declaredObservedAt;
        return new Inventory(
                source,
                observedAt,
                List.copyOf(namespaces),
                nodes,
                pods,
                services,
                endpoints,
                statefulSets,
                deployments,
                daemonSets,
                jobs,
                claims,
                budgets,
                events,
                storageClasses,
                definitions,
                installations,
                keepers,
                leases,
                configMaps,
                cronJobs,
                List.of());
    }

    private <T extends HasMetadata> void add(List<T> target, T object) {
        if (object.getMetadata() != null && object.getMetadata().getNamespace() != null) {
            namespaces.add(object.getMetadata().getNamespace());
        }
        target.add(object);
    }
}
