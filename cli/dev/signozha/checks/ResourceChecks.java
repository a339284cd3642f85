package dev.signozha.checks;

import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.topology.Profile;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sizes: no pod evicted, OOM-killed or crash-looping; ClickHouse and ZooKeeper with production memory. */
final class ResourceChecks {

    static final int RESTART_LOOP = 5;
    static final BigDecimal MIN_CLICKHOUSE_MEMORY = Quantity.getAmountInBytes(new Quantity("4Gi"));
    static final BigDecimal MIN_ZOOKEEPER_MEMORY = Quantity.getAmountInBytes(new Quantity("512Mi"));

    private ResourceChecks() {
    }

    static List<Check> all() {
        return List.of(
                Check.of(CheckCatalog.POD_EVICTIONS, ResourceChecks::evictions),
                Check.of(CheckCatalog.IMAGE_PULL_FAILED, ResourceChecks::imagePulls),
                Check.of(CheckCatalog.RESOURCE_LIMITS, ResourceChecks::limits));
    }

    private static Outcome evictions(CheckContext context) {
        List<Pod> pods = context.view().local(context.view().inventory().pods());
        List<Finding> findings = new ArrayList<>();
        for (Pod pod : pods) {
            if (pod.getStatus() == null) {
                continue;
            }
            if ("Evicted".equals(pod.getStatus().getReason())) {
                findings.add(Finding.of("evicted: " + Optional.ofNullable(pod.getStatus().getMessage()).orElse(""),
                        Inventory.id(pod)));
            }
            for (ContainerStatus status : Optional.ofNullable(pod.getStatus().getContainerStatuses()).orElse(List.of())) {
                containerTrouble(status).ifPresent(trouble ->
                        findings.add(Finding.of("container " + status.getName() + " " + trouble, Inventory.id(pod))));
            }
        }
        return Outcome.of(findings, pods.size() + " pod(s) without evictions, OOM kills or restart loops");
    }

    /** Waiting reasons the kubelet gives when an image cannot be pulled or named. */
    static final java.util.Set<String> IMAGE_PULL_REASONS = java.util.Set.of("ImagePullBackOff", "ErrImagePull",
            "InvalidImageName", "ErrImageNeverPull");

    /** Whether a container's waiting reason says its image cannot be pulled (a missing reason says nothing). */
    static boolean isImagePullFailure(String reason) {
        return reason != null && IMAGE_PULL_REASONS.contains(reason);
    }

    private static Outcome imagePulls(CheckContext context) {
        List<Pod> pods = context.view().local(context.view().inventory().pods());
        List<Finding> findings = new ArrayList<>();
        for (Pod pod : pods) {
            for (ContainerStatus status : ClusterView.containerStatuses(pod)) {
                if (status.getState() != null && status.getState().getWaiting() != null
                        && isImagePullFailure(status.getState().getWaiting().getReason())) {
                    findings.add(Finding.of("container " + status.getName() + " cannot start: "
                            + status.getState().getWaiting().getReason() + " for " + status.getImage()
                            + Optional.ofNullable(status.getState().getWaiting().getMessage()).map(m -> " (" + m + ")")
                            .orElse(""), Inventory.id(pod)));
                }
            }
        }
        return Outcome.of(findings, pods.size() + " pod(s) without image pull failures");
    }

    private static Optional<String> containerTrouble(ContainerStatus status) {
        boolean oomKilled = status.getLastState() != null && status.getLastState().getTerminated() != null
                && "OOMKilled".equals(status.getLastState().getTerminated().getReason())
                || status.getState() != null && status.getState().getTerminated() != null
                && "OOMKilled".equals(status.getState().getTerminated().getReason());
        int restarts = Optional.ofNullable(status.getRestartCount()).orElse(0);
        boolean looping = status.getState() != null && status.getState().getWaiting() != null
                && "CrashLoopBackOff".equals(status.getState().getWaiting().getReason());
        if (oomKilled) {
            return Optional.of("was OOM-killed (" + restarts + " restarts)");
        }
        if (looping || restarts >= RESTART_LOOP * 2) {
            return Optional.of("is restarting in a loop (" + restarts + " restarts)");
        }
        return Optional.empty();
    }

    private static Outcome limits(CheckContext context) {
        if (context.intended().map(i -> i.profile() == Profile.DEV).orElse(false)) {
            return Outcome.skip("the dev profile does not size ClickHouse or ZooKeeper for production");
        }
        List<Finding> findings = new ArrayList<>();
        for (StatefulSet set : context.view().clickHouseStatefulSets()) {
            sizes(set, "clickhouse-server", MIN_CLICKHOUSE_MEMORY).ifPresent(findings::add);
        }
        for (StatefulSet set : context.view().zooKeeperStatefulSets()) {
            sizes(set, "zookeeper", MIN_ZOOKEEPER_MEMORY).ifPresent(findings::add);
        }
        return Outcome.of(findings, "memory requests and limits at production sizes");
    }

    private static Optional<Finding> sizes(StatefulSet set, String image, BigDecimal minimum) {
        List<String> problems = new ArrayList<>();
        for (Container container : ClusterView.containers(ClusterView.spec(set))) {
            if (container.getImage() == null || !container.getImage().contains(image)) {
                continue;
            }
            Map<String, Quantity> requests = container.getResources() == null ? null : container.getResources().getRequests();
            Map<String, Quantity> limits = container.getResources() == null ? null : container.getResources().getLimits();
            Quantity request = requests == null ? null : requests.get("memory");
            if (request == null) {
                problems.add(container.getName() + " has no memory request");
            } else if (Quantity.getAmountInBytes(request).compareTo(minimum) < 0) {
                problems.add(container.getName() + " requests " + request + " of memory, under the production minimum");
            }
            if (limits == null || limits.get("memory") == null) {
                problems.add(container.getName() + " has no memory limit");
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(Finding.of(String.join("; ", problems), Inventory.id(set)));
    }
}
