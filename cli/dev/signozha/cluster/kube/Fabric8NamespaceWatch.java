package dev.signozha.cluster.kube;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.text.Messages;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link NamespaceWatch} on fabric8 informers: one watch per kind, every event bumps the version. */
public final class Fabric8NamespaceWatch implements NamespaceWatch {

    /** How often {@link #awaitWatching} looks again: fabric8 tells whether a watch is open, not when it opens. */
    private static final Duration WATCH_POLL = Duration.ofMillis(10);

    private final Object changed = new Object();
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<StatefulSet> statefulSets;
    private final SharedIndexInformer<Deployment> deployments;
    private final SharedIndexInformer<Job> jobs;
    private final SharedIndexInformer<Event> events;
    private final SharedIndexInformer<GenericKubernetesResource> installations;
    private long version;

    /**
     * Starts one informer per kind and waits, at most {@code startTimeout} in all, for their first LIST: a
     * client whose request never gets an answer (a dropped connection, a hung API server) must not hang the run.
     */
    public Fabric8NamespaceWatch(KubernetesClient client, String namespace, Duration startTimeout) {
        pods = watch(client.pods().inNamespace(namespace).runnableInformer(0));
        statefulSets = watch(client.apps().statefulSets().inNamespace(namespace).runnableInformer(0));
        deployments = watch(client.apps().deployments().inNamespace(namespace).runnableInformer(0));
        jobs = watch(client.batch().v1().jobs().inNamespace(namespace).runnableInformer(0));
        events = watch(client.v1().events().inNamespace(namespace).runnableInformer(0));
        boolean crd = client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(Inventory.CHI_CRD)
                        .get()
                != null;
        installations = crd
                ? watch(client.genericKubernetesResources(Fabric8KubeGateway.CHI)
                        .inNamespace(namespace)
                        .runnableInformer(0))
                : null;
        start(startTimeout);
    }

    private void start(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<?>[] started = informers.stream()
                .map(informer -> informer.start().toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(started).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            awaitWatching(deadline);
        } catch (TimeoutException | ExecutionException e) {
            close();
            throw new Retries.WatchNotStarted(
                    "the API server did not answer the first LIST and watch within "
                            + timeout.toSeconds() + " s"
                            + (e instanceof ExecutionException
                                    ? " (" + Messages.firstLine(e.getCause().getMessage(), "") + ")"
                                    : ""),
                    e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new SignozHaException(ExitCode.NOT_ROLLED_BACK, "interrupted while starting the watches", e);
        }
    }

    /**
     * An informer's start completes with its first LIST; the watch it opens next can still fail (a connection reset
     * as it opens), and fabric8 then leaves the informer running but blind, without retrying: a phase would wait
     * for its objects until its timeout. So the watches count as started only once every one is open.
     */
    private void awaitWatching(long deadline) throws InterruptedException, TimeoutException {
        while (!informers.stream().allMatch(SharedIndexInformer::isWatching)) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("a watch did not open");
            }
            Thread.sleep(WATCH_POLL.toMillis());
        }
    }

    @Override
    public boolean watchesInstallations() {
        return installations != null;
    }

    private <T extends HasMetadata> SharedIndexInformer<T> watch(SharedIndexInformer<T> informer) {
        informer.addEventHandler(handler());
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
        return new Observed(
                pods.getStore().list(),
                statefulSets.getStore().list(),
                deployments.getStore().list(),
                jobs.getStore().list(),
                events.getStore().list(),
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
