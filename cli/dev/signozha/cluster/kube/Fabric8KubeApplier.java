package dev.signozha.cluster.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.text.Messages;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NamespaceableResource;

/**
 * Server-side apply through fabric8, forcing ownership of the fields the tool renders (it is their
 * single source of truth) and leaving every other field to whoever set it.
 */
public final class Fabric8KubeApplier implements KubeApplier {

    private final KubernetesClient client;

    public Fabric8KubeApplier(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Applied apply(JsonNode manifest, boolean serverDryRun) {
        HasMetadata object = client.getKubernetesSerialization().convertValue(manifest, HasMetadata.class);
        try {
            return Retries.forcedApply(() -> {
                NamespaceableResource<HasMetadata> resource = client.resource(object);
                HasMetadata applied = (serverDryRun ? resource.dryRun() : resource)
                        .fieldManager(FIELD_MANAGER)
                        .forceConflicts()
                        .serverSideApply();
                return new Applied(Inventory.id(applied), applied.getMetadata().getResourceVersion());
            });
        } catch (KubernetesClientException e) {
            throw failure(object, e);
        }
    }

    private static SignozHaException failure(HasMetadata object, KubernetesClientException e) {
        return new SignozHaException(
                ExitCode.NOT_ROLLED_BACK,
                "cannot apply " + Inventory.id(object) + ": "
                        + (e.getStatus() != null && e.getStatus().getMessage() != null
                                ? e.getStatus().getMessage()
                                : Messages.firstLine(e.getMessage(), "")),
                e);
    }
}
