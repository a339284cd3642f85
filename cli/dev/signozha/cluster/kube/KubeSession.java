package dev.signozha.cluster.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.state.LockHolder;
import dev.signozha.core.state.StateRecordCodec;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What a run that changes a cluster does with it, on one client: read (the gateway), apply, watch, delete,
 * lock and remember. Closing it closes the client.
 */
public final class KubeSession implements DeployCluster, AutoCloseable {

    private final KubernetesClient client;
    private final Fabric8KubeGateway gateway;

    public KubeSession(KubernetesClient client, String name, Clock clock) {
        this.client = client;
        this.gateway = new Fabric8KubeGateway(client, name, clock);
    }

    @Override
    public KubeGateway gateway() {
        return gateway;
    }

    @Override
    public void apply(JsonNode manifest, boolean dryRun) {
        new Fabric8KubeApplier(client).apply(manifest, dryRun);
    }

    /** Watches on the namespace's workloads; ClickHouseInstallations too when their CRD is installed by now. */
    @Override
    public NamespaceWatch watch(String namespace) {
        // Long enough for the client's own timeouts and retries of the first LIST, no longer.
        Duration start = Duration.ofMillis(
                        (long) client.getConfiguration().getRequestTimeout() * (KubeConnections.RETRIES + 1))
                .plusSeconds(5);
        try {
            return Retries.idempotent(() -> new Fabric8NamespaceWatch(client, namespace, start));
        } catch (Retries.WatchNotStarted e) {
            throw new SignozHaException(
                    ExitCode.NOT_ROLLED_BACK,
                    "cannot watch the workloads of namespace " + namespace + " (" + gateway.where() + "): "
                            + e.getMessage(),
                    e);
        } catch (KubernetesClientException e) {
            throw KubeFailures.cannot(
                    "watch the workloads of namespace " + namespace + " (" + gateway.where() + ")", e);
        }
    }

    /** The state record, refusing to store any of {@code knownSecrets}. */
    @Override
    public StateStore state(String namespace, Collection<String> knownSecrets) {
        return new StateStore(client, namespace, new StateRecordCodec(knownSecrets));
    }

    @Override
    public LeaseLock lock(String namespace, LockHolder holder, RecordStore state, LeaseLock.Timing timing) {
        return new LeaseLock(client, namespace, holder, state, timing);
    }

    @Override
    public boolean hasClickHouseCrd() {
        return call(
                "read CustomResourceDefinition/" + Inventory.CHI_CRD,
                () -> client.apiextensions()
                                .v1()
                                .customResourceDefinitions()
                                .withName(Inventory.CHI_CRD)
                                .get()
                        != null);
    }

    /** Creates the namespace, labelled as the tool's, unless it exists; returns whether it created it. */
    @Override
    public boolean ensureNamespace(String namespace) {
        return call("create Namespace/" + namespace, () -> {
            if (client.namespaces().withName(namespace).get() != null) {
                return false;
            }
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .withLabels(Map.of("app.kubernetes.io/managed-by", "signoz-ha"))
                            .endMetadata()
                            .build())
                    .create();
            return true;
        });
    }

    /**
     * Deletes one object named {@code Kind/namespace/name}: what cleanup removes (ClickHouseInstallation, Job, Pod,
     * PersistentVolumeClaim) or what signoz-ha renders and no longer does (ConfigMap, Service, PodDisruptionBudget,
     * StatefulSet, ClickHouseKeeperInstallation, whose volumes stay). A Job's pods go with it. Returns false when it was already gone.
     */
    @Override
    public boolean delete(String id) {
        Resource<?> resource = resource(id);
        return call(
                "delete " + id,
                () -> !resource.withPropagationPolicy(DeletionPropagation.BACKGROUND)
                        .delete()
                        .isEmpty());
    }

    /** The object named {@code Kind/namespace/name} as it is now (finalizers, deletion time), or empty when gone. */
    @Override
    public Optional<HasMetadata> read(String id) {
        Resource<?> resource = resource(id);
        return call("read " + id, () -> Optional.ofNullable((HasMetadata) resource.get()));
    }

    private Resource<?> resource(String id) {
        String[] parts = id.split("/", 3);
        return switch (parts[0]) {
            case "ClickHouseInstallation" ->
                client.genericKubernetesResources(Fabric8KubeGateway.CHI)
                        .inNamespace(parts[1])
                        .withName(parts[2]);
            case "ClickHouseKeeperInstallation" ->
                client.genericKubernetesResources(Fabric8KubeGateway.CHK)
                        .inNamespace(parts[1])
                        .withName(parts[2]);
            case "Job" -> client.batch().v1().jobs().inNamespace(parts[1]).withName(parts[2]);
            case "Pod" -> client.pods().inNamespace(parts[1]).withName(parts[2]);
            case "PersistentVolumeClaim" ->
                client.persistentVolumeClaims().inNamespace(parts[1]).withName(parts[2]);
            case "ConfigMap" -> client.configMaps().inNamespace(parts[1]).withName(parts[2]);
            case "Service" -> client.services().inNamespace(parts[1]).withName(parts[2]);
            case "PodDisruptionBudget" ->
                client.policy().v1().podDisruptionBudget().inNamespace(parts[1]).withName(parts[2]);
            case "StatefulSet" ->
                client.apps().statefulSets().inNamespace(parts[1]).withName(parts[2]);
            default -> throw new IllegalArgumentException("signoz-ha never deletes a " + parts[0]);
        };
    }

    private <T> T call(String what, java.util.function.Supplier<T> request) {
        try {
            return Retries.idempotent(request);
        } catch (KubernetesClientException e) {
            throw KubeFailures.cannot(what + " (" + gateway.where() + ")", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
