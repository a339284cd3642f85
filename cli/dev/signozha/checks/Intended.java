package dev.signozha.checks;

import dev.signozha.core.endpoint.ClickHouseEndpoint;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.topology.ClickHouseMode;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.Profile;
import dev.signozha.core.topology.Topology.Spec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;

/**
 * The topology the cluster should have, which the checks compare it with: from the topology file (-f), or
 * the tool's own state record, or inferred from the ClickHouseInstallation the components point at.
 * {@code zookeeperReplicas} and {@code profile} are null when inferred; {@code user} and {@code passwordSecret}
 * (namespace/name/key) are null when unknown. {@code keeper}: the topology's ensemble is ClickHouse Keeper, or the
 * namespace holds a ClickHouseKeeperInstallation.
 */
public record Intended(
        String origin,
        String namespace,
        String installation,
        String host,
        String cluster,
        int shards,
        int replicas,
        Integer zookeeperReplicas,
        Profile profile,
        String user,
        String passwordSecret,
        boolean keeper) {

    /**
     * As {@link #of(LoadedTopology, String)}; in existing mode the installation is the one in {@code view} the host
     * leads to, whatever its owner named it (the other modes name it after the host).
     */
    public static Intended of(LoadedTopology loaded, String origin, Optional<ClusterView> view) {
        Intended intended = of(loaded, origin);
        if (loaded.spec().clickhouse().mode() != ClickHouseMode.EXISTING) {
            return intended;
        }
        return view.flatMap(cluster -> new InstallationReach(cluster)
                        .reached(new ClickHouseEndpoint("the topology's host", intended.host(), 9000, "native", null)))
                .map(chi -> intended.withInstallation(chi.getMetadata().getName()))
                .orElse(intended);
    }

    private Intended withInstallation(String name) {
        return new Intended(
                origin,
                namespace,
                name,
                host,
                cluster,
                shards,
                replicas,
                zookeeperReplicas,
                profile,
                user,
                passwordSecret,
                keeper);
    }

    public static Intended of(LoadedTopology loaded, String origin) {
        Spec spec = loaded.spec();
        return new Intended(
                origin,
                spec.namespace(),
                new ResourceNames(spec).installation(),
                spec.clickhouse().host(),
                spec.clickhouse().cluster(),
                spec.clickhouse().shards(),
                spec.clickhouse().replicas(),
                spec.zookeeper().replicas(),
                spec.profile(),
                spec.clickhouse().user(),
                spec.namespace() + "/" + spec.clickhouse().passwordSecret().name() + "/"
                        + spec.clickhouse().passwordSecret().key(),
                spec.zookeeper().isKeeper());
    }

    /** From the installation the most endpoints reach, else the only (or first) one in the namespace. */
    public static Optional<Intended> infer(ClusterView view) {
        List<GenericKubernetesResource> installations = view.installations();
        if (installations.isEmpty()) {
            return Optional.empty();
        }
        GenericKubernetesResource chosen =
                new InstallationReach(view).mostUsed().orElse(installations.get(0));
        return Optional.of(new Intended(
                "inferred from " + Inventory.id(chosen),
                view.namespace(),
                chosen.getMetadata().getName(),
                Installations.serviceName(chosen),
                Installations.clusterName(chosen),
                Installations.shards(chosen),
                Installations.replicas(chosen),
                null,
                null,
                Installations.secretUser(chosen).orElse(null),
                Installations.secretAddress(chosen).orElse(null),
                !view.keeperInstallations().isEmpty()));
    }

    public boolean replicated() {
        return replicas > 1;
    }
}
