package dev.signozha.cluster.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.cluster.clickhouse.ConnectionFactory;
import dev.signozha.cluster.clickhouse.HostConnector;
import dev.signozha.core.inventory.Inventory;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;

/** Read access to a Kubernetes cluster, as narrow as the checks need it. */
public interface KubeGateway extends AutoCloseable {

    /** One read of everything the checks look at, scoped to the namespace: one LIST per kind. */
    Inventory inventory(String namespace);

    /**
     * The objects signoz-ha owns in the namespace (labelled app.kubernetes.io/managed-by: signoz-ha), of every
     * kind it renders, as the API returns them: one LIST per kind.
     */
    List<JsonNode> ownedObjects(String namespace);

    /** The namespace's pods labelled {@code key: value}: one LIST, for what needs only those. */
    List<Pod> pods(String namespace, String key, String value);

    /**
     * The last {@code lines} lines of one container's log (the previous run's when it restarted is not asked:
     * the tool's Jobs never restart); empty when the pod or the container has not logged yet.
     */
    List<String> logTail(String namespace, String pod, String container, int lines);

    /** One key of a Secret, decoded; the value is handed to a driver and never printed. */
    Optional<String> secretValue(String namespace, String name, String key);

    /** Whether the namespace exists: one GET. */
    boolean namespaceExists(String namespace);

    /** Port-forwarded access to the given ClickHouse pods. */
    HostConnector clickHouseHosts(String namespace, List<Pod> pods, ConnectionFactory connections);

    /** The kubeconfig context's namespace, used when none is given. */
    String defaultNamespace();

    /** How reports name the cluster, e.g. context:prod-eks. */
    String describe();

    @Override
    void close();
}
