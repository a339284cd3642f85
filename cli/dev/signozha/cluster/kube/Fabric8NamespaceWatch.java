package dev.signozha.cluster.kube;

import dev.signozha.core.inventory.Inventory;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link NamespaceWatch} on fabric8 informers: one watch per kind, every event bumps the version. */
public final class Fabric8NamespaceWatch implements NamespaceWatch {

    private final Object changed = new Object();
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<StatefulSet> statefulSets;
    private final SharedIndexInformer<Deployment> deployments;
    private final SharedIndexInformer<Job> jobs;
    private final SharedIndexInformer<Event> events;
    private final SharedIndexInformer<GenericKubernetesResource> installations;
    private long version;

    public Fabric8NamespaceWatch(KubernetesClient client, String namespace) {
        pods = watch(client.pods().inNamespace(namespace).inform(handler()));
        statefulSets = watch(client.apps().statefulSets().inNamespace(namespace).inform(handler()));
        deployments = watch(client.apps().deployments().inNamespace(namespace).inform(handler()));
        jobs = watch(client.batch().v1().jobs().inNamespace(namespace).inform(handler()));
        events = watch(client.v1().events().inNamespace(namespace).inform(handler()));
        boolean crd = client.apiextensions().v1().customResourceDefinitions().withName(Inventory.CHI_CRD).get() != null;
        installations = crd ? watch(client.genericKubernetesResources(Fabric8KubeGateway.CHI).inNamespace(namespace)
                .inform(handler())) : null;
    }

    private <T> SharedIndexInformer<T> watch(SharedIndexInformer<T> informer) {
        informers.add(informer);
        return informer;
    }

    private <T extends HasMetadata> ResourceEventHandler<T> handler() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                bump();
            }

            @Override
            public void onUpdate(T before, T after) {
                bump();
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                bump();
            }
        };
    }

    private void bump() {
        synchronized (changed) {
            version++;
            changed.notifyAll();
        }
    }

    @Override
    public Observed current() {
        return new Observed(pods.getStore().list(), statefulSets.getStore().list(), deployments.getStore().list(),
                jobs.getStore().list(), events.getStore().list(),
                installations == null ? List.of() : installations.getStore().list());
    }

    @Override
    public long version() {
        synchronized (changed) {
            return version;
        }
    }

    @Override
    public boolean awaitChange(long seen, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (changed) {
            while (version <= seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::stop);
    }
}
