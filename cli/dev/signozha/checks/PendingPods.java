package dev.signozha.checks;

import dev.signozha.checks.Finding.Cause;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.schedule.PodAffinityTerm;
import dev.signozha.core.schedule.SchedulingReason;
import dev.signozha.core.schedule.SchedulingReason.Kind;
import dev.signozha.core.schedule.SimPod;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each Pending pod under the code its scheduler reasons call for: pod anti-affinity under
 * ANTI_AFFINITY_UNSCHEDULABLE (naming the pods that block it), CPU, memory or pod count under
 * INSUFFICIENT_CAPACITY, and taints, node selectors, volume zones, unbound claims and cordons under
 * POD_UNSCHEDULABLE, each with the hint that fits. The reasons that cover the most nodes decide.
 */
final class PendingPods {

    static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";

    private final ClusterView view;

    private PendingPods(ClusterView view) {
        this.view = view;
    }

    /** The findings for one of the three codes. */
    static Outcome judge(CheckContext context, CheckSpec code, String what) {
        PendingPods pending = new PendingPods(context.view());
        List<Finding> findings = new ArrayList<>();
        Map<Pod, String> messages = SchedulingChecks.explained(context.view());
        messages.forEach((pod, message) -> {
            List<SchedulingReason> reasons = SchedulingReason.parse(message.replaceFirst("^Pending[^:]*: ", ""));
            if (code(reasons).equals(code)) {
                findings.add(pending.finding(pod, message, reasons, code));
            }
        });
        return Outcome.of(findings, "no pod Pending for " + what);
    }

    /** The code whose reasons cover the most nodes; on a tie anti-affinity, then capacity, then placement. */
    static CheckSpec code(List<SchedulingReason> reasons) {
        int antiAffinity = nodes(reasons, Set.of(Kind.ANTI_AFFINITY));
        int capacity = nodes(reasons, Set.of(Kind.INSUFFICIENT));
        int placement = reasons.stream().mapToInt(SchedulingReason::nodes).sum() - antiAffinity - capacity;
        if (antiAffinity > 0 && antiAffinity >= capacity && antiAffinity >= placement) {
            return CheckCatalog.ANTI_AFFINITY_UNSCHEDULABLE;
        }
        return capacity > 0 && capacity >= placement
                ? CheckCatalog.INSUFFICIENT_CAPACITY
                : CheckCatalog.POD_UNSCHEDULABLE;
    }

    private static int nodes(List<SchedulingReason> reasons, Set<Kind> kinds) {
        return reasons.stream()
                .filter(r -> kinds.contains(r.kind()))
                .mapToInt(SchedulingReason::nodes)
                .sum();
    }

    private Finding finding(Pod pod, String message, List<SchedulingReason> reasons, CheckSpec code) {
        if (code == CheckCatalog.ANTI_AFFINITY_UNSCHEDULABLE) {
            return blocked(pod, message);
        }
        if (code == CheckCatalog.INSUFFICIENT_CAPACITY) {
            return Finding.of(message, Inventory.id(pod));
        }
        List<String> explanations = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        Set<Cause> suspects = new LinkedHashSet<>();
        for (SchedulingReason reason : reasons) {
            explain(pod, reason, explanations, hints, suspects);
        }
        String detail = message + (explanations.isEmpty() ? "" : " (" + String.join("; ", explanations) + ")");
        return Finding.of(detail, Inventory.id(pod))
                .withHint(String.join("; ", hints))
                .suspecting(List.copyOf(suspects));
    }

    /** The anti-affinity finding: which bound pods, of which installation, hold the domains the pod may not share. */
    private Finding blocked(Pod pod, String message) {
        SimPod pending = SimulationModel.pod(pod);
        List<String> blockers = new ArrayList<>();
        Set<Cause> suspects = new LinkedHashSet<>();
        for (Pod other : view.local(view.inventory().pods())) {
            if (other.getSpec() == null
                    || other.getSpec().getNodeName() == null
                    || !repels(pending, SimulationModel.pod(other))) {
                continue;
            }
            String installation = ClusterView.label(other, ResourceNames.INSTALLATION_LABEL);
            blockers.add(
                    other.getMetadata().getName() + " on " + other.getSpec().getNodeName()
                            + (installation == null ? "" : " (installation " + installation + ")"));
            if (installation != null) {
                suspects.add(new Cause(
                        CheckCatalog.DUPLICATE_CLICKHOUSE.code(),
                        "ClickHouseInstallation/" + other.getMetadata().getNamespace() + "/" + installation));
            }
        }
        String detail = blockers.isEmpty() ? message : message + " (blocked by " + String.join(", ", blockers) + ")";
        return Finding.of(detail, Inventory.id(pod)).suspecting(List.copyOf(suspects));
    }

    /** Whether either pod's required anti-affinity selects the other (the scheduler checks both ways). */
    private static boolean repels(SimPod pending, SimPod bound) {
        return pending.namespace().equals(bound.namespace())
                && (selects(pending.constraints().podAntiAffinity(), bound)
                        || selects(bound.constraints().podAntiAffinity(), pending));
    }

    private static boolean selects(List<PodAffinityTerm> terms, SimPod pod) {
        return terms.stream().anyMatch(term -> term.selector().matches(pod.labels()));
    }

    private void explain(
            Pod pod, SchedulingReason reason, List<String> explanations, List<String> hints, Set<Cause> suspects) {
        switch (reason.kind()) {
            case TAINT -> {
                List<Node> tainted = nodesWithTaint(reason.taintKey());
                if (Evidence.PRESSURE_TAINTS.containsValue(reason.taintKey())) {
                    tainted.forEach(
                            node -> suspects.add(new Cause(CheckCatalog.NODE_PRESSURE.code(), Inventory.id(node))));
                }
                explanations.add("taint " + reason.detail() + " on " + names(tainted));
                hints.add(taintHint(reason));
            }
            case NODE_SELECTOR -> {
                explanations.add("no node matches " + selector(pod));
                hints.add("label nodes to match " + selector(pod)
                        + ", or change the selector in the topology and roll it out");
            }
            case VOLUME_ZONE -> {
                String zones = volumeZones(pod);
                explanations.add("its volume is pinned to " + zones);
                hints.add("add or free a node in " + zones + " that the pod may use (its volume cannot move); "
                        + "StorageClasses with volumeBindingMode WaitForFirstConsumer avoid this for new volumes");
            }
            case VOLUME_BINDING -> {
                explanations.add("a PersistentVolumeClaim of the pod is not bound");
                hints.add("kubectl describe pvc -n " + pod.getMetadata().getNamespace()
                        + ": fix the StorageClass or its provisioner so the claim binds");
            }
            case UNSCHEDULABLE -> {
                List<Node> cordoned = view.inventory().nodes().stream()
                        .filter(node -> node.getSpec() != null
                                && Boolean.TRUE.equals(node.getSpec().getUnschedulable()))
                        .toList();
                explanations.add("cordoned: " + names(cordoned));
                hints.add("uncordon the nodes once their maintenance is over (kubectl uncordon "
                        + String.join(
                                " ",
                                cordoned.stream()
                                        .map(n -> n.getMetadata().getName())
                                        .toList()) + ")");
            }
            case POD_AFFINITY -> hints.add("start the pods this pod must run beside, or relax its pod affinity");
            default -> {
                // ANTI_AFFINITY and INSUFFICIENT, minor reasons here, are in the scheduler's message already.
            }
        }
    }

    private static String taintHint(SchedulingReason reason) {
        String key = reason.taintKey();
        if (key.equals("node.kubernetes.io/disk-pressure") || key.equals("node.kubernetes.io/memory-pressure")) {
            return "the kubelet set " + reason.detail() + " while the node is under pressure: free "
                    + (key.contains("disk") ? "disk (images, logs, emptyDir)" : "memory")
                    + " on it (see NODE_PRESSURE)";
        }
        if (key.startsWith("node.kubernetes.io/")) {
            return "the node is " + key.substring("node.kubernetes.io/".length()) + ": bring it back or add a node";
        }
        return key.isEmpty()
                ? "add tolerations for the nodes' taints to the pod, or untaint nodes meant for it"
                : "add a toleration for " + reason.detail() + " to the pod (tolerations in the topology), or remove "
                        + "the taint from nodes meant for it";
    }

    private List<Node> nodesWithTaint(String key) {
        return view.inventory().nodes().stream()
                .filter(node -> node.getSpec() != null
                        && node.getSpec().getTaints() != null
                        && node.getSpec().getTaints().stream().anyMatch(t -> key.isEmpty() || key.equals(t.getKey())))
                .toList();
    }

    /** The zones (and nodes) the pod's claims were provisioned for, from the claims' selected-node annotation. */
    private String volumeZones(Pod pod) {
        Set<String> zones = new LinkedHashSet<>();
        for (PersistentVolumeClaim claim : claims(pod)) {
            String node = Optional.ofNullable(claim.getMetadata().getAnnotations())
                    .map(a -> a.get(SELECTED_NODE))
                    .orElse(null);
            if (node != null) {
                String zone = view.inventory().nodes().stream()
                        .filter(n -> n.getMetadata().getName().equals(node))
                        .map(n -> ClusterView.label(n, ZONE_LABEL))
                        .filter(z -> z != null)
                        .findFirst()
                        .orElse(null);
                zones.add(zone == null ? "node " + node : "zone " + zone + " (where node " + node + " is)");
            }
        }
        return zones.isEmpty() ? "a zone where no node takes it" : String.join(", ", zones);
    }

    private List<PersistentVolumeClaim> claims(Pod pod) {
        Set<String> names = new LinkedHashSet<>();
        Optional.ofNullable(pod.getSpec().getVolumes()).orElse(List.of()).stream()
                .filter(volume -> volume.getPersistentVolumeClaim() != null)
                .forEach(volume -> names.add(volume.getPersistentVolumeClaim().getClaimName()));
        return view.local(view.inventory().persistentVolumeClaims()).stream()
                .filter(claim -> names.contains(claim.getMetadata().getName())
                        && pod.getMetadata()
                                .getNamespace()
                                .equals(claim.getMetadata().getNamespace()))
                .sorted(Comparator.comparing(claim -> claim.getMetadata().getName()))
                .toList();
    }

    /** The pod's nodeSelector and required node affinity, as a person writes them. */
    private static String selector(Pod pod) {
        List<String> parts = new ArrayList<>();
        Optional.ofNullable(pod.getSpec().getNodeSelector())
                .orElse(Map.of())
                .forEach((key, value) -> parts.add(key + "=" + value));
        Optional.ofNullable(pod.getSpec().getAffinity())
                .map(a -> a.getNodeAffinity())
                .map(a -> a.getRequiredDuringSchedulingIgnoredDuringExecution())
                .ifPresent(required -> required.getNodeSelectorTerms()
                        .forEach(term -> Optional.ofNullable(term.getMatchExpressions())
                                .orElse(List.of())
                                .forEach(e -> parts.add(e.getKey() + " " + e.getOperator()
                                        + (e.getValues() == null
                                                        || e.getValues().isEmpty()
                                                ? ""
                                                : " " + e.getValues())))));
        return parts.isEmpty() ? "its node affinity" : "nodeSelector/affinity " + String.join(", ", parts);
    }

    private static String names(List<Node> nodes) {
        return nodes.isEmpty()
                ? "no node seen now"
                : String.join(
                        ", ", nodes.stream().map(n -> n.getMetadata().getName()).toList());
    }
}
