package dev.signozha.checks;

import dev.signozha.core.inventory.Inventory;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the kubelet and the kernel left behind after a pod was evicted or killed: a StatefulSet replaces an
 * evicted pod within seconds, so the pod object says nothing; the Events ({@code Evicted}, the node's
 * {@code OOMKilling}, the StatefulSet's {@code RecreatingFailedPod} and {@code SuccessfulDelete}) and the
 * node's pressure conditions and taints do.
 */
final class Evidence {

    /** The kubelet's eviction message: "The node was low on resource: ephemeral-storage. Threshold quantity: ...". */
    private static final Pattern LOW_ON = Pattern.compile("low on resource: ([\\w.-]+)\\.(?:\\s*Threshold quantity: "
            + "([^,]+), available: ([^.]+(?:\\.\\d+[^.\\s]*)?))?");
    /** node-problem-detector's kernel monitor: "Memory cgroup out of memory: Killed process 4127 (clickhouse-serv)". */
    private static final Pattern KILLED = Pattern.compile("Killed process (\\d+) \\(([^)]+)\\)");

    static final Map<String, String> PRESSURE_TAINTS = Map.of(
            "DiskPressure",
            "node.kubernetes.io/disk-pressure",
            "MemoryPressure",
            "node.kubernetes.io/memory-pressure",
            "PIDPressure",
            "node.kubernetes.io/pid-pressure");

    /** What to do about an eviction, whatever the resource. */
    static final String EVICTION_HINT = "free the node (NODE_PRESSURE) and give the container requests for what it "
            + "uses: the kubelet evicts the pods furthest above their requests first";

    private final ClusterView view;

    Evidence(ClusterView view) {
        this.view = view;
    }

    /**
     * Evictions the namespace's Events recorded (except of the pods in {@code alreadyReported}, whose evicted
     * object is still there), each naming the node, the resource and who replaced the pod.
     */
    List<Finding> evictions(Set<String> alreadyReported) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Event> latest = new LinkedHashMap<>();
        view.local(view.inventory().events()).stream()
                .filter(event -> "Evicted".equals(event.getReason())
                        && involves(event, "Pod")
                        && !alreadyReported.contains(event.getInvolvedObject().getName()))
                .forEach(event -> latest.put(event.getInvolvedObject().getName(), event));
        latest.forEach((pod, event) -> {
            String node = node(event);
            List<String> objects = new ArrayList<>(List.of("Pod/" + view.namespace() + "/" + pod));
            if (!node.isEmpty()) {
                objects.add("Node/" + node);
            }
            findings.add(new Finding(
                            objects,
                            "evicted" + (node.isEmpty() ? "" : " from node " + node) + ": " + lowOn(event.getMessage())
                                    + times(event) + replacement(pod))
                    .suspecting(
                            node.isEmpty()
                                    ? List.of()
                                    : List.of(new Finding.Cause(CheckCatalog.NODE_PRESSURE.code(), "Node/" + node)))
                    .withHint(EVICTION_HINT));
        });
        return findings;
    }

    /** The kernel's OOM kills on the nodes the release's pods run on, from the node's OOMKilling events. */
    List<Finding> kernelOomKills() {
        Map<String, List<Pod>> podsByNode = new LinkedHashMap<>();
        view.local(view.inventory().pods()).stream()
                .filter(p -> p.getSpec() != null && p.getSpec().getNodeName() != null)
                .forEach(p -> podsByNode
                        .computeIfAbsent(p.getSpec().getNodeName(), n -> new ArrayList<>())
                        .add(p));
        List<Finding> findings = new ArrayList<>();
        for (Event event : view.inventory().events()) {
            if (!"OOMKilling".equals(event.getReason())
                    || !involves(event, "Node")
                    || !podsByNode.containsKey(event.getInvolvedObject().getName())) {
                continue;
            }
            String node = event.getInvolvedObject().getName();
            Matcher killed =
                    KILLED.matcher(Optional.ofNullable(event.getMessage()).orElse(""));
            String name = killed.find() ? killed.group(2) : null;
            String process = name == null ? "a process" : name + " (pid " + killed.group(1) + ")";
            List<String> objects = new ArrayList<>(List.of("Node/" + node));
            podsByNode.get(node).stream()
                    .filter(pod -> name == null || runs(pod, name))
                    .forEach(pod -> objects.add(Inventory.id(pod)));
            findings.add(new Finding(
                            objects,
                            "the kernel on node " + node + " killed " + process
                                    + " for memory (OOMKilling: "
                                    + Optional.ofNullable(event.getMessage())
                                            .orElse("")
                                            .split(",")[0] + ")"
                                    + times(event))
                    .withHint("the node ran out of memory: give the pods there memory requests near what "
                            + "they use (RESOURCE_LIMITS) so the scheduler stops overcommitting it"));
        }
        return findings;
    }

    /** Nodes reporting disk, memory or PID pressure, with the taint the kubelet set and the pods of the release there. */
    List<Finding> pressure() {
        List<Finding> findings = new ArrayList<>();
        for (Node node : view.inventory().nodes()) {
            List<String> problems = new ArrayList<>();
            for (NodeCondition condition : Optional.ofNullable(node.getStatus())
                    .map(s -> s.getConditions())
                    .orElse(List.of())) {
                if (PRESSURE_TAINTS.containsKey(condition.getType()) && "True".equals(condition.getStatus())) {
                    problems.add(condition.getType() + " since " + condition.getLastTransitionTime() + " ("
                            + Optional.ofNullable(condition.getMessage()).orElse(condition.getReason()) + ")"
                            + (tainted(node, PRESSURE_TAINTS.get(condition.getType()))
                                    ? ", tainted " + PRESSURE_TAINTS.get(condition.getType())
                                            + ": no new pod lands there"
                                    : ""));
                }
            }
            if (!problems.isEmpty()) {
                List<String> objects = new ArrayList<>(List.of(Inventory.id(node)));
                view.local(view.inventory().pods()).stream()
                        .filter(p -> p.getSpec() != null
                                && node.getMetadata()
                                        .getName()
                                        .equals(p.getSpec().getNodeName()))
                        .forEach(p -> objects.add(Inventory.id(p)));
                findings.add(new Finding(
                        objects, "node " + node.getMetadata().getName() + " reports " + String.join("; ", problems)));
            }
        }
        return findings;
    }

    private static boolean tainted(Node node, String key) {
        return node.getSpec() != null
                && node.getSpec().getTaints() != null
                && node.getSpec().getTaints().stream().anyMatch(t -> key.equals(t.getKey()));
    }

    /** The resource and the figures of an eviction message, shortened; the message itself when it says otherwise. */
    static String lowOn(String message) {
        Matcher low = LOW_ON.matcher(Optional.ofNullable(message).orElse(""));
        if (!low.find()) {
            return Optional.ofNullable(message).orElse("no message");
        }
        return "the node was low on " + low.group(1)
                + (low.group(2) == null
                        ? ""
                        : " (threshold " + low.group(2).trim() + ", available "
                                + low.group(3).trim() + ")");
    }

    /** Which StatefulSet replaced the pod, from its RecreatingFailedPod or SuccessfulDelete event. */
    private String replacement(String pod) {
        for (Event event : view.local(view.inventory().events())) {
            String message = Optional.ofNullable(event.getMessage()).orElse("");
            boolean recreated = "RecreatingFailedPod".equals(event.getReason()) && message.endsWith("Pod " + pod);
            boolean deleted =
                    "SuccessfulDelete".equals(event.getReason()) && message.startsWith("delete Pod " + pod + " ");
            if ((recreated || deleted) && involves(event, "StatefulSet")) {
                return "; StatefulSet " + event.getInvolvedObject().getName() + " replaced it with a new " + pod;
            }
        }
        return "";
    }

    private static String times(Event event) {
        int count = Optional.ofNullable(event.getCount()).orElse(1);
        String last = Optional.ofNullable(event.getLastTimestamp()).orElse(event.getFirstTimestamp());
        return (count > 1 ? ", " + count + " times" : "") + (last == null ? "" : ", last at " + last);
    }

    /** The node a kubelet event came from: its source host, else its reporting instance. */
    private static String node(Event event) {
        if (event.getSource() != null && event.getSource().getHost() != null) {
            return event.getSource().getHost();
        }
        return Optional.ofNullable(event.getReportingInstance()).orElse("");
    }

    private static boolean involves(Event event, String kind) {
        return event.getInvolvedObject() != null
                && kind.equals(event.getInvolvedObject().getKind());
    }

    /** Whether a container of the pod runs the killed process (the kernel cuts names at 15 characters). */
    private static boolean runs(Pod pod, String process) {
        Set<String> words = Set.of(process.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+"));
        return ClusterView.containers(pod.getSpec()).stream()
                .anyMatch(c -> words.stream()
                        .filter(w -> w.length() > 3)
                        .anyMatch(w -> String.valueOf(c.getImage()).contains(w)
                                || String.valueOf(c.getName()).contains(w)));
    }
}
