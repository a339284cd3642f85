package dev.signozha.checks;

import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.render.ResourceNames;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What cleanup may delete, found the way doctor finds it: a second ClickHouseInstallation (DUPLICATE_CLICKHOUSE)
 * that no component connects to, failed schema migration Jobs, evicted pods. The installation any component's
 * host (or the intended host) names is in use and never a candidate; asking for it is a refusal. Volumes of an
 * installation are kept unless the caller names exactly that installation. Pure: the caller reads the cluster.
 */
public final class CleanupPlanner {

    private CleanupPlanner() {
    }

    /** An object to delete and why. */
    public record Deletion(String id, CheckSpec finding, String reason) {}

    /** Deletions, refusals (nothing is deleted when there is one), and notes for the person reading. */
    public record Plan(List<Deletion> deletions, List<String> refusals, List<String> notes) {

        public Plan {
            deletions = List.copyOf(deletions);
            refusals = List.copyOf(refusals);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The cleanup of {@code view}'s namespace. {@code intendedHost}: the host the topology or state record
     * names; {@code installation}: the one installation the operator asked to remove (otherwise every unused
     * duplicate); {@code deleteVolumesOf}: the installation whose PersistentVolumeClaims may go too.
     */
    public static Plan plan(ClusterView view, Optional<String> intendedHost, Optional<String> installation,
                            Optional<String> deleteVolumesOf) {
        List<Deletion> deletions = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> inUse = inUse(view, intendedHost);
        List<GenericKubernetesResource> installations = view.installations();
        List<GenericKubernetesResource> removable = installations.stream()
                .filter(chi -> chi.getMetadata().getDeletionTimestamp() == null)
                .filter(chi -> installation.map(chi.getMetadata().getName()::equals).orElse(true)).toList();
        installation.filter(name -> removable.isEmpty()).ifPresent(name -> refusals.add("no ClickHouseInstallation "
                + name + " in namespace " + view.namespace()));
        for (GenericKubernetesResource chi : removable) {
            String name = chi.getMetadata().getName();
            String service = Installations.serviceName(chi);
            if (inUse.contains(service)) {
                if (installation.isPresent()) {
                    refusals.add(Inventory.id(chi) + " is in use: " + users(view, service, intendedHost));
                }
                continue;
            }
            if (installation.isEmpty() && (installations.size() < 2 || inUse.isEmpty())) {
                notes.add(installations.size() < 2 ? "one ClickHouseInstallation, nothing duplicated"
                        : "no component names the host of any ClickHouseInstallation, so none is known to be the "
                        + "duplicate; name one with --installation");
                break;
            }
            deletions.add(new Deletion(Inventory.id(chi), CheckCatalog.DUPLICATE_CLICKHOUSE, "ClickHouseInstallation "
                    + "with service " + service + ", which no component connects to"));
            volumes(view, name, deleteVolumesOf, deletions, notes);
        }
        deleteVolumesOf.filter(name -> deletions.stream().noneMatch(d -> d.id().endsWith("/" + name)
                && d.id().startsWith("ClickHouseInstallation/"))).ifPresent(name -> refusals.add(
                "--delete-volumes=" + name + " names no installation this cleanup deletes"));
        failedMigrations(view).forEach(deletions::add);
        evicted(view).forEach(deletions::add);
        return new Plan(deletions, refusals, notes);
    }

    private static Set<String> inUse(ClusterView view, Optional<String> intendedHost) {
        Set<String> hosts = new TreeSet<>();
        view.clients().stream().filter(client -> !client.endpoint().isAddress())
                .forEach(client -> hosts.add(client.endpoint().serviceName()));
        intendedHost.ifPresent(hosts::add);
        return hosts;
    }

    private static String users(ClusterView view, String service, Optional<String> intendedHost) {
        List<String> users = new ArrayList<>(view.clients().stream()
                .filter(client -> service.equals(client.endpoint().serviceName())).map(ClusterView.Client::id).toList());
        intendedHost.filter(service::equals).ifPresent(host -> users.add("the topology's host"));
        return String.join(", ", users) + " connect(s) to " + service;
    }

    private static void volumes(ClusterView view, String installation, Optional<String> deleteVolumesOf,
                                List<Deletion> deletions, List<String> notes) {
        List<String> claims = view.local(view.inventory().persistentVolumeClaims()).stream()
                .filter(ClusterView.labelled(ResourceNames.INSTALLATION_LABEL, installation)).map(Inventory::id).sorted().toList();
        if (claims.isEmpty()) {
            return;
        }
        if (deleteVolumesOf.filter(installation::equals).isPresent()) {
            claims.forEach(id -> deletions.add(new Deletion(id, CheckCatalog.DUPLICATE_CLICKHOUSE,
                    "volume of " + installation + ", deleted as --delete-volumes=" + installation + " asks")));
        } else {
            notes.add("keeping " + claims.size() + " PersistentVolumeClaim(s) of " + installation
                    + "; --delete-volumes=" + installation + " deletes them, and their data, too");
        }
    }

    private static List<Deletion> failedMigrations(ClusterView view) {
        return view.local(view.inventory().jobs()).stream().filter(MigrationChecks::isMigration)
                .filter(job -> Readiness.hasCondition(job, "Failed"))
                .map(job -> new Deletion(Inventory.id(job), CheckCatalog.SCHEMA_MIGRATION_TOPOLOGY,
                        "failed schema migration Job; the next deploy runs it again")).toList();
    }

    private static List<Deletion> evicted(ClusterView view) {
        return view.local(view.inventory().pods()).stream()
                .filter(pod -> pod.getStatus() != null && "Evicted".equals(pod.getStatus().getReason()))
                .map(CleanupPlanner::evictedPod).toList();
    }

    private static Deletion evictedPod(Pod pod) {
        return new Deletion(Inventory.id(pod), CheckCatalog.POD_EVICTIONS, "evicted pod: "
                + Optional.ofNullable(pod.getStatus().getMessage()).orElse("no message"));
    }
}
