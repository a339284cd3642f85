package dev.signozha.cluster.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** A synthetic cluster of any size, created through the real client (in parallel, to keep large seeds quick). */
public final class SyntheticCluster {

    private SyntheticCluster() {}

    public static void seed(KubernetesClient client, String namespace, int nodes, int pods) {
        IntStream.range(0, nodes)
                .parallel()
                .forEach(i -> client.resource(node(i)).create());
        IntStream.range(0, pods)
                .parallel()
                .forEach(i -> client.resource(pod(namespace, i, nodes)).create());
    }

    static Node node(int index) {
        String name = "node-" + index;
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(Map.of("kubernetes.io/hostname", name, "topology.kubernetes.io/zone", "zone-" + index % 3))
                .endMetadata()
                .withNewStatus()
                .withAllocatable(
                        Map.of("cpu", new Quantity("16"), "memory", new Quantity("64Gi"), "pods", new Quantity("110")))
                .endStatus()
                .build();
    }

    static Pod pod(String namespace, int index, int nodes) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("app-" + index)
                .withNamespace(namespace)
                .withLabels(Map.of("app.kubernetes.io/name", "app-" + index % 50))
                .endMetadata()
                .withNewSpec()
                .withNodeName("node-" + index % nodes)
                .withContainers(List.of(new io.fabric8.kubernetes.api.model.ContainerBuilder()
                        .withName("app")
                        .withImage("example/app:1")
                        .withNewResources()
                        .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("128Mi")))
                        .endResources()
                        .build()))
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .endStatus()
                .build();
    }
}
