package dev.signozha.core.inventory;

import dev.signozha.core.rbac.Permission;
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
import java.util.stream.Stream;

/**
 * One read of a cluster (or of a snapshot of one): every object the checks look at, one list per kind, and the
 * permissions the cluster refused (403) while reading, whose kinds are {@link #unreadable} lists.
 * {@code observedAt} is "now" for age-based checks: the time of the read, or the time a snapshot records.
 */
public record Inventory(
        String source,
        Instant observedAt,
        List<String> namespaces,
        List<Node> nodes,
        List<Pod> pods,
        List<Service> services,
        List<Endpoints> endpoints,
        List<StatefulSet> statefulSets,
        List<Deployment> deployments,
        List<DaemonSet> daemonSets,
        List<Job> jobs,
        List<PersistentVolumeClaim> persistentVolumeClaims,
        List<PodDisruptionBudget> disruptionBudgets,
        List<Event> events,
        List<StorageClass> storageClasses,
        List<CustomResourceDefinition> customResourceDefinitions,
        List<GenericKubernetesResource> clickHouseInstallations,
        List<GenericKubernetesResource> keeperInstallations,
        List<Lease> leases,
        List<ConfigMap> configMaps,
        List<CronJob> cronJobs,
        List<Permission> unreadable) {

    /** The CustomResourceDefinition that makes ClickHouseInstallation a kind. */
    public static final String CHI_CRD = "clickhouseinstallations.clickhouse.altinity.com";

    /** The API group of ClickHouseKeeperInstallation (kind chk), which clickhouse-operator serves since 0.23. */
    public static final String KEEPER_GROUP = "clickhouse-keeper.altinity.com";

    /** Every object that could be read, for writing snapshots and counting. */
    public List<HasMetadata> all() {
        List<HasMetadata> all = new ArrayList<>();
        Stream.of(
                        nodes,
                        storageClasses,
                        customResourceDefinitions,
                        configMaps,
                        leases,
                        services,
                        endpoints,
                        persistentVolumeClaims,
                        disruptionBudgets,
                        deployments,
                        daemonSets,
                        statefulSets,
                        jobs,
                        cronJobs,
                        clickHouseInstallations,
                        keeperInstallations,
                        pods,
                        events)
                .filter(Inventory::readable)
                .forEach(all::addAll);
        return all;
    }

    /** Stands for the objects of a kind the cluster refused to list: using them throws {@link UnreadableException}. */
    public static <T> List<T> unreadable(Permission missing) {
        return new Unreadable<>(missing);
    }

    /** Whether the list holds objects, rather than standing for a kind the cluster refused to list. */
    public static boolean readable(List<?> list) {
        return !(list instanceof Unreadable);
    }

    /**
     * Throws {@link UnreadableException} when the cluster refused {@code permission}; for a kind read in part (the
     * release's namespace) when the whole (every namespace) was refused.
     */
    public void require(Permission permission) {
        if (unreadable.contains(permission)) {
            throw new UnreadableException(permission);
        }
    }

    /** How many objects live in {@code namespace}; cluster-wide ones (nodes, storage classes) are always listed. */
    public long objectsIn(String namespace) {
        return all().stream()
                .filter(object -> namespace.equals(object.getMetadata().getNamespace()))
                .count();
    }

    /** {@code Kind/namespace/name}, how findings name objects. */
    public static String id(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return object.getKind() + "/" + (namespace == null ? "" : namespace + "/")
                + object.getMetadata().getName();
    }
}
