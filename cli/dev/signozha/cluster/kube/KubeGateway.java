package dev.signozha.cluster.kube;

import dev.signozha.core.inventory.Inventory;

/** Read access to a Kubernetes cluster, as narrow as the checks need it. */
public interface KubeGateway extends AutoCloseable {

    /** One read of everything the checks look at, scoped to the namespace: one LIST per kind. */
    Inventory inventory(String namespace);

    /** The kubeconfig context's namespace, used when none is given. */
    String defaultNamespace();

    /** How reports name the cluster, e.g. context:prod-eks. */
    String describe();

    @Override
    void close();
}
