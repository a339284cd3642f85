package dev.signozha.checks;

import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.topology.ClickHouseMode;
import dev.signozha.core.topology.Topology.Spec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names of the cluster doctor looked at that a runbook's commands take (namespace, release, installation,
 * ClickHouse cluster, ZooKeeper StatefulSet; the pod and node of a check's findings); the runbook keeps a
 * placeholder for each name not known.
 */
public record RunbookContext(Map<RunbookName, String> names) {

    public RunbookContext {
        Map<RunbookName, String> known = new EnumMap<>(RunbookName.class);
        names.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                known.put(name, value);
            }
        });
        names = Map.copyOf(known);
    }

    /** What a topology names: namespace, release, installation, cluster and the ZooKeeper its mode runs. */
    public static RunbookContext of(Spec spec) {
        ResourceNames names = new ResourceNames(spec);
        return new RunbookContext(Map.of(
                RunbookName.NAMESPACE,
                spec.namespace(),
                RunbookName.RELEASE,
                spec.release(),
                RunbookName.INSTALLATION,
                names.installation(),
                RunbookName.CLUSTER,
                spec.clickhouse().cluster(),
                RunbookName.ZOOKEEPER,
                spec.clickhouse().mode() == ClickHouseMode.EXTERNAL ? names.zookeeper() : names.bundledZookeeper()));
    }

    /**
     * What a doctor run knows: the namespace it read, the intended installation and cluster, the release (from the
     * topology, else the installation's {@code app.kubernetes.io/instance} label), the namespace's only ZooKeeper
     * (else the topology's).
     */
    public static RunbookContext of(CheckContext context, Optional<Spec> topology) {
        Map<RunbookName, String> names = new EnumMap<>(RunbookName.class);
        topology.ifPresent(spec -> names.putAll(of(spec).names()));
        names.put(RunbookName.NAMESPACE, context.namespace());
        context.intended().ifPresent(intended -> {
            names.put(RunbookName.INSTALLATION, intended.installation());
            names.put(RunbookName.CLUSTER, intended.cluster());
        });
        if (topology.isEmpty()) {
            installationRelease(context).ifPresent(release -> names.put(RunbookName.RELEASE, release));
        }
        context.kubernetes()
                .map(view -> view.zooKeeperStatefulSets().stream()
                        .map(set -> set.getMetadata().getName())
                        .toList())
                .filter(ensembles -> ensembles.size() == 1)
                .ifPresent(ensembles -> names.put(RunbookName.ZOOKEEPER, ensembles.get(0)));
        return new RunbookContext(names);
    }

    private static Optional<String> installationRelease(CheckContext context) {
        return context.kubernetes()
                .flatMap(view -> context.intended()
                        .flatMap(intended -> view.installations().stream()
                                .filter(chi -> chi.getMetadata().getName().equals(intended.installation()))
                                .findFirst())
                        .map(chi -> ClusterView.label(chi, "app.kubernetes.io/instance")));
    }

    /** This context with {@code other}'s names where it knows them. */
    public RunbookContext overriddenBy(RunbookContext other) {
        Map<RunbookName, String> names = new EnumMap<>(RunbookName.class);
        names.putAll(this.names);
        names.putAll(other.names);
        return new RunbookContext(names);
    }

    /** This context with the pod and the node a check's findings name, when they name exactly one of each. */
    public RunbookContext with(CheckResult result) {
        Map<RunbookName, String> names = new EnumMap<>(RunbookName.class);
        names.putAll(this.names);
        only(result, "Pod/")
                .map(id -> id.substring(id.lastIndexOf('/') + 1))
                .ifPresent(pod -> names.put(RunbookName.POD, pod));
        only(result, "Node/")
                .map(id -> id.substring("Node/".length()))
                .ifPresent(node -> names.put(RunbookName.NODE, node));
        return new RunbookContext(names);
    }

    private static Optional<String> only(CheckResult result, String kind) {
        List<String> objects = result.findings().stream()
                .flatMap(finding -> finding.objects().stream())
                .filter(object -> object.startsWith(kind))
                .distinct()
                .toList();
        return objects.size() == 1 ? Optional.of(objects.get(0)) : Optional.empty();
    }

    /** The value of {@code name}, when known. */
    public Optional<String> value(RunbookName name) {
        return Optional.ofNullable(names.get(name));
    }
}
