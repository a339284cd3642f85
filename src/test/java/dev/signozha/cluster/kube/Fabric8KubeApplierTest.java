package dev.signozha.cluster.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.actions.InputFiles;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.render.Renderer;
import dev.signozha.core.topology.TopologyLoader;
import dev.signozha.support.MockCluster;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Fabric8KubeApplierTest {

    private MockCluster cluster;
    private List<Manifest> manifests;

    @BeforeEach
    void renderAndStart() {
        Path file = Path.of("examples/production-2x2.yaml");
        RenderedRelease release = new Renderer(new ClasspathTemplates())
                .render(TopologyLoader.load(file.toString(), InputFiles.readText(file))
                        .topology());
        manifests = release.manifests();
        cluster = MockCluster.withServerSideApply();
        cluster.installClickHouseCrd();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void apply_renderedManifests_createsEachWithTheToolsLabels() {
        Fabric8KubeApplier applier = new Fabric8KubeApplier(cluster.client());
        for (Manifest manifest : manifests) {
            KubeApplier.Applied applied = applier.apply(manifest.body(), false);
            assertEquals(manifest.id(), applied.id());
        }
        StatefulSet zookeeper = cluster.client()
                .apps()
                .statefulSets()
                .inNamespace("platform")
                .withName("signoz-ha-zookeeper")
                .get();
        assertEquals(3, zookeeper.getSpec().getReplicas());
        assertEquals("signoz-ha", zookeeper.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
        assertEquals(
                1,
                cluster.client()
                        .genericKubernetesResources(Fabric8KubeGateway.CHI)
                        .inNamespace("platform")
                        .list()
                        .getItems()
                        .size());
    }

    @Test
    void apply_again_updatesInPlace() {
        Fabric8KubeApplier applier = new Fabric8KubeApplier(cluster.client());
        Manifest statefulSet = manifests.stream()
                .filter(m -> m.kind().equals("StatefulSet"))
                .findFirst()
                .orElseThrow();
        String first = applier.apply(statefulSet.body(), false).resourceVersion();
        ObjectNode scaled = statefulSet.body().deepCopy();
        ((ObjectNode) scaled.get("spec")).put("replicas", 5);
        String second = applier.apply(scaled, false).resourceVersion();
        assertNotEquals(first, second);
        assertEquals(
                5,
                cluster.client()
                        .apps()
                        .statefulSets()
                        .inNamespace("platform")
                        .withName("signoz-ha-zookeeper")
                        .get()
                        .getSpec()
                        .getReplicas());
    }

    @Test
    void apply_serverDryRun_storesNothing() {
        Manifest statefulSet = manifests.stream()
                .filter(m -> m.kind().equals("StatefulSet"))
                .findFirst()
                .orElseThrow();
        new Fabric8KubeApplier(cluster.client()).apply(statefulSet.body(), true);
        assertNull(cluster.client()
                .apps()
                .statefulSets()
                .inNamespace("platform")
                .withName("signoz-ha-zookeeper")
                .get());
    }
}
