package dev.signozha.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.signozha.actions.InputFiles;
import dev.signozha.cluster.helm.HelmRevision;
import dev.signozha.cluster.kube.Fabric8KubeGateway;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.Renderer;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.TopologyLoader;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * What a deploy of the production example leaves once it converged, however many runs it took (killed,
 * interrupted, racing): the objects signoz-ha owns are exactly the ones it renders (and the clickhouse-operator
 * it installs), there is one ClickHouseInstallation, and the SigNoz release's Helm history ends deployed. An object
 * left under another name by an earlier run, or a second installation, fails it; the API server itself already
 * refuses two of one name. The lock and the state record are the tool's run-time, not objects: callers check them.
 */
public final class Convergence {

    /** Every kind the tool could create in the namespace, a Pod or a Secret included: it must create none of those. */
    private static final List<Class<? extends HasMetadata>> KINDS = List.of(
            ConfigMap.class,
            Secret.class,
            Service.class,
            PodDisruptionBudget.class,
            StatefulSet.class,
            Deployment.class,
            Job.class,
            PersistentVolumeClaim.class,
            Pod.class);

    private Convergence() {}

    /** Fails, saying {@code context} (what happened before), unless the production deploy converged in {@code world}. */
    public static void assertConverged(SimulatedCluster world, String context) {
        LoadedTopology production = TopologyLoader.load(
                SimulatedCluster.PRODUCTION.toString(), InputFiles.readText(SimulatedCluster.PRODUCTION));
        KubernetesClient client = world.mock().client();
        assertEquals(
                expected(production),
                toolOwned(client),
                "the objects signoz-ha owns are the rendered ones; " + context);
        assertEquals(
                List.of("ClickHouseInstallation/platform/clickhouse-signoz-clickhouse-ha"),
                installations(client),
                "one ClickHouseInstallation; " + context);
        List<HelmRevision> history = world.helm()
                .history(SimulatedCluster.NAMESPACE, production.spec().release());
        assertFalse(history.isEmpty(), "the SigNoz chart is installed; " + context);
        assertEquals("deployed", history.get(history.size() - 1).status(), "Helm history " + history + "; " + context);
    }

    /**
     * The rendered objects, the operator's Deployment its chart brings (labelled so in this simulation), and the
     * migration Job.
     */
    private static List<String> expected(LoadedTopology production) {
        List<String> expected = new ArrayList<>(new Renderer(new ClasspathTemplates())
                .render(production.topology()).manifests().stream()
                        .map(Manifest::id)
                        .toList());
        expected.add("Deployment/" + SimulatedCluster.NAMESPACE + "/" + FakeChart.OPERATOR_DEPLOYMENT);
        // External mode: the schema migration Job the tool runs itself, one whatever the number of runs.
        expected.add("Job/" + SimulatedCluster.NAMESPACE + "/" + dev.signozha.core.migration.MigrationJob.NAME);
        return expected.stream().sorted().toList();
    }

    /**
     * Objects labelled as signoz-ha's, except the state record (the tool's memory, not a rendered object), those a
     * controller owns (ZooKeeper's pods) and those clickhouse-operator made for the installation (its StatefulSets,
     * Services, volumes), which carry the installation's labels.
     */
    private static List<String> toolOwned(KubernetesClient client) {
        List<HasMetadata> labelled = new ArrayList<>();
        KINDS.forEach(kind -> labelled.addAll(client.resources(kind)
                .inNamespace(SimulatedCluster.NAMESPACE)
                .withLabel(ResourceNames.MANAGED_BY_LABEL, ResourceNames.MANAGED_BY_VALUE)
                .list()
                .getItems()));
        labelled.addAll(client.genericKubernetesResources(Fabric8KubeGateway.CHI)
                .inNamespace(SimulatedCluster.NAMESPACE)
                .withLabel(ResourceNames.MANAGED_BY_LABEL, ResourceNames.MANAGED_BY_VALUE)
                .list()
                .getItems());
        return labelled.stream()
                .filter(object ->
                        !StateRecord.CONFIG_MAP.equals(object.getMetadata().getName()))
                .filter(object -> object.getMetadata().getOwnerReferences() == null
                        || object.getMetadata().getOwnerReferences().isEmpty())
                .filter(object -> !object.getMetadata().getLabels().containsKey(ResourceNames.INSTALLATION_LABEL))
                .map(Inventory::id)
                .sorted()
                .toList();
    }

    private static List<String> installations(KubernetesClient client) {
        return client
                .genericKubernetesResources(Fabric8KubeGateway.CHI)
                .inNamespace(SimulatedCluster.NAMESPACE)
                .list()
                .getItems()
                .stream()
                .map(Inventory::id)
                .sorted()
                .toList();
    }
}
