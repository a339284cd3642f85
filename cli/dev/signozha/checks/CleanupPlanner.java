package dev.signozha.checks;

import dev.signozha.core.endpoint.ClickHouseEndpoint;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.render.ResourceNames;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What cleanup may delete, found the way doctor finds it: a second ClickHouseInstallation (DUPLICATE_CLICKHOUSE)
 * that no endpoint of any component reaches (EndpointModel), failed schema migration Jobs, evicted pods. An
 * installation any endpoint (or the intended host) reaches is in use and never a candidate; asking for it is a
 * refusal. An address signoz-ha cannot read may reach any installation: then no installation is deleted unless
 * the caller names it. Volumes of an installation are kept unless the caller names exactly that installation.
 * Pure: the caller reads the cluster.
 */
public final class CleanupPlanner {

    private CleanupPlanner() {}

    /** An object to delete and why. */
    public record Deletion(String id, CheckSpec finding, String reason) {}

    /**
     * Deletions, refusals (nothing is deleted when there is one), notes for the person reading, and installations
     * already being deleted (ids), which cleanup does not delete again but waits for and reports.
     */
    public record Plan(List<Deletion> deletions, List<String> refusals, List<String> notes, List<String> terminating) {

        public Plan {
            deletions = List.copyOf(deletions);
            refusals = List.copyOf(refusals);
            notes = List.copyOf(notes);
            terminating = List.copyOf(terminating);
        }
    }

    /**
     * The cleanup of {@code view}'s namespace. {@code intendedHost}: the host the topology or state record
     * names; {@code installation}: the one installation the operator asked to remove (otherwise every unused
     * duplicate); {@code deleteVolumesOf}: the installation whose PersistentVolumeClaims may go too.
     */
    public static Plan plan(
            ClusterView view,
            Optional<String> intendedHost,
            Optional<String> installation,
            Optional<String> deleteVolumesOf) {
        List<Deletion> deletions = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        InstallationReach reach = new InstallationReach(view);
        Map<String, List<String>> users = users(reach, intendedHost);
        List<String> unreadable = reach.unreadable();
        List<GenericKubernetesResource> installations = view.installations();
        List<GenericKubernetesResource> removable = installations.stream()
                .filter(chi -> !Terminating.is(chi))
                .filter(chi ->
                        installation.map(chi.getMetadata().getName()::equals).orElse(true))
                .toList();
        installation
                .filter(name -> installations.stream()
                        .noneMatch(chi -> chi.getMetadata().getName().equals(name)))
                .ifPresent(name ->
                        refusals.add("no ClickHouseInstallation " + name + " in namespace " + view.namespace()));
        for (GenericKubernetesResource chi : removable) {
            String name = chi.getMetadata().getName();
            if (users.containsKey(name)) {
                if (installation.isPresent()) {
                    refusals.add(Inventory.id(chi) + " is in use: " + String.join(", ", users.get(name))
                            + " connect(s) to " + Installations.serviceName(chi));
                }
                continue;
            }
            if (installation.isEmpty() && installations.size() < 2) {
                notes.add("one ClickHouseInstallation, nothing duplicated");
                break;
            }
            if (!unreadable.isEmpty() && installation.isEmpty()) {
                refusals.add(Inventory.id(chi) + " may be in use: " + String.join("; ", unreadable)
                        + ". If you know it is unused, name it: --installation " + name);
                continue;
            }
            if (installation.isEmpty() && users.isEmpty()) {
                notes.add("no component names the host of any ClickHouseInstallation, so none is known to be the "
                        + "duplicate; name one with --installation");
                break;
            }
            unreadable.forEach(place -> notes.add(
                    "deleting " + name + " as --installation asks, although " + "signoz-ha cannot read " + place));
            deletions.add(new Deletion(
                    Inventory.id(chi),
                    CheckCatalog.DUPLICATE_CLICKHOUSE,
                    "ClickHouseInstallation " + "with service " + Installations.serviceName(chi)
                            + ", which no component connects to"));
            volumes(view, name, deleteVolumesOf, deletions, notes);
        }
        deleteVolumesOf
                .filter(name -> deletions.stream()
                        .noneMatch(d -> d.id().endsWith("/" + name) && d.id().startsWith("ClickHouseInstallation/")))
                .ifPresent(name ->
                        refusals.add("--delete-volumes=" + name + " names no installation this cleanup deletes"));
        failedMigrations(view).forEach(deletions::add);
        evicted(view).forEach(deletions::add);
        List<String> terminating = installations.stream()
                .filter(Terminating::is)
                .map(Inventory::id)
                .toList();
        return new Plan(deletions, refusals, notes, terminating);
    }

    /** Installation name → who uses it: every endpoint that reaches it, and the topology's host. */
    private static Map<String, List<String>> users(InstallationReach reach, Optional<String> intendedHost) {
        Map<String, List<String>> users = new LinkedHashMap<>(reach.users());
        intendedHost
                .map(host -> new ClickHouseEndpoint("the topology's host", host, 9000, "native", null))
                .flatMap(reach::reached)
                .ifPresent(chi -> users.merge(
                        chi.getMetadata().getName(),
                        List.of("the topology's host"),
                        (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        return users;
    }

    private static void volumes(
            ClusterView view,
            String installation,
            Optional<String> deleteVolumesOf,
            List<Deletion> deletions,
            List<String> notes) {
        List<String> claims = view.local(view.inventory().persistentVolumeClaims()).stream()
                .filter(ClusterView.labelled(ResourceNames.INSTALLATION_LABEL, installation))
                .map(Inventory::id)
                .sorted()
                .toList();
        if (claims.isEmpty()) {
            return;
        }
        if (deleteVolumesOf.filter(installation::equals).isPresent()) {
            claims.forEach(id -> deletions.add(new Deletion(
                    id,
                    CheckCatalog.DUPLICATE_CLICKHOUSE,
                    "volume of " + installation + ", deleted as --delete-volumes=" + installation + " asks")));
        } else {
            notes.add("keeping " + claims.size() + " PersistentVolumeClaim(s) of " + installation
                    + "; --delete-volumes=" + installation + " deletes them, and their data, too");
        }
    }

    private static List<Deletion> failedMigrations(ClusterView view) {
        return view.local(view.inventory().jobs()).stream()
                .filter(MigrationChecks::isMigration)
                .filter(job -> Readiness.hasCondition(job, "Failed"))
                .map(job -> new Deletion(
                        Inventory.id(job),
                        CheckCatalog.SCHEMA_MIGRATION_TOPOLOGY,
                        "failed schema migration Job; the next deploy runs it again"))
                .toList();
    }

    private static List<Deletion> evicted(ClusterView view) {
        return view.local(view.inventory().pods()).stream()
                .filter(pod -> pod.getStatus() != null
                        && "Evicted".equals(pod.getStatus().getReason()))
                .map(CleanupPlanner::evictedPod)
                .toList();
    }

    private static Deletion evictedPod(Pod pod) {
        return new Deletion(
                Inventory.id(pod),
                CheckCatalog.POD_EVICTIONS,
                "evicted pod: "
                        + Optional.ofNullable(pod.getStatus().getMessage()).orElse("no message"));
    }
}
