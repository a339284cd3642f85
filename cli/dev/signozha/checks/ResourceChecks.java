package dev.signozha.checks;

import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.topology.KubeQuantity;
import dev.signozha.core.topology.Profile;
import dev.signozha.core.topology.Sizing;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sizes: no pod evicted, OOM-killed or crash-looping; ClickHouse and ZooKeeper with production memory. */
final class ResourceChecks {

    static final int RESTART_LOOP = 5;

    private ResourceChecks() {}

    static List<Check> all() {
        return List.of(
                Check.of(CheckCatalog.POD_EVICTIONS, ResourceChecks::evictions),
                Check.of(
                        CheckCatalog.NODE_PRESSURE,
                        context -> Outcome.of(
                                new Evidence(context.view()).pressure(),
                                context.view().inventory().nodes().size()
                                        + " node(s) without disk, memory or PID pressure")),
                Check.of(CheckCatalog.IMAGE_PULL_FAILED, ResourceChecks::imagePulls),
                Check.of(CheckCatalog.RESOURCE_LIMITS, ResourceChecks::limits));
    }

    private static Outcome evictions(CheckContext context) {
        List<Pod> pods = context.view().local(context.view().inventory().pods());
        List<Finding> findings = new ArrayList<>();
        java.util.Set<String> evicted = new java.util.HashSet<>();
        for (Pod pod : pods) {
            if (pod.getStatus() == null) {
                continue;
            }
            if ("Evicted".equals(pod.getStatus().getReason())) {
                evicted.add(pod.getMetadata().getName());
                String node = Optional.ofNullable(pod.getSpec().getNodeName()).orElse("");
                List<String> objects = new ArrayList<>(List.of(Inventory.id(pod)));
                List<Finding.Cause> suspects = new ArrayList<>();
                if (!node.isEmpty()) {
                    objects.add("Node/" + node);
                    suspects.add(new Finding.Cause(CheckCatalog.NODE_PRESSURE.code(), "Node/" + node));
                }
                findings.add(new Finding(
                                objects,
                                "evicted" + (node.isEmpty() ? "" : " from node " + node) + ": "
                                        + Evidence.lowOn(pod.getStatus().getMessage()))
                        .suspecting(suspects)
                        .withHint(Evidence.EVICTION_HINT));
            }
            for (ContainerStatus status :
                    Optional.ofNullable(pod.getStatus().getContainerStatuses()).orElse(List.of())) {
                containerTrouble(pod, status).ifPresent(findings::add);
            }
        }
        Evidence evidence = new Evidence(context.view());
        findings.addAll(evidence.evictions(evicted));
        findings.addAll(evidence.kernelOomKills());
        return Outcome.of(findings, pods.size() + " pod(s) without evictions, OOM kills or restart loops");
    }

    /** Waiting reasons the kubelet gives when an image cannot be pulled or named. */
    static final java.util.Set<String> IMAGE_PULL_REASONS =
            java.util.Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull");

    /** Whether a container's waiting reason says its image cannot be pulled (a missing reason says nothing). */
    static boolean isImagePullFailure(String reason) {
        return reason != null && IMAGE_PULL_REASONS.contains(reason);
    }

    private static Outcome imagePulls(CheckContext context) {
        List<Pod> pods = context.view().local(context.view().inventory().pods());
        List<Finding> findings = new ArrayList<>();
        for (Pod pod : pods) {
            for (ContainerStatus status : ClusterView.containerStatuses(pod)) {
                if (status.getState() != null
                        && status.getState().getWaiting() != null
                        && isImagePullFailure(status.getState().getWaiting().getReason())) {
                    findings.add(Finding.of(
                            "container " + status.getName() + " cannot start: "
                                    + status.getState().getWaiting().getReason() + " for " + status.getImage()
                                    + Optional.ofNullable(status.getState()
                                                    .getWaiting()
                                                    .getMessage())
                                            .map(m -> " (" + m + ")")
                                            .orElse(""),
                            Inventory.id(pod)));
                }
            }
        }
        return Outcome.of(findings, pods.size() + " pod(s) without image pull failures");
    }

    /** Storage errors a dying container leaves in its termination message (kernel, ClickHouse, ZooKeeper). */
    private static final java.util.regex.Pattern DISK_FULL = java.util.regex.Pattern.compile(
            "(?i)no space left on device|disk (is )?full|not enough space|NOT_ENOUGH_SPACE");

    /** A container OOM-killed or restarting in a loop, with the hint its evidence calls for. */
    private static Optional<Finding> containerTrouble(Pod pod, ContainerStatus status) {
        ContainerStateTerminated last = terminated(status);
        int restarts = Optional.ofNullable(status.getRestartCount()).orElse(0);
        boolean looping = status.getState() != null
                && status.getState().getWaiting() != null
                && "CrashLoopBackOff".equals(status.getState().getWaiting().getReason());
        String container = "container " + status.getName();
        if (last != null
                && ("OOMKilled".equals(last.getReason()) || Integer.valueOf(137).equals(last.getExitCode()))) {
            return Optional.of(Finding.of(
                            container + " was OOM-killed (exit " + last.getExitCode() + ", " + restarts + " restarts)",
                            Inventory.id(pod))
                    .withHint("raise the memory limit of " + status.getName()
                            + " (and its request) above what it uses; the production profile's sizes are the floor")
                    .suspecting(List.of(new Finding.Cause(CheckCatalog.RESOURCE_LIMITS.code(), Inventory.id(pod)))));
        }
        if (!looping && restarts < RESTART_LOOP * 2) {
            return Optional.empty();
        }
        String message =
                last == null ? "" : Optional.ofNullable(last.getMessage()).orElse("");
        String exit = last == null
                ? ""
                : ", last exit " + last.getExitCode()
                        + Optional.ofNullable(last.getReason())
                                .map(r -> " " + r)
                                .orElse("");
        Finding finding = Finding.of(
                container + " is restarting in a loop (" + restarts + " restarts" + exit + ")", Inventory.id(pod));
        java.util.regex.Matcher full = DISK_FULL.matcher(message);
        if (full.find()) {
            return Optional.of(
                    new Finding(finding.objects(), finding.detail() + "; it stopped on \"" + full.group() + "\"")
                            .withHint("its disk is full: grow " + volumes(pod) + " (or free space; for ZooKeeper turn "
                                    + "autopurge on), then delete the pod so it starts again"));
        }
        return Optional.of(finding.withHint(
                "read why it stopped: kubectl logs -n " + pod.getMetadata().getNamespace() + " "
                        + pod.getMetadata().getName() + " -c " + status.getName() + " --previous"));
    }

    /** The pod's claims by name, or its emptyDir when it has none. */
    private static String volumes(Pod pod) {
        List<String> claims = Optional.ofNullable(pod.getSpec().getVolumes()).orElse(List.of()).stream()
                .filter(volume -> volume.getPersistentVolumeClaim() != null)
                .map(volume -> "PersistentVolumeClaim "
                        + volume.getPersistentVolumeClaim().getClaimName())
                .toList();
        return claims.isEmpty() ? "the volume it writes to" : String.join(", ", claims);
    }

    /** The container's last termination: its current state when terminated, else its last state. */
    private static ContainerStateTerminated terminated(ContainerStatus status) {
        if (status.getState() != null && status.getState().getTerminated() != null) {
            return status.getState().getTerminated();
        }
        return status.getLastState() == null ? null : status.getLastState().getTerminated();
    }

    /**
     * ClickHouse and ZooKeeper sized as the intended profile renders them (production when unknown), and neither
     * OOM-killed: a kill is an error whatever the size, since the size did not hold.
     */
    private static Outcome limits(CheckContext context) {
        ClusterView view = context.view();
        List<Finding> findings = new ArrayList<>(oomKilled(view));
        Profile profile =
                context.intended().map(Intended::profile).filter(p -> p != null).orElse(Profile.PRODUCTION);
        if (profile == Profile.DEV) {
            return findings.isEmpty()
                    ? Outcome.skip("the dev profile does not size ClickHouse or ZooKeeper for production")
                    : Outcome.of(findings, "");
        }
        Sizing sizing = Sizing.of(profile);
        for (StatefulSet set : view.clickHouseStatefulSets()) {
            sizes(set, "clickhouse-server", sizing.clickhouseRequest(), sizing.clickhouseLimit(), profile)
                    .ifPresent(findings::add);
        }
        for (StatefulSet set : view.zooKeeperStatefulSets()) {
            sizes(set, "zookeeper", sizing.zookeeperRequest(), sizing.zookeeperLimit(), profile)
                    .ifPresent(findings::add);
        }
        // Keeper is sized from the same row of the table as ZooKeeper: the coordination service's.
        for (StatefulSet set : view.keeperStatefulSets()) {
            sizes(set, "clickhouse-keeper", sizing.zookeeperRequest(), sizing.zookeeperLimit(), profile)
                    .ifPresent(findings::add);
        }
        return Outcome.of(findings, "memory requests and limits at the " + profile.id() + " profile's sizes");
    }

    /** ClickHouse and ZooKeeper containers whose last run ended in an OOM kill (reason OOMKilled or exit 137). */
    private static List<Finding> oomKilled(ClusterView view) {
        List<Finding> findings = new ArrayList<>();
        List<Pod> pods = new ArrayList<>(view.clickHousePods());
        view.local(view.inventory().pods()).stream()
                .filter(pod -> ClusterView.runs(pod.getSpec(), "zookeeper")
                        || ClusterView.runs(pod.getSpec(), "clickhouse-keeper"))
                .forEach(pods::add);
        for (Pod pod : pods) {
            for (ContainerStatus status : ClusterView.containerStatuses(pod)) {
                ContainerStateTerminated last = terminated(status);
                if (last != null
                        && ("OOMKilled".equals(last.getReason())
                                || Integer.valueOf(137).equals(last.getExitCode()))) {
                    findings.add(
                            Finding.of(
                                            "container " + status.getName() + " was OOM-killed at a memory limit of "
                                                    + limit(pod, status.getName())
                                                    + ": whatever the profile, that limit is below what it uses",
                                            Inventory.id(pod))
                                    .withHint(
                                            "raise the memory request and limit of " + status.getName()
                                                    + " in the topology (requests = limits for ClickHouse) and roll it out with signoz-ha deploy"));
                }
            }
        }
        return findings;
    }

    private static String limit(Pod pod, String container) {
        return ClusterView.containers(pod.getSpec()).stream()
                .filter(c -> container.equals(c.getName()))
                .map(c -> c.getResources() == null || c.getResources().getLimits() == null
                        ? null
                        : c.getResources().getLimits().get("memory"))
                .filter(q -> q != null)
                .map(Quantity::toString)
                .findFirst()
                .orElse("none");
    }

    private static Optional<Finding> sizes(
            StatefulSet set, String image, KubeQuantity request, KubeQuantity limit, Profile profile) {
        List<String> problems = new ArrayList<>();
        for (Container container : ClusterView.containers(ClusterView.spec(set))) {
            if (container.getImage() == null || !container.getImage().contains(image)) {
                continue;
            }
            Map<String, Quantity> requests = container.getResources() == null
                    ? null
                    : container.getResources().getRequests();
            Map<String, Quantity> limits = container.getResources() == null
                    ? null
                    : container.getResources().getLimits();
            Quantity requested = requests == null ? null : requests.get("memory");
            Quantity limited = limits == null ? null : limits.get("memory");
            if (requested == null) {
                problems.add(container.getName() + " has no memory request");
            } else if (request != null && Quantity.getAmountInBytes(requested).compareTo(request.amount()) < 0) {
                problems.add(container.getName() + " requests " + requested + " of memory, under the " + profile.id()
                        + " profile's " + request.text());
            }
            if (limited == null) {
                problems.add(container.getName() + " has no memory limit");
            } else if (limit != null && Quantity.getAmountInBytes(limited).compareTo(limit.amount()) < 0) {
                problems.add(container.getName() + " is limited to " + limited + " of memory, under the " + profile.id()
                        + " profile's " + limit.text());
            }
        }
        return problems.isEmpty()
                ? Optional.empty()
                : Optional.of(Finding.of(String.join("; ", problems), Inventory.id(set)));
    }
}
