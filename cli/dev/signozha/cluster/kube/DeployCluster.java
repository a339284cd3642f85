package dev.signozha.cluster.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.state.LockHolder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collection;
import java.util.Optional;

/**
 * What the deploy and upgrade engine does with a Kubernetes cluster, and nothing more: read (the gateway), apply,
 * delete, watch, ensure the namespace, keep the state record and take the lock. {@link KubeSession} is the real
 * one; tests run whole deploys on an in-memory one.
 */
public interface DeployCluster {

    /** The reads checks and plans make. */
    KubeGateway gateway();

    /** Server-side applies one rendered object as signoz-ha; with {@code dryRun} nothing is kept. */
    void apply(JsonNode manifest, boolean dryRun);

    /** Deletes the object named {@code Kind/namespace/name}; false when it was already gone. */
    boolean delete(String id);

    /** The object named {@code Kind/namespace/name} as it is now, or empty when gone. */
    Optional<HasMetadata> read(String id);

    /** Whether the ClickHouseInstallation CRD is installed. */
    boolean hasClickHouseCrd();

    /** Creates the namespace, labelled as the tool's, unless it exists; returns whether it created it. */
    boolean ensureNamespace(String namespace);

    /** Watches on the namespace's workloads; ClickHouseInstallations too when their CRD is installed by now. */
    NamespaceWatch watch(String namespace);

    /** The state record of {@code namespace}, refusing to store any of {@code knownSecrets}. */
    RecordStore state(String namespace, Collection<String> knownSecrets);

    /** The run lock of {@code namespace} for {@code holder}, not yet acquired; {@code state} records force-unlocks. */
    RunLock lock(String namespace, LockHolder holder, RecordStore state, LeaseLock.Timing timing);
}
