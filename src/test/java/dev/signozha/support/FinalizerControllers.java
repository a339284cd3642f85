package dev.signozha.support;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The controllers that let go of deleted objects, as a running cluster's do: clickhouse-operator removes its
 * finalizer from a deleted installation, the PVC protection controller from a claim no pod mounts. Called
 * between polls (for instance from a test's sleeper), so a test decides whether they run at all.
 */
public final class FinalizerControllers {

    private static final ResourceDefinitionContext CHI = new ResourceDefinitionContext.Builder()
            .withGroup("clickhouse.altinity.com")
            .withVersion("v1")
            .withKind("ClickHouseInstallation")
            .withPlural("clickhouseinstallations")
            .withNamespaced(true)
            .build();

    private final KubernetesClient client;
    private final String namespace;

    public FinalizerControllers(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** Removes every finalizer from every object of the namespace that is marked deleted. */
    public void releaseDeleted() {
        List<HasMetadata> deleted = new ArrayList<>();
        deleted.addAll(client.genericKubernetesResources(CHI)
                .inNamespace(namespace)
                .list()
                .getItems());
        deleted.addAll(
                client.persistentVolumeClaims().inNamespace(namespace).list().getItems());
        deleted.removeIf(object -> object.getMetadata().getDeletionTimestamp() == null);
        for (HasMetadata object : deleted) {
            object.getMetadata().setFinalizers(List.of());
            client.resource(object).update();
        }
    }
}
