package dev.signozha.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NamespaceableResource;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulated server-side apply refuses what the API server would not let signoz-ha rely on. */
class SsaDispatcherTest {

    private final MockCluster cluster = MockCluster.withServerSideApply();

    @AfterEach
    void stop() {
        cluster.close();
    }

    private static ConfigMap settings() {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .withNamespace("platform")
                .endMetadata()
                .addToData("mode", "ha")
                .build();
    }

    private ConfigMap stored() {
        return cluster.client()
                .configMaps()
                .inNamespace("platform")
                .withName("settings")
                .get();
    }

    private KubernetesClientException refused(Function<NamespaceableResource<ConfigMap>, ConfigMap> apply) {
        return assertThrows(
                KubernetesClientException.class,
                () -> apply.apply(cluster.client().resource(settings())));
    }

    @Test
    void applyAsAnotherFieldManager_isRefusedWith422_andStoresNothing() {
        KubernetesClientException refusal = refused(
                resource -> resource.fieldManager("kubectl").forceConflicts().serverSideApply());
        assertEquals(422, refusal.getCode());
        assertTrue(
                refusal.getStatus()
                        .getMessage()
                        .contains("fieldManager: Required value: an apply must name its field "
                                + "manager signoz-ha (got fieldManager=kubectl)"),
                refusal.getStatus().getMessage());
        assertNull(stored());
    }

    @Test
    void applyWithoutForce_isRefusedWith422_andStoresNothing() {
        KubernetesClientException refusal =
                refused(resource -> resource.fieldManager("signoz-ha").serverSideApply());
        assertEquals(422, refusal.getCode());
        assertTrue(
                refusal.getStatus().getMessage().contains("force=true (got force=<none>)"),
                refusal.getStatus().getMessage());
        assertNull(stored());
    }

    @Test
    void forcedApplyAsSignozHa_isStored_andItsServerDryRunIsNot() {
        cluster.client()
                .resource(settings())
                .dryRun()
                .fieldManager("signoz-ha")
                .forceConflicts()
                .serverSideApply();
        assertNull(stored(), "dryRun=All stores nothing");
        cluster.client()
                .resource(settings())
                .fieldManager("signoz-ha")
                .forceConflicts()
                .serverSideApply();
        assertEquals("ha", stored().getData().get("mode"));
    }
}
