package dev.signozha.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.inventory.Inventory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A coordination ensemble ClickHouse replicates through, ZooKeeper or ClickHouse Keeper, judged under the same codes.
 * {@code object} names it in findings: the ZooKeeper StatefulSet, or the ClickHouseKeeperInstallation (clickhouse-
 * operator runs each Keeper server in its own StatefulSet chk-NAME-CLUSTER-SHARD-REPLICA of one pod).
 * {@code servers} is the declared size, {@code members} the pods that exist.
 */
record Ensemble(Kind kind, String object, int servers, int ready, List<StatefulSet> statefulSets, List<Pod> members) {

    /** The label clickhouse-operator puts on a Keeper installation's objects: the installation's name. */
    static final String KEEPER_LABEL = Inventory.KEEPER_GROUP + "/chk";

    /** Which coordination service, as messages name it. */
    enum Kind {
        ZOOKEEPER("ZooKeeper"),
        KEEPER("Keeper");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Every ensemble of the namespace: ZooKeeper StatefulSets, then Keeper installations. */
    static List<Ensemble> all(ClusterView view) {
        List<Ensemble> ensembles = new ArrayList<>();
        view.zooKeeperStatefulSets().forEach(set -> ensembles.add(single(Kind.ZOOKEEPER, set, view)));
        ensembles.addAll(keepers(view));
        return ensembles;
    }

    /**
     * Keeper installations with the StatefulSets labelled with their name (also when the installation itself could
     * not be read), and Keeper StatefulSets made by hand, each an ensemble of its own replicas.
     */
    private static List<Ensemble> keepers(ClusterView view) {
        Map<String, List<StatefulSet>> byInstallation = new LinkedHashMap<>();
        view.keeperInstallations()
                .forEach(chk -> byInstallation.put(chk.getMetadata().getName(), new ArrayList<>()));
        List<Ensemble> ensembles = new ArrayList<>();
        for (StatefulSet set : view.keeperStatefulSets()) {
            String installation = ClusterView.label(set, KEEPER_LABEL);
            if (installation == null) {
                ensembles.add(single(Kind.KEEPER, set, view));
            } else {
                byInstallation
                        .computeIfAbsent(installation, name -> new ArrayList<>())
                        .add(set);
            }
        }
        byInstallation.forEach((name, sets) -> ensembles.add(installation(view, name, sets)));
        return ensembles;
    }

    private static Ensemble installation(ClusterView view, String name, List<StatefulSet> sets) {
        Optional<GenericKubernetesResource> chk = view.keeperInstallations().stream()
                .filter(candidate -> candidate.getMetadata().getName().equals(name))
                .findFirst();
        String object = chk.map(Inventory::id).orElse("ClickHouseKeeperInstallation/" + view.namespace() + "/" + name);
        int servers = chk.map(Ensemble::declaredServers).orElse(sets.size());
        return new Ensemble(
                Kind.KEEPER,
                object,
                servers,
                sets.stream().mapToInt(Ensemble::readyReplicas).sum(),
                List.copyOf(sets),
                sets.stream().flatMap(set -> pods(view, set).stream()).toList());
    }

    /** The servers a Keeper installation declares: the replicas of each of its clusters' shards. */
    static int declaredServers(GenericKubernetesResource chk) {
        int servers = 0;
        for (JsonNode cluster : Installations.spec(chk).path("configuration").path("clusters")) {
            JsonNode layout = cluster.path("layout");
            servers += layout.path("replicasCount").asInt(1)
                    * Math.max(1, layout.path("shardsCount").asInt(1));
        }
        return Math.max(servers, 1);
    }

    private static Ensemble single(Kind kind, StatefulSet set, ClusterView view) {
        return new Ensemble(
                kind,
                Inventory.id(set),
                Optional.ofNullable(set.getSpec().getReplicas()).orElse(1),
                readyReplicas(set),
                List.of(set),
                pods(view, set));
    }

    private static int readyReplicas(StatefulSet set) {
        return set.getStatus() == null
                ? 0
                : Optional.ofNullable(set.getStatus().getReadyReplicas()).orElse(0);
    }

    /** A StatefulSet's pods: NAME-ORDINAL. */
    private static List<Pod> pods(ClusterView view, StatefulSet set) {
        String prefix = set.getMetadata().getName() + "-";
        return view.local(view.inventory().pods()).stream()
                .filter(pod -> pod.getMetadata().getName().startsWith(prefix)
                        && pod.getMetadata()
                                .getName()
                                .substring(prefix.length())
                                .matches("\\d+"))
                .toList();
    }

    /** The smallest number of ready servers that still makes a majority. */
    int quorum() {
        return servers / 2 + 1;
    }

    boolean isKeeper() {
        return kind == Kind.KEEPER;
    }

    /** Members whose pod is not ready: crash-looping, pending, or failing its readiness probe. */
    List<Pod> notReady() {
        return members.stream()
                .filter(pod -> pod.getStatus() == null
                        || Optional.ofNullable(pod.getStatus().getConditions()).orElse(List.of()).stream()
                                .noneMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
                .toList();
    }

    List<String> memberNames() {
        return members.stream().map(pod -> pod.getMetadata().getName()).toList();
    }
}
