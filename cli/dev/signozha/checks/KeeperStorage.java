package dev.signozha.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a Keeper server keeps its Raft log and snapshots, and whether that survives the pod: a directory on an
 * emptyDir, or on no volume at all (the container's own filesystem), is lost when the pod goes, and the server must
 * resync from the others; with two such losses the quorum and its data are gone.
 */
final class KeeperStorage {

    static final String HINT = "give every Keeper server a PersistentVolumeClaim of 10Gi or more holding "
            + "/var/lib/clickhouse-keeper (a dataVolumeClaimTemplate in the ClickHouseKeeperInstallation's defaults), "
            + "replacing one server at a time while the others keep the quorum";

    /** clickhouse-operator's defaults (config/chk/keeper_config.d), which the installation's settings override. */
    private static final String STORAGE_PATH = "/var/lib/clickhouse-keeper";

    private static final String SETTINGS_PREFIX = "keeper_server/";

    private KeeperStorage() {}

    /** The problems of one Keeper StatefulSet's directories, one per volume holding some of them. */
    static List<String> problems(ClusterView view, StatefulSet set) {
        PodSpec spec = ClusterView.spec(set);
        List<String> persistent = persistentVolumes(set, spec);
        Map<String, List<String>> byHolder = new LinkedHashMap<>();
        directories(view, set).forEach((setting, directory) -> {
            Optional<VolumeMount> mount = holder(spec, directory);
            String holder = mount.isEmpty()
                    ? "on no volume (the container's own filesystem)"
                    : persistent.contains(mount.get().getName()) ? null : ephemeral(spec, mount.get());
            if (holder != null) {
                byHolder.computeIfAbsent(holder, h -> new ArrayList<>()).add(setting + " " + directory);
            }
        });
        List<String> problems = new ArrayList<>();
        byHolder.forEach((holder, directories) -> problems.add(String.join(", ", directories)
                + (directories.size() == 1 ? " is " : " are ") + holder
                + ": a restarted or rescheduled Keeper server loses its Raft log and snapshots"));
        return problems;
    }

    /** storage_path, log_storage_path and snapshot_storage_path, from the installation's settings or the defaults. */
    private static Map<String, String> directories(ClusterView view, StatefulSet set) {
        String installation = ClusterView.label(set, Ensemble.KEEPER_LABEL);
        JsonNode settings = view.keeperInstallations().stream()
                .filter(chk -> chk.getMetadata().getName().equals(installation))
                .findFirst()
                .map(chk -> Installations.spec(chk).path("configuration").path("settings"))
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        String storage = settings.path(SETTINGS_PREFIX + "storage_path").asText(STORAGE_PATH);
        Map<String, String> directories = new LinkedHashMap<>();
        directories.put("storage_path", storage);
        directories.put(
                "log_storage_path",
                settings.path(SETTINGS_PREFIX + "log_storage_path").asText(storage + "/coordination/logs"));
        directories.put(
                "snapshot_storage_path",
                settings.path(SETTINGS_PREFIX + "snapshot_storage_path").asText(storage + "/coordination/snapshots"));
        return directories;
    }

    /** Volumes that outlive the pod: the StatefulSet's claim templates and claims named in the pod spec. */
    private static List<String> persistentVolumes(StatefulSet set, PodSpec spec) {
        List<String> names = new ArrayList<>();
        Optional.ofNullable(set.getSpec().getVolumeClaimTemplates()).orElse(List.of()).stream()
                .map(PersistentVolumeClaim::getMetadata)
                .forEach(metadata -> names.add(metadata.getName()));
        Optional.ofNullable(spec.getVolumes()).orElse(List.of()).stream()
                .filter(volume -> volume.getPersistentVolumeClaim() != null)
                .forEach(volume -> names.add(volume.getName()));
        return names;
    }

    private static String ephemeral(PodSpec spec, VolumeMount mount) {
        boolean emptyDir = Optional.ofNullable(spec.getVolumes()).orElse(List.of()).stream()
                .filter(volume -> volume.getName().equals(mount.getName()))
                .map(Volume::getEmptyDir)
                .anyMatch(java.util.Objects::nonNull);
        return emptyDir ? "on emptyDir volume " + mount.getName() : null;
    }

    /** The mount of the Keeper container (of any container when none is named so) holding {@code directory}. */
    private static Optional<VolumeMount> holder(PodSpec spec, String directory) {
        List<Container> containers = ClusterView.containers(spec);
        List<Container> keeper = containers.stream()
                .filter(c -> c.getImage() != null && c.getImage().contains("clickhouse-keeper")
                        || "clickhouse-keeper".equals(c.getName()))
                .toList();
        return ClusterView.mountHolding(keeper.isEmpty() ? containers : keeper, directory);
    }
}
