package dev.signozha.cluster.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.List;

/**
 * The objects a deploy waits on in one namespace, kept current by watches: read them at any time without a
 * request, and block until something changes instead of polling.
 */
public interface NamespaceWatch extends AutoCloseable {

    /** Whether ClickHouseInstallations are watched too (their CRD existed when the watches started). */
    boolean watchesInstallations();

    /** What the watches hold now. */
    Observed current();

    /** A counter that grows with every change seen. */
    long version();

    /** Blocks until {@link #version()} exceeds {@code seen} or {@code atMost} passes; true when something changed. */
    boolean awaitChange(long seen, Duration atMost) throws InterruptedException;

    @Override
    void close();

    /** The watched objects. */
    record Observed(
            List<Pod> pods,
            List<StatefulSet> statefulSets,
            List<Deployment> deployments,
            List<Job> jobs,
            List<Event> events,
            List<GenericKubernetesResource> installations) {}
}
