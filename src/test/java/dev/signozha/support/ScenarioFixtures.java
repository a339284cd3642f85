package dev.signozha.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.signozha.core.yaml.CanonicalYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Clusters doctor must explain, each made from the healthy 2x2 snapshot (clusters/healthy-2x2.yaml) by the edits a
 * real failure makes, with the messages kube-scheduler, the kubelet, the StatefulSet controller and
 * node-problem-detector really write. {@code ScenarioFixturesTest} writes them to clusters/NAME.yaml (golden switch),
 * so they are read as snapshots and seeded into the mock API server like every other fixture.
 */
public final class ScenarioFixtures {

    static final String NS = "platform";
    static final String CH = "chi-clickhouse-signoz-clickhouse-ha-prod-";
    static final String PREEMPTION =
            " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ObjectNode list;

    private ScenarioFixtures(ObjectNode list) {
        this.list = list;
    }

    /** Every scenario by fixture name. */
    public static Map<String, String> all() {
        Map<String, String> scenarios = new LinkedHashMap<>();
        scenarios.put("pending-reasons", build(ScenarioFixtures::pendingReasons));
        scenarios.put("evictions", build(ScenarioFixtures::evictions));
        // The bundled chart with its password changed from the published default, as a snapshot shows it (redacted).
        scenarios.put(
                "bundled-own-password",
                build("default-password", cluster -> {}).replace("27ff0399-0d3a-4bd8-919d-17c2181e6fb9", "<redacted>"));
        return scenarios;
    }

    private static String build(Consumer<ScenarioFixtures> edits) {
        return build("healthy-2x2", edits);
    }

    private static String build(String base, Consumer<ScenarioFixtures> edits) {
        try {
            ObjectNode tree = (ObjectNode)
                    YAML.readTree(Files.readString(Project.path("src/test/resources/clusters/" + base + ".yaml")));
            edits.accept(new ScenarioFixtures(tree));
            return CanonicalYaml.yaml(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One Pending pod for each scheduler reason, and one whose events expired (the simulation explains it). */
    private static void pendingReasons(ScenarioFixtures cluster) {
        cluster.taint("node-b", "dedicated", "clickhouse", "NoSchedule");
        cluster.taint("node-c", "dedicated", "clickhouse", "NoSchedule");
        cluster.cordon("node-a");
        cluster.pending(
                CH + "1-1-0",
                "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
                        + "2 node(s) had untolerated taint {dedicated: clickhouse}." + PREEMPTION);
        cluster.pod(CH + "1-1-0")
                .withObjectProperty("spec")
                .putObject("nodeSelector")
                .put("node-pool", "clickhouse");
        cluster.pressure(
                "node-c",
                "DiskPressure",
                "KubeletHasDiskPressure",
                "kubelet has disk pressure",
                "node.kubernetes.io/disk-pressure");
        cluster.pending(
                "signoz-ha-zookeeper-2",
                "0/3 nodes are available: 1 node(s) had untolerated taint "
                        + "{node.kubernetes.io/disk-pressure: }, 2 node(s) had volume node affinity conflict."
                        + PREEMPTION);
        cluster.pending(
                "signoz-0", "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims." + PREEMPTION);
        cluster.pending(
                CH + "1-0-0",
                "0/3 nodes are available: 1 node(s) didn't match pod anti-affinity rules, "
                        + "2 Insufficient memory. preemption: 0/3 nodes are available: 1 No preemption victims found for "
                        + "incoming pod, 2 Preemption is not helpful for scheduling.");
        cluster.pending(
                "signoz-otel-collector-4mthhzlfn7-8tsf2",
                "0/3 nodes are available: 1 node(s) were " + "unschedulable, 2 Insufficient cpu." + PREEMPTION);
        cluster.pending(
                "signoz-otel-collector-4mthhzlfn7-l2l92", "0/3 nodes are available: 3 Too many pods." + PREEMPTION);
        cluster.pending(
                "signoz-otel-collector-4mthhzlfn7-msk5f",
                "0/3 nodes are available: 3 node(s) didn't match " + "pod affinity rules." + PREEMPTION);
        cluster.pending(CH + "0-1-0", null);
        cluster.pod(CH + "0-1-0")
                .withObjectProperty("spec")
                .putObject("nodeSelector")
                .put("node-pool", "clickhouse-large");
    }

    /** A ClickHouse pod evicted for ephemeral storage and replaced, a kernel OOM kill, crash loops with evidence. */
    private static void evictions(ScenarioFixtures cluster) {
        cluster.pressure(
                "node-c",
                "DiskPressure",
                "KubeletHasDiskPressure",
                "kubelet has disk pressure",
                "node.kubernetes.io/disk-pressure");
        cluster.event(
                CH + "1-0-0",
                "Pod",
                "Evicted",
                "Warning",
                "kubelet",
                "node-c",
                "The node was low on resource: ephemeral-storage. Threshold quantity: 10Gi, available: 1536Mi. "
                        + "Container clickhouse was using 12Gi, request is 0, has larger consumption of ephemeral-storage. ");
        cluster.event(
                CH + "1-0",
                "StatefulSet",
                "RecreatingFailedPod",
                "Warning",
                "statefulset-controller",
                null,
                "StatefulSet platform/" + CH + "1-0 is recreating failed Pod " + CH + "1-0-0");
        cluster.event(
                CH + "1-0",
                "StatefulSet",
                "SuccessfulDelete",
                "Normal",
                "statefulset-controller",
                null,
                "delete Pod " + CH + "1-0-0 in StatefulSet " + CH + "1-0 successful");
        ObjectNode oom = cluster.event(
                "node-a",
                "Node",
                "OOMKilling",
                "Warning",
                "kernel-monitor",
                "node-a",
                "Memory cgroup out of memory: Killed process 4127 (clickhouse-serv) total-vm:9876543kB, "
                        + "anon-rss:4194304kB, file-rss:0kB, shmem-rss:0kB, UID:101 pgtables:8932kB oom_score_adj:-997");
        oom.withObjectProperty("metadata").put("namespace", "default");
        oom.withObjectProperty("involvedObject").remove("namespace");
        cluster.terminated(CH + "0-0-0", 3, false, 137, "OOMKilled", "");
        cluster.terminated(
                "signoz-ha-zookeeper-1",
                12,
                true,
                1,
                "Error",
                "2026-11-20 09:52:11,044 [myid:2] - ERROR "
                        + "[SyncThread:2:ZooKeeperCriticalThread@49] - Severe unrecoverable error, from thread : SyncThread:2\n"
                        + "java.io.IOException: No space left on device\n\tat java.base/java.io.FileOutputStream.writeBytes("
                        + "Native Method)");
        cluster.terminated("signoz-otel-collector-4mthhzlfn7-8tsf2", 14, true, 1, "Error", "");
        ObjectNode gone =
                cluster.copy("Pod", "signoz-otel-collector-4mthhzlfn7-msk5f", "signoz-otel-collector-4mthhzlfn7-zx7qd");
        gone.withObjectProperty("spec").put("nodeName", "node-b");
        ObjectNode status = gone.putObject("status");
        status.put("phase", "Failed")
                .put("reason", "Evicted")
                .put(
                        "message",
                        "The node was low on resource: memory. "
                                + "Threshold quantity: 100Mi, available: 87412Ki. Container signoz-otel-collector was using 1843200Ki, "
                                + "request is 200Mi, has larger consumption of memory. ");
    }

    // ---- edits ----

    private ArrayNode items() {
        return (ArrayNode) list.path("items");
    }

    ObjectNode object(String kind, String name) {
        for (JsonNode item : items()) {
            if (kind.equals(item.path("kind").asText())
                    && name.equals(item.path("metadata").path("name").asText())) {
                return (ObjectNode) item;
            }
        }
        throw new IllegalArgumentException("no " + kind + " " + name + " in the healthy fixture");
    }

    ObjectNode pod(String name) {
        return object("Pod", name);
    }

    ObjectNode copy(String kind, String name, String newName) {
        ObjectNode copy = object(kind, name).deepCopy();
        copy.withObjectProperty("metadata").put("name", newName).put("uid", uid(newName));
        items().add(copy);
        return copy;
    }

    /** The pod unbound and Pending; the scheduler's message as its PodScheduled condition and a FailedScheduling event. */
    void pending(String name, String message) {
        ObjectNode pod = pod(name);
        pod.withObjectProperty("spec").remove("nodeName");
        for (JsonNode owner : pod.path("metadata").path("ownerReferences")) {
            if ("StatefulSet".equals(owner.path("kind").asText())) {
                ObjectNode status =
                        object("StatefulSet", owner.path("name").asText()).withObjectProperty("status");
                status.put("readyReplicas", status.path("readyReplicas").asInt() - 1)
                        .put(
                                "availableReplicas",
                                status.path("availableReplicas").asInt() - 1);
            }
        }
        ObjectNode status = pod.putObject("status");
        status.put("phase", "Pending").put("qosClass", "Burstable");
        if (message == null) {
            return;
        }
        status.putArray("conditions")
                .addObject()
                .putNull("lastProbeTime")
                .put("lastTransitionTime", "2026-11-20T09:41:07Z")
                .put("message", message)
                .put("reason", "Unschedulable")
                .put("status", "False")
                .put("type", "PodScheduled");
        event(name, "Pod", "FailedScheduling", "Warning", "default-scheduler", null, message)
                .put("count", 7);
    }

    void taint(String node, String key, String value, String effect) {
        ObjectNode taint = object("Node", node)
                .withObjectProperty("spec")
                .withArray("taints")
                .addObject()
                .put("effect", effect)
                .put("key", key);
        if (value != null) {
            taint.put("value", value);
        }
    }

    void cordon(String node) {
        object("Node", node).withObjectProperty("spec").put("unschedulable", true);
        object("Node", node)
                .withObjectProperty("spec")
                .withArray("taints")
                .addObject()
                .put("effect", "NoSchedule")
                .put("key", "node.kubernetes.io/unschedulable")
                .put("timeAdded", "2026-11-20T09:30:02Z");
    }

    /** The node condition turned True by the kubelet, with the taint it adds. */
    void pressure(String node, String type, String reason, String message, String taintKey) {
        for (JsonNode condition : object("Node", node).path("status").path("conditions")) {
            if (type.equals(condition.path("type").asText())) {
                ((ObjectNode) condition)
                        .put("status", "True")
                        .put("reason", reason)
                        .put("message", message)
                        .put("lastTransitionTime", "2026-11-20T09:38:44Z");
            }
        }
        object("Node", node)
                .withObjectProperty("spec")
                .withArray("taints")
                .addObject()
                .put("effect", "NoSchedule")
                .put("key", taintKey)
                .put("timeAdded", "2026-11-20T09:38:44Z");
    }

    /** A container's last run ended with {@code exitCode}; it waits in CrashLoopBackOff when {@code looping}. */
    void terminated(String podName, int restarts, boolean looping, int exitCode, String reason, String message) {
        ObjectNode status = (ObjectNode)
                pod(podName).path("status").path("containerStatuses").path(0);
        status.put("restartCount", restarts).put("ready", false).put("started", false);
        ObjectNode last = status.putObject("lastState").putObject("terminated");
        last.put("containerID", "containerd://" + uid(podName + restarts).replace("-", ""))
                .put("exitCode", exitCode)
                .put("finishedAt", "2026-11-20T09:52:11Z")
                .put("reason", reason)
                .put("startedAt", "2026-11-20T09:51:40Z");
        if (!message.isEmpty()) {
            last.put("message", message);
        }
        if (looping) {
            status.putObject("state")
                    .putObject("waiting")
                    .put(
                            "message",
                            "back-off 5m0s restarting failed container="
                                    + status.path("name").asText() + " pod=" + podName + "_" + NS + "(" + uid(podName)
                                    + ")")
                    .put("reason", "CrashLoopBackOff");
        }
    }

    ObjectNode event(
            String object, String kind, String reason, String type, String component, String host, String message) {
        String name = object + "." + uid(reason + message).substring(0, 16).replace("-", "");
        ObjectNode event = items().addObject();
        event.put("apiVersion", "v1")
                .put("kind", "Event")
                .put("count", 1)
                .putNull("eventTime")
                .put("firstTimestamp", "2026-11-20T09:41:07Z")
                .put("lastTimestamp", "2026-11-20T09:58:30Z")
                .put("message", message)
                .put("reason", reason)
                .put("reportingComponent", component)
                .put("reportingInstance", host == null ? "" : host)
                .put("type", type);
        event.putObject("involvedObject")
                .put("apiVersion", kind.equals("StatefulSet") ? "apps/v1" : "v1")
                .put("kind", kind)
                .put("name", object)
                .put("namespace", NS)
                .put("uid", uid(kind + object));
        event.putObject("metadata")
                .put("creationTimestamp", "2026-11-20T09:41:07Z")
                .put("name", name)
                .put("namespace", NS)
                .put("uid", uid(name));
        ObjectNode source = event.putObject("source").put("component", component);
        if (host != null) {
            source.put("host", host);
        }
        return event;
    }

    private static String uid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
