package dev.signozha.support;

import dev.signozha.cluster.kube.NamespaceWatch;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Watches on the in-memory cluster: every change is seen at once. */
final class InMemoryWatch implements NamespaceWatch {

    private final ObjectStore store;
    private final String namespace;
    private final boolean installations;
    private final StaleJobs stale;

    InMemoryWatch(ObjectStore store, String namespace, boolean installations, StaleJobs stale) {
        this.store = store;
        this.namespace = namespace;
        this.installations = installations;
        this.stale = stale;
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
                stale.view(store.list(Job.class, namespace)),
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

    /**
     * Jobs the watch still shows after they were deleted, as an informer's cache does until the deletion's event
     * arrives: each is shown, in place of a new Job of its name, for a number of looks, each of which a waiter sees
     * as a change.
     */
    static final class StaleJobs {

        private final ObjectStore store;
        private final Map<String, Integer> looksLeft = new HashMap<>();
        private final Map<String, Job> deleted = new HashMap<>();

        StaleJobs(ObjectStore store) {
            this.store = store;
        }

        synchronized void lagOn(String name, int looks) {
            looksLeft.put(name, looks);
        }

        synchronized void deleting(Optional<HasMetadata> object) {
            object.filter(Job.class::isInstance)
                    .map(Job.class::cast)
                    .filter(job -> looksLeft.containsKey(job.getMetadata().getName()))
                    .ifPresent(job -> deleted.put(job.getMetadata().getName(), job));
        }

        synchronized List<Job> view(List<Job> jobs) {
            if (deleted.isEmpty()) {
                return jobs;
            }
            List<Job> seen = new ArrayList<>(jobs.stream()
                    .filter(job -> !deleted.containsKey(job.getMetadata().getName()))
                    .toList());
            seen.addAll(deleted.values());
            deleted.keySet().forEach(name -> looksLeft.merge(name, -1, Integer::sum));
            looksLeft.entrySet().removeIf(entry -> entry.getValue() <= 0 && deleted.remove(entry.getKey()) != null);
            // Each look stands for an event the watch is still catching up on, so a waiter looks again at once.
            store.touch();
            return seen;
        }
    }
}
