package dev.signozha.support;

import dev.signozha.cluster.kube.Fabric8KubeGateway;
import dev.signozha.core.inventory.Inventory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The cluster's controllers, simulated for deploy tests: every workload the tool or the fake chart creates in the
 * namespace becomes ready {@code delay} after it first appears, the way the StatefulSet, Deployment and Job
 * controllers and clickhouse-operator would report it, and gets the healthy fixture's pods (and, for a
 * ClickHouseInstallation, the operator's objects). A workload told to get stuck never gets ready and shows why,
 * as the cluster would: a pod whose container waits ({@link #stick}), a pod the scheduler cannot place
 * ({@link #leaveUnschedulable}), a Job that fails ({@link #fail}). Runs on its own daemon thread.
 */
public final class ReadinessController implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(5);

    private final KubernetesClient client;
    private final String namespace;
    private final Duration delay;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    /** What happens to a workload, by name, instead of getting ready. */
    private final Map<String, Consumer<HasMetadata>> stuck = new ConcurrentHashMap<>();

    private final Map<String, Long> stuckAt = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public ReadinessController(MockCluster cluster, String namespace, Duration delay) {
        this.client = cluster.client();
        this.namespace = namespace;
        this.delay = delay;
        this.thread = new Thread(this::loop, "readiness-controller");
        thread.setDaemon(true);
        thread.start();
    }

    /** Workloads named {@code name} never get ready: their pod's container waits with {@code reason}. */
    public void stick(String name, String reason) {
        stuck.put(name, workload -> createIfAbsent(ControllerEffects.waitingPod(name, reason)));
    }

    /**
     * Workloads named {@code name} never get a node: their pod stays Pending, unscheduled, and the scheduler says
     * {@code message} as it does, in the condition PodScheduled=False (Unschedulable) and a FailedScheduling event.
     */
    public void leaveUnschedulable(String name, String message) {
        stuck.put(
                name,
                workload -> ControllerEffects.unschedulable(name, namespace, message)
                        .forEach(this::createIfAbsent));
    }

    /** The Job named {@code name} fails (its backoff limit reached) instead of completing. */
    public void fail(String name) {
        stuck.put(name, workload -> {
            ControllerEffects.fail((Job) workload);
            client.resource(workload).inNamespace(namespace).updateStatus();
        });
    }

    /**
     * How long ago the controller began making the workload named {@code name} stuck (before its first write, so a
     * deploy that sees the first write at once cannot end before the time is taken).
     */
    public Duration sinceStuck(String name) {
        Long at = stuckAt.get(name);
        if (at == null) {
            throw new IllegalStateException(name + " was never made stuck");
        }
        return Duration.ofNanos(System.nanoTime() - at);
    }

    /** Status as a freshly created object has it: none. */
    static void clearStatus(HasMetadata object) {
        if (object instanceof StatefulSet set) {
            set.setStatus(null);
        } else if (object instanceof Deployment deployment) {
            deployment.setStatus(null);
        } else if (object instanceof Job job) {
            job.setStatus(null);
        }
    }

    private void loop() {
        while (running) {
            try {
                tick();
                Thread.sleep(TICK.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (KubernetesClientException e) {
                // A write raced with the deploy or the fake chart; the next tick looks again.
            }
        }
    }

    private void tick() {
        List<HasMetadata> workloads = new ArrayList<>();
        workloads.addAll(
                client.apps().statefulSets().inNamespace(namespace).list().getItems());
        workloads.addAll(
                client.apps().deployments().inNamespace(namespace).list().getItems());
        workloads.addAll(
                client.batch().v1().jobs().inNamespace(namespace).list().getItems());
        if (client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(Inventory.CHI_CRD)
                        .get()
                != null) {
            workloads.addAll(client.genericKubernetesResources(Fabric8KubeGateway.CHI)
                    .inNamespace(namespace)
                    .list()
                    .getItems());
        }
        long now = System.nanoTime();
        for (HasMetadata workload : workloads) {
            String key = workload.getKind() + "/" + workload.getMetadata().getName() + "/"
                    + workload.getMetadata().getUid();
            long seen = firstSeen.computeIfAbsent(key, k -> now);
            if (now - seen >= delay.toNanos() && !done.contains(key)) {
                act(workload);
                done.add(key);
            }
        }
    }

    private void act(HasMetadata workload) {
        String name = workload.getMetadata().getName();
        if (stuck.containsKey(name)) {
            stuckAt.put(name, System.nanoTime());
            stuck.get(name).accept(workload);
            return;
        }
        if (workload instanceof StatefulSet || workload instanceof Deployment) {
            generation(workload);
        }
        ControllerEffects.makeReady(workload).forEach(this::createIfAbsent);
        client.resource(workload).inNamespace(namespace).updateStatus();
    }

    /** The mock does not count generations: 1 when unset, so the status can report it observed. */
    private void generation(HasMetadata object) {
        if (object.getMetadata().getGeneration() == null) {
            object.getMetadata().setGeneration(1L);
            client.resource(object).inNamespace(namespace).update();
        }
    }

    private void createIfAbsent(HasMetadata object) {
        object.getMetadata().setNamespace(namespace);
        object.getMetadata().setResourceVersion(null);
        if (client.resource(object).inNamespace(namespace).get() == null) {
            HasMetadata created = client.resource(object).inNamespace(namespace).create();
            if (object instanceof Pod pod && pod.getStatus() != null) {
                ((Pod) created).setStatus(pod.getStatus());
                client.resource(created).inNamespace(namespace).updateStatus();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
