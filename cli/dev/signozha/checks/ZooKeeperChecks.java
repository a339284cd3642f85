package dev.signozha.checks;

import dev.signozha.core.inventory.Inventory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The coordination ensemble replication depends on, ZooKeeper or ClickHouse Keeper under the same codes: an odd quorum
 * of at least 3, ready, with its data on volumes with room to grow.
 */
final class ZooKeeperChecks {

    static final BigDecimal MIN_VOLUME = Quantity.getAmountInBytes(new Quantity("10Gi"));

    private ZooKeeperChecks() {}

    static List<Check> all() {
        return List.of(
                Check.of(CheckCatalog.ZOOKEEPER_QUORUM, ZooKeeperChecks::quorum),
                Check.of(CheckCatalog.ZOOKEEPER_STORAGE, ZooKeeperChecks::storage));
    }

    private static Outcome quorum(CheckContext context) {
        List<Ensemble> ensembles = Ensemble.all(context.view());
        if (ensembles.isEmpty()) {
            return Outcome.skip("no ZooKeeper or Keeper ensemble in " + context.namespace());
        }
        boolean replicated = context.intended().map(Intended::replicated).orElse(false);
        List<Finding> findings = new ArrayList<>();
        for (Ensemble ensemble : ensembles) {
            int servers = ensemble.servers();
            String noun = ensemble.kind().label() + " server";
            List<String> problems = new ArrayList<>();
            if (servers % 2 == 0) {
                problems.add(servers + " " + noun + "s (even: survives no more failures than " + (servers - 1) + ")");
            }
            if (servers < 3 && replicated) {
                problems.add(servers + " " + noun + "(s) for replicated ClickHouse: losing one stops all replication");
            }
            List<Pod> down = ensemble.notReady();
            if (ensemble.ready() < ensemble.quorum()) {
                problems.add(ensemble.ready() + " of " + servers + " " + noun + "s ready, a quorum needs "
                        + ensemble.quorum() + stopped(down));
            }
            if (!problems.isEmpty()) {
                Finding finding = Finding.of(String.join("; ", problems), ensemble.object())
                        .suspecting(down.stream()
                                .map(pod -> new Finding.Cause(CheckCatalog.POD_EVICTIONS.code(), Inventory.id(pod)))
                                .toList());
                findings.add(ensemble.isKeeper() ? finding.withHint(keeperQuorumHint(ensemble, down)) : finding);
            }
        }
        return Outcome.of(findings, "odd ensembles with a ready quorum");
    }

    private static String stopped(List<Pod> down) {
        return down.isEmpty()
                ? ""
                : " (not ready: "
                        + String.join(
                                ", ",
                                down.stream()
                                        .map(pod -> pod.getMetadata().getName() + waiting(pod))
                                        .toList())
                        + ")";
    }

    private static String waiting(Pod pod) {
        return ClusterView.containerStatuses(pod).stream()
                .filter(status -> status.getState() != null
                        && status.getState().getWaiting() != null
                        && status.getState().getWaiting().getReason() != null)
                .map(status -> " " + status.getState().getWaiting().getReason())
                .findFirst()
                .orElse("");
    }

    private static String keeperQuorumHint(Ensemble ensemble, List<Pod> down) {
        if (ensemble.servers() < 3 || ensemble.servers() % 2 == 0) {
            return "declare an odd number of Keeper servers, 3 or 5 (spec.configuration.clusters[].layout.replicasCount"
                    + " of " + ensemble.object() + "), and bring members back until a majority is ready";
        }
        return down.isEmpty()
                ? "bring Keeper servers back until a majority is ready; ClickHouse replicas are read-only meanwhile"
                : "read why the Keeper servers stop: kubectl logs -n "
                        + down.get(0).getMetadata().getNamespace() + " "
                        + down.get(0).getMetadata().getName()
                        + " -c clickhouse-keeper --previous; bring them back until a majority is ready (replicas are "
                        + "read-only meanwhile) and never delete a member's volume while the others lack a quorum";
    }

    private static Outcome storage(CheckContext context) {
        List<Ensemble> ensembles = Ensemble.all(context.view());
        if (ensembles.isEmpty()) {
            return Outcome.skip("no ZooKeeper or Keeper ensemble in " + context.namespace());
        }
        List<Finding> findings = new ArrayList<>();
        for (Ensemble ensemble : ensembles) {
            List<String> problems = new ArrayList<>();
            for (StatefulSet set : ensemble.statefulSets()) {
                problems.addAll(volumeSizes(context.view(), set));
                problems.addAll(
                        ensemble.isKeeper()
                                ? KeeperStorage.problems(context.view(), set)
                                : ephemeralDirectories(context.view(), set));
            }
            if (!ensemble.isKeeper() && !autopurge(ensemble.statefulSets().get(0))) {
                problems.add(
                        "autopurge is off (ZOO_AUTOPURGE_INTERVAL unset or 0): snapshots and logs grow until the disk is full");
            }
            if (!problems.isEmpty()) {
                Finding finding = Finding.of(String.join("; ", problems), ensemble.object());
                findings.add(ensemble.isKeeper() ? finding.withHint(KeeperStorage.HINT) : finding);
            }
        }
        return Outcome.of(findings, "volumes of 10Gi or more, autopurge on (ZooKeeper)");
    }

    /** Volume templates and claims of the StatefulSet's pods under 10Gi. */
    private static List<String> volumeSizes(ClusterView view, StatefulSet set) {
        List<String> problems = new ArrayList<>();
        volumeTemplateSize(set)
                .filter(size -> Quantity.getAmountInBytes(size).compareTo(MIN_VOLUME) < 0)
                .ifPresent(size -> problems.add("data volumes of " + size + " (under 10Gi)"));
        for (PersistentVolumeClaim claim : claims(view, set)) {
            Quantity size = claimSize(claim);
            if (size != null && Quantity.getAmountInBytes(size).compareTo(MIN_VOLUME) < 0) {
                problems.add(Inventory.id(claim) + " holds " + size);
            }
        }
        return problems;
    }

    private static Optional<Quantity> volumeTemplateSize(StatefulSet ensemble) {
        return Optional.ofNullable(ensemble.getSpec().getVolumeClaimTemplates()).orElse(List.of()).stream()
                .map(template -> template.getSpec().getResources().getRequests())
                .filter(requests -> requests != null && requests.get("storage") != null)
                .map(requests -> requests.get("storage"))
                .findFirst();
    }

    /** The PVCs of the ensemble's pods: <template>-<statefulset>-<ordinal>. */
    private static List<PersistentVolumeClaim> claims(ClusterView view, StatefulSet ensemble) {
        String suffix = "-" + ensemble.getMetadata().getName() + "-";
        return view.local(view.inventory().persistentVolumeClaims()).stream()
                .filter(claim -> claim.getMetadata().getName().contains(suffix))
                .toList();
    }

    private static Quantity claimSize(PersistentVolumeClaim claim) {
        if (claim.getStatus() != null
                && claim.getStatus().getCapacity() != null
                && claim.getStatus().getCapacity().get("storage") != null) {
            return claim.getStatus().getCapacity().get("storage");
        }
        return claim.getSpec().getResources() == null
                        || claim.getSpec().getResources().getRequests() == null
                ? null
                : claim.getSpec().getResources().getRequests().get("storage");
    }

    /** Where ZooKeeper keeps snapshots and its transaction log: the images' variables and zoo.cfg's keys. */
    private static final java.util.regex.Pattern CONFIG_DIR =
            java.util.regex.Pattern.compile("(?m)^\\s*(dataDir|dataLogDir)\\s*=\\s*(\\S+)");

    /**
     * Data or log directories (ZOO_DATA_DIR, ZOO_DATA_LOG_DIR, dataDir and dataLogDir in a mounted zoo.cfg) that
     * live on an emptyDir: a rescheduled member loses its snapshots or its transaction log and must resync.
     */
    private static List<String> ephemeralDirectories(ClusterView view, StatefulSet ensemble) {
        io.fabric8.kubernetes.api.model.PodSpec spec = ClusterView.spec(ensemble);
        Map<String, String> directories = new java.util.LinkedHashMap<>();
        for (Container container : ClusterView.containers(spec)) {
            Map<String, String> env = ClusterView.plainEnv(container);
            List.of("ZOO_DATA_DIR", "ZOO_DATA_LOG_DIR")
                    .forEach(name -> Optional.ofNullable(env.get(name))
                            .filter(dir -> !dir.isBlank())
                            .ifPresent(dir -> directories.put(name, dir)));
        }
        for (io.fabric8.kubernetes.api.model.Volume volume :
                Optional.ofNullable(spec.getVolumes()).orElse(List.of())) {
            if (volume.getConfigMap() == null) {
                continue;
            }
            view.local(view.inventory().configMaps()).stream()
                    .filter(map -> map.getMetadata()
                                    .getName()
                                    .equals(volume.getConfigMap().getName())
                            && map.getData() != null)
                    .flatMap(map -> map.getData().values().stream())
                    .forEach(text -> {
                        java.util.regex.Matcher key = CONFIG_DIR.matcher(text);
                        while (key.find()) {
                            directories.put(key.group(1), key.group(2));
                        }
                    });
        }
        List<String> problems = new ArrayList<>();
        directories.forEach((name, dir) -> emptyDirOf(spec, dir)
                .ifPresent(volume -> problems.add(name + " " + dir + " is on emptyDir volume " + volume
                        + ": a rescheduled member loses it and must resync from the others")));
        return problems;
    }

    /** The emptyDir volume holding {@code directory} in any container, by the longest mount path that contains it. */
    private static Optional<String> emptyDirOf(io.fabric8.kubernetes.api.model.PodSpec spec, String directory) {
        java.util.Set<String> emptyDirs = new java.util.HashSet<>();
        Optional.ofNullable(spec.getVolumes()).orElse(List.of()).stream()
                .filter(v -> v.getEmptyDir() != null)
                .forEach(v -> emptyDirs.add(v.getName()));
        return ClusterView.mountHolding(ClusterView.containers(spec), directory)
                .map(io.fabric8.kubernetes.api.model.VolumeMount::getName)
                .filter(emptyDirs::contains);
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
