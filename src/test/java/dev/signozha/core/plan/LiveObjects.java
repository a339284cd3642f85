package dev.signozha.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.actions.InputFiles;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.render.Renderer;
import dev.signozha.core.topology.TopologyLoader;
import dev.signozha.support.Project;
import java.util.List;
import java.util.Map;

/**
 * Desired state from the real examples (the same trees as golden/render/), and live state as the API
 * server would return it: the rendered object plus uid, resourceVersion, managedFields, the
 * last-applied annotation, status and the fields Kubernetes defaults. Tests mutate copies of these.
 */
final class LiveObjects {

    private LiveObjects() {}

    /** The rendered release of examples/{stem}.yaml. */
    static RenderedRelease release(String stem) {
        String file = "examples/" + stem + ".yaml";
        return new Renderer(new ClasspathTemplates())
                .render(TopologyLoader.load(file, InputFiles.readText(Project.path(file)))
                        .topology());
    }

    /** The rendered manifest of a kind (the first, for kinds with several). */
    static Manifest manifest(RenderedRelease release, String kind) {
        return release.manifests().stream()
                .filter(m -> m.kind().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    /** Every manifest as served. */
    static List<JsonNode> served(RenderedRelease release) {
        return release.manifests().stream()
                .map(LiveObjects::served)
                .map(JsonNode.class::cast)
                .toList();
    }

    /** One manifest as the API server returns it after an apply. */
    static ObjectNode served(Manifest manifest) {
        ObjectNode object = manifest.body().deepCopy();
        ObjectNode metadata = (ObjectNode) object.get("metadata");
        metadata.put(
                "uid", "5d9f6c1e-0c8e-4f7b-9a51-" + Math.abs(manifest.name().hashCode()));
        metadata.put("resourceVersion", "48213");
        metadata.put("generation", 3);
        metadata.put("creationTimestamp", "2025-03-01T10:00:00Z");
        metadata.putArray("managedFields")
                .addObject()
                .put("manager", "signoz-ha")
                .put("operation", "Apply");
        metadata.putObject("annotations")
                .put(
                        "kubectl.kubernetes.io/last-applied-configuration",
                        manifest.body().toString());
        switch (manifest.kind()) {
            case "Service" -> serviceDefaults(object);
            case "StatefulSet" -> statefulSetDefaults(object);
            case "ClickHouseInstallation" ->
                object.putObject("status")
                        .put("status", "Completed")
                        .put("hosts", 4)
                        .put("hostsCompleted", 4)
                        .put("endpoint", "clickhouse-signoz-clickhouse-ha.platform.svc.cluster.local");
            case "PodDisruptionBudget" ->
                object.putObject("status").put("currentHealthy", 3).put("desiredHealthy", 2);
            default -> {}
        }
        return object;
    }

    private static void serviceDefaults(ObjectNode service) {
        ObjectNode spec = (ObjectNode) service.get("spec");
        if (!spec.has("clusterIP")) {
            spec.put("clusterIP", "10.96.14.7");
        }
        spec.putArray("clusterIPs").add(spec.get("clusterIP").asText());
        spec.put("sessionAffinity", "None").put("internalTrafficPolicy", "Cluster");
        spec.get("ports").forEach(port -> ((ObjectNode) port).put("protocol", "TCP"));
        service.putObject("status").putObject("loadBalancer");
    }

    private static void statefulSetDefaults(ObjectNode statefulSet) {
        ObjectNode spec = (ObjectNode) statefulSet.get("spec");
        spec.put("revisionHistoryLimit", 10);
        ((ObjectNode) spec.get("updateStrategy")).putObject("rollingUpdate").put("partition", 0);
        spec.putObject("persistentVolumeClaimRetentionPolicy")
                .put("whenDeleted", "Retain")
                .put("whenScaled", "Retain");
        ObjectNode pod = (ObjectNode) spec.get("template").get("spec");
        pod.put("dnsPolicy", "ClusterFirst")
                .put("restartPolicy", "Always")
                .put("schedulerName", "default-scheduler")
                .put("terminationGracePeriodSeconds", 30);
        for (JsonNode container : pod.get("containers")) {
            ((ObjectNode) container)
                    .put("imagePullPolicy", "IfNotPresent")
                    .put("terminationMessagePath", "/dev/termination-log")
                    .put("terminationMessagePolicy", "File");
            container.get("ports").forEach(port -> ((ObjectNode) port).put("protocol", "TCP"));
            ((ObjectNode) container.get("livenessProbe")).put("successThreshold", 1);
        }
        for (JsonNode claim : spec.get("volumeClaimTemplates")) {
            ((ObjectNode) claim)
                    .put("apiVersion", "v1")
                    .put("kind", "PersistentVolumeClaim")
                    .putObject("status")
                    .put("phase", "Pending");
            ((ObjectNode) claim.get("spec")).put("volumeMode", "Filesystem");
        }
        statefulSet
                .putObject("status")
                .put("replicas", 3)
                .put("readyReplicas", 3)
                .put("currentRevision", "zk-7d9c");
    }

    /** The node at a JSON pointer, as an object to mutate. */
    static ObjectNode object(JsonNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    /** The array at a JSON pointer, to mutate. */
    static ArrayNode array(JsonNode root, String pointer) {
        return (ArrayNode) root.at(pointer);
    }

    /** The plan against {@code live} objects and values, with no release status or last applied objects known. */
    static LivePlan plan(RenderedRelease desired, List<JsonNode> live, JsonNode values) {
        return LivePlanner.plan(desired, live, List.of(), values, null, null, Map.of());
    }
}
