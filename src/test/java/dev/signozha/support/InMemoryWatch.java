package dev.signozha.support;

import dev.signozha.cluster.kube.NamespaceWatch;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.List;

/** Watches on the in-memory cluster: every change is seen at once. */
final class InMemoryWatch implements NamespaceWatch {

    private final ObjectStore store;
    private final String namespace;
    private final boolean installations;

    InMemoryWatch(ObjectStore store, String namespace, boolean installations) {
        this.store = store;
        this.namespace = namespace;
        this.installations = installations;
    }

    @Override
    public boolean watchesInstallations() {
        return installations;
    }

    @Override
    public Observed current() {
        return new Observed(
                store.list(Pod.class, namespace),
                store.list(StatefulSet.class, namespace),
                store.list(Deployment.class, namespace),
                store.list(Job.class, namespace),
                store.list(Event.class, namespace),
                installations ? store.list(GenericKubernetesResource.class, namespace) : List.of());
    }

    @Override
    public long version() {
        return store.version();
    }

    @Override
    public boolean awaitChange(long seen, Duration atMost) throws InterruptedException {
        return store.awaitChange(seen, atMost);
    }

    @Override
    public void close() {}
}
