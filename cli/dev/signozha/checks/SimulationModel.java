package dev.signozha.checks;

import dev.signozha.core.schedule.LabelRequirement;
import dev.signozha.core.schedule.LabelSelector;
import dev.signozha.core.schedule.NodeSelectorTerm;
import dev.signozha.core.schedule.PodAffinityTerm;
import dev.signozha.core.schedule.SimNode;
import dev.signozha.core.schedule.SimPod;
import dev.signozha.core.schedule.Taint;
import dev.signozha.core.schedule.Toleration;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Observed Nodes and Pods in the scheduling simulation's terms. */
final class SimulationModel {

    private static final long DEFAULT_PODS = 110;

    private SimulationModel() {}

    static SimNode node(Node node) {
        Map<String, Quantity> allocatable =
                node.getStatus() == null || node.getStatus().getAllocatable() == null
                        ? Map.of()
                        : node.getStatus().getAllocatable();
        SimNode simulated = SimNode.of(
                node.getMetadata().getName(),
                Optional.ofNullable(node.getMetadata().getLabels()).orElse(Map.of()),
                millis(allocatable.get("cpu")),
                bytes(allocatable.get("memory")),
                (int) (long) Optional.ofNullable(allocatable.get("pods"))
                        .map(SimulationModel::bytes)
                        .orElse(DEFAULT_PODS));
        if (node.getSpec() != null && node.getSpec().getTaints() != null) {
            simulated = simulated.withTaints(node.getSpec().getTaints().stream()
                    .map(t -> new Taint(
                            t.getKey(), Optional.ofNullable(t.getValue()).orElse(""), effect(t.getEffect())))
                    .toArray(Taint[]::new));
        }
        return node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())
                ? simulated.cordoned()
                : simulated;
    }

    static SimPod pod(Pod pod) {
        PodSpec spec = pod.getSpec();
        Map<String, String> labels =
                Optional.ofNullable(pod.getMetadata().getLabels()).orElse(Map.of());
        SimPod simulated = SimPod.of(
                        pod.getMetadata().getName(),
                        labels.getOrDefault("app.kubernetes.io/component", "pod"),
                        labels,
                        request(spec, "cpu", true),
                        request(spec, "memory", false))
                .inNamespace(
                        Optional.ofNullable(pod.getMetadata().getNamespace()).orElse(SimPod.DEFAULT_NAMESPACE));
        if (spec == null) {
            return simulated;
        }
        simulated = withConstraints(simulated, spec);
        return spec.getNodeName() == null ? simulated : simulated.boundTo(spec.getNodeName());
    }

    private static SimPod withConstraints(SimPod pod, PodSpec spec) {
        SimPod constrained = pod;
        if (spec.getTolerations() != null) {
            constrained = constrained.withTolerations(spec.getTolerations().stream()
                    .map(t -> new Toleration(
                            t.getKey() == null ? "" : t.getKey(),
                            "Exists".equals(t.getOperator()) ? Toleration.Operator.EXISTS : Toleration.Operator.EQUAL,
                            t.getValue(),
                            t.getEffect() == null || t.getEffect().isEmpty() ? null : effect(t.getEffect())))
                    .toArray(Toleration[]::new));
        }
        if (spec.getNodeSelector() != null) {
            constrained = constrained.withNodeSelector(spec.getNodeSelector());
        }
        if (spec.getAffinity() == null) {
            return constrained;
        }
        var affinity = spec.getAffinity();
        if (affinity.getNodeAffinity() != null
                && affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
            constrained =
                    constrained.withNodeAffinity(affinity
                            .getNodeAffinity()
                            .getRequiredDuringSchedulingIgnoredDuringExecution()
                            .getNodeSelectorTerms()
                            .stream()
                            .map(term -> new NodeSelectorTerm(
                                    Optional.ofNullable(term.getMatchExpressions()).orElse(List.of()).stream()
                                            .map(SimulationModel::requirement)
                                            .toList()))
                            .toArray(NodeSelectorTerm[]::new));
        }
        if (affinity.getPodAffinity() != null) {
            constrained = constrained.withAffinity(
                    terms(affinity.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()));
        }
        if (affinity.getPodAntiAffinity() != null) {
            constrained = constrained.withAntiAffinity(
                    terms(affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()));
        }
        return constrained;
    }

    private static PodAffinityTerm[] terms(List<io.fabric8.kubernetes.api.model.PodAffinityTerm> terms) {
        return Optional.ofNullable(terms).orElse(List.of()).stream()
                .map(term -> new PodAffinityTerm(
                        term.getTopologyKey(),
                        new LabelSelector(
                                term.getLabelSelector() == null
                                                || term.getLabelSelector().getMatchLabels() == null
                                        ? Map.of()
                                        : term.getLabelSelector().getMatchLabels(),
                                term.getLabelSelector() == null
                                                || term.getLabelSelector().getMatchExpressions() == null
                                        ? List.of()
                                        : term.getLabelSelector().getMatchExpressions().stream()
                                                .map(e -> new LabelRequirement(
                                                        e.getKey(),
                                                        operator(e.getOperator()),
                                                        Optional.ofNullable(e.getValues())
                                                                .orElse(List.of())))
                                                .toList())))
                .toArray(PodAffinityTerm[]::new);
    }

    private static LabelRequirement requirement(NodeSelectorRequirement expression) {
        return new LabelRequirement(
                expression.getKey(),
                operator(expression.getOperator()),
                Optional.ofNullable(expression.getValues()).orElse(List.of()));
    }

    /** In, NotIn, Exists, DoesNotExist, Gt, Lt as Kubernetes spells them. */
    private static LabelRequirement.Operator operator(String name) {
        return switch (name) {
            case "NotIn" -> LabelRequirement.Operator.NOT_IN;
            case "Exists" -> LabelRequirement.Operator.EXISTS;
            case "DoesNotExist" -> LabelRequirement.Operator.DOES_NOT_EXIST;
            case "Gt" -> LabelRequirement.Operator.GT;
            case "Lt" -> LabelRequirement.Operator.LT;
            default -> LabelRequirement.Operator.IN;
        };
    }

    /** NoSchedule, PreferNoSchedule, NoExecute. */
    private static Taint.Effect effect(String name) {
        return Taint.Effect.valueOf(name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }

    /** What the scheduler counts: the containers' sum, or the largest init container when that is more. */
    private static long request(PodSpec spec, String resource, boolean cpu) {
        if (spec == null) {
            return 0;
        }
        long containers = 0;
        for (Container container : Optional.ofNullable(spec.getContainers()).orElse(List.of())) {
            containers += amount(container, resource, cpu);
        }
        long init = 0;
        for (Container container : Optional.ofNullable(spec.getInitContainers()).orElse(List.of())) {
            init = Math.max(init, amount(container, resource, cpu));
        }
        return Math.max(containers, init);
    }

    private static long amount(Container container, String resource, boolean cpu) {
        Map<String, Quantity> requests = container.getResources() == null
                ? null
                : container.getResources().getRequests();
        Quantity quantity = requests == null ? null : requests.get(resource);
        return cpu ? millis(quantity) : bytes(quantity);
    }

    private static long millis(Quantity quantity) {
        return quantity == null
                ? 0
                : Quantity.getAmountInBytes(quantity)
                        .multiply(BigDecimal.valueOf(1000))
                        .longValue();
    }

    private static long bytes(Quantity quantity) {
        return quantity == null ? 0 : Quantity.getAmountInBytes(quantity).longValue();
    }

    /** Pods bound to a node, as the simulation's existing pods. */
    static List<SimPod> bound(List<Pod> pods) {
        List<SimPod> bound = new ArrayList<>();
        for (Pod pod : pods) {
            if (pod.getSpec() != null && pod.getSpec().getNodeName() != null && !finished(pod)) {
                bound.add(pod(pod));
            }
        }
        return bound;
    }

    private static boolean finished(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }
}
