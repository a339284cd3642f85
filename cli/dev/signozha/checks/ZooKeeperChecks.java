package dev.signozha.checks;

import dev.signozha.core.inventory.Inventory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ZooKeeper ensemble replication depends on: an odd quorum of at least 3, ready, with room on disk. */
final class ZooKeeperChecks {

    static final BigDecimal MIN_VOLUME = Quantity.getAmountInBytes(new Quantity("10Gi"));

    private ZooKeeperChecks() {
    }

    static List<Check> all() {
        return List.of(
                Check.of(CheckCatalog.ZOOKEEPER_QUORUM, ZooKeeperChecks::quorum),
                Check.of(CheckCatalog.ZOOKEEPER_STORAGE, ZooKeeperChecks::storage));
    }

    private static Outcome quorum(CheckContext context) {
        List<StatefulSet> ensembles = context.view().zooKeeperStatefulSets();
        if (ensembles.isEmpty()) {
            return Outcome.skip("no ZooKeeper StatefulSet in " + context.namespace());
        }
        boolean replicated = context.intended().map(Intended::replicated).orElse(false);
        List<Finding> findings = new ArrayList<>();
        for (StatefulSet ensemble : ensembles) {
            int servers = Optional.ofNullable(ensemble.getSpec().getReplicas()).orElse(1);
            int ready = ensemble.getStatus() == null ? 0 : Optional.ofNullable(ensemble.getStatus().getReadyReplicas()).orElse(0);
            int quorum = servers / 2 + 1;
            List<String> problems = new ArrayList<>();
            if (servers % 2 == 0) {
                problems.add(servers + " servers (even: survives no more failures than " + (servers - 1) + ")");
            }
            if (servers < 3 && replicated) {
                problems.add(servers + " server(s) for replicated ClickHouse: losing one stops all replication");
            }
            if (ready < quorum) {
                problems.add(ready + " of " + servers + " ready, a quorum needs " + quorum);
            }
            if (!problems.isEmpty()) {
                findings.add(Finding.of(String.join("; ", problems), Inventory.id(ensemble)));
            }
        }
        return Outcome.of(findings, "odd ensembles with a ready quorum");
    }

    private static Outcome storage(CheckContext context) {
        List<StatefulSet> ensembles = context.view().zooKeeperStatefulSets();
        if (ensembles.isEmpty()) {
            return Outcome.skip("no ZooKeeper StatefulSet in " + context.namespace());
        }
        List<Finding> findings = new ArrayList<>();
        for (StatefulSet ensemble : ensembles) {
            List<String> problems = new ArrayList<>();
            volumeTemplateSize(ensemble).filter(size -> Quantity.getAmountInBytes(size).compareTo(MIN_VOLUME) < 0)
                    .ifPresent(size -> problems.add("data volumes of " + size + " (under 10Gi)"));
            for (PersistentVolumeClaim claim : claims(context.view(), ensemble)) {
                Quantity size = claimSize(claim);
                if (size != null && Quantity.getAmountInBytes(size).compareTo(MIN_VOLUME) < 0) {
                    problems.add(Inventory.id(claim) + " holds " + size);
                }
            }
            if (!autopurge(ensemble)) {
                problems.add("autopurge is off (ZOO_AUTOPURGE_INTERVAL unset or 0): snapshots and logs grow until the disk is full");
            }
            if (!problems.isEmpty()) {
                findings.add(Finding.of(String.join("; ", problems), Inventory.id(ensemble)));
            }
        }
        return Outcome.of(findings, "volumes of 10Gi or more, autopurge on");
    }

    private static Optional<Quantity> volumeTemplateSize(StatefulSet ensemble) {
        return Optional.ofNullable(ensemble.getSpec().getVolumeClaimTemplates()).orElse(List.of()).stream()
                .map(template -> template.getSpec().getResources().getRequests())
                .filter(requests -> requests != null && requests.get("storage") != null)
                .map(requests -> requests.get("storage")).findFirst();
    }

    /** The PVCs of the ensemble's pods: <template>-<statefulset>-<ordinal>. */
    private static List<PersistentVolumeClaim> claims(ClusterView view, StatefulSet ensemble) {
        String suffix = "-" + ensemble.getMetadata().getName() + "-";
        return view.local(view.inventory().persistentVolumeClaims()).stream()
                .filter(claim -> claim.getMetadata().getName().contains(suffix)).toList();
    }

    private static Quantity claimSize(PersistentVolumeClaim claim) {
        if (claim.getStatus() != null && claim.getStatus().getCapacity() != null
                && claim.getStatus().getCapacity().get("storage") != null) {
            return claim.getStatus().getCapacity().get("storage");
        }
        return claim.getSpec().getResources() == null || claim.getSpec().getResources().getRequests() == null ? null
                : claim.getSpec().getResources().getRequests().get("storage");
    }

    /** Bitnami images read ZOO_AUTOPURGE_INTERVAL, the official image ZOO_AUTOPURGE_PURGEINTERVAL; both default to 0. */
    private static boolean autopurge(StatefulSet ensemble) {
        for (Container container : ClusterView.containers(ClusterView.spec(ensemble))) {
            Map<String, String> env = ClusterView.plainEnv(container);
            String interval = env.getOrDefault("ZOO_AUTOPURGE_INTERVAL", env.get("ZOO_AUTOPURGE_PURGEINTERVAL"));
            if (interval != null && !interval.trim().equals("0")) {
                return true;
            }
        }
        return false;
    }
}
