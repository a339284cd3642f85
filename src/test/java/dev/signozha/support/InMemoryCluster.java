package dev.signozha.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.cluster.kube.DeployCluster;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.cluster.kube.NamespaceWatch;
import dev.signozha.cluster.kube.RecordStore;
import dev.signozha.cluster.kube.RunLock;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.state.LockHolder;
import dev.signozha.core.state.StateRecordCodec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The engine's cluster in memory, in the manner of Helm's FailingKubeClient: objects applied, created by the fake
 * chart or deleted are kept in a map and seen at once by watches; the cluster's controllers act on each new or
 * changed workload by a script (ready at once by default, ready after a lag, stuck as the scheduler or kubelet says
 * it, or a failed Job); any call can be made to fail with the API server's words; the lock can be lost. Seeded with
 * the healthy fixture's nodes and storage classes, the namespace and the ClickHouse password Secret.
 */
public final class InMemoryCluster implements DeployCluster, FakeChart.Objects, AutoCloseable {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final ObjectStore store = new ObjectStore();
    private final InMemoryGateway gateway;
    private final Map<String, Function<HasMetadata, List<HasMetadata>>> script = new ConcurrentHashMap<>();
    private final Map<String, SignozHaException> failures = new ConcurrentHashMap<>();
    private final ScheduledExecutorService lagging = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "in-memory-controllers");
        thread.setDaemon(true);
        return thread;
    });
    private final InMemoryLock.Lease lease = new InMemoryLock.Lease();
    private final Map<String, InMemoryRecordStore> records = new ConcurrentHashMap<>();
    private final InMemoryWatch.StaleJobs staleJobs = new InMemoryWatch.StaleJobs(store);

    /** The cluster SimulatedCluster seeds, in memory: namespace {@code namespace} with the password Secret. */
    public InMemoryCluster(String namespace, String password) {
        this.gateway = new InMemoryGateway(store, namespace, Map.of("clickhouse-credentials/password", password));
        List<HasMetadata> infrastructure =
                new ArrayList<>(HealthyFixture.copies(HealthyFixture.inventory().nodes(), n -> true));
        infrastructure.addAll(HealthyFixture.copies(HealthyFixture.inventory().storageClasses(), s -> true));
        infrastructure.forEach(store::put);
        store.addNamespace(namespace);
    }

    // ---- the script: what the controllers do, what fails

    /**
     * Once the Job named {@code name} is deleted, watches go on showing it for {@code looks} looks, in place of a
     * new Job of that name, as an informer's cache lags behind a deletion.
     */
    public InMemoryCluster watchLagsBehindDeletionOf(String name, int looks) {
        staleJobs.lagOn(name, looks);
        return this;
    }

    /** The workload named {@code name} becomes ready {@code lag} after it is created or changed. */
    public InMemoryCluster readyAfter(String name, Duration lag) {
        script.put(name, workload -> {
            lagging.schedule(
                    () -> store.put(workload, ControllerEffects.makeReady(workload)),
                    lag.toMillis(),
                    TimeUnit.MILLISECONDS);
            return List.of();
        });
        return this;
    }

    /** The workload named {@code name} never gets a node: the scheduler's {@code message}, as it reports it. */
    public InMemoryCluster unschedulable(String name, String message) {
        script.put(name, workload -> ControllerEffects.unschedulable(name, namespace(workload), message));
        return this;
    }

    /** The workload named {@code name} never gets ready: its container waits with {@code reason}. */
    public InMemoryCluster waiting(String name, String reason) {
        script.put(name, workload -> List.of(ControllerEffects.waitingPod(name, reason)));
        return this;
    }

    /**
     * When the workload named {@code name} is created or changed, {@code action} runs first; then the workload
     * gets what the script said before (ready, by default).
     */
    public InMemoryCluster whenWritten(String name, Runnable action) {
        Function<HasMetadata, List<HasMetadata>> then = script.getOrDefault(name, ControllerEffects::makeReady);
        script.put(name, workload -> {
            action.run();
            return then.apply(workload);
        });
        return this;
    }

    /** The Job named {@code name} fails, its backoff limit reached. */
    public InMemoryCluster failJob(String name) {
        script.put(name, workload -> {
            ControllerEffects.fail((Job) workload);
            return List.of();
        });
        return this;
    }

    /**
     * The Job named {@code name} fails, its backoff limit reached, because its pod's container {@code container}
     * exited 1 after logging {@code log} (served by the gateway's logTail); the pod's other init container, the
     * migrator's wait for ClickHouse, completed.
     */
    public InMemoryCluster failJob(String name, String container, List<String> log) {
        script.put(name, workload -> {
            ControllerEffects.fail((Job) workload);
            Pod pod = ControllerEffects.failedJobPod((Job) workload, container);
            gateway.log(pod.getMetadata().getName(), container, log);
            return List.of(pod);
        });
        return this;
    }

    /**
     * Calls named {@code call} fail with the API server's {@code message}: {@code "apply <Kind>/<name>"},
     * {@code "delete <id>"}, {@code "watch"}, {@code "state"}.
     */
    public InMemoryCluster fail(String call, ExitCode code, String message) {
        failures.put(call, new SignozHaException(code, message));
        return this;
    }

    /** Another run takes the lock over, as after this run's lease expired: the next look at it finds it lost. */
    public void takeLockOver(LockHolder other) {
        lease.takeOver(other);
    }

    /**
     * The pod {@code id} is replaced by one of the same name, as its StatefulSet recreates it when clickhouse-operator
     * rolls the host to a new image: a change every watch sees.
     */
    public void replacePod(String id) {
        Pod pod = (Pod) store.get(id).orElseThrow(() -> new AssertionError("no " + id));
        Pod replacement = SERIALIZATION.clone(pod);
        replacement.getMetadata().setUid(null);
        store.put(replacement);
    }

    /** What the cluster holds now, by id. */
    public Optional<HasMetadata> object(String id) {
        return store.get(id);
    }

    // ---- DeployCluster

    @Override
    public KubeGateway gateway() {
        return gateway;
    }

    @Override
    public void apply(JsonNode manifest, boolean dryRun) {
        HasMetadata object = SERIALIZATION.unmarshal(manifest.toString());
        failIfTold("apply " + object.getKind() + "/" + object.getMetadata().getName());
        if (object instanceof GenericKubernetesResource && !hasClickHouseCrd()) {
            throw new SignozHaException(
                    ExitCode.BAD_INPUT,
                    "cannot apply " + Inventory.id(object) + ": the server could not find the requested resource");
        }
        if (!dryRun) {
            store.apply(object);
            act(object);
        }
    }

    @Override
    public boolean delete(String id) {
        failIfTold("delete " + id);
        staleJobs.deleting(store.get(id));
        return store.remove(id);
    }

    @Override
    public Optional<HasMetadata> read(String id) {
        return store.get(id);
    }

    @Override
    public boolean hasClickHouseCrd() {
        return store.get("CustomResourceDefinition/" + Inventory.CHI_CRD).isPresent();
    }

    @Override
    public boolean ensureNamespace(String namespace) {
        return store.addNamespace(namespace);
    }

    @Override
    public NamespaceWatch watch(String namespace) {
        failIfTold("watch");
        return new InMemoryWatch(store, namespace, hasClickHouseCrd(), staleJobs);
    }

    @Override
    public RecordStore state(String namespace, Collection<String> knownSecrets) {
        failIfTold("state");
        return records.computeIfAbsent(namespace, InMemoryRecordStore::new)
                .refusing(new StateRecordCodec(knownSecrets));
    }

    @Override
    public RunLock lock(String namespace, LockHolder holder, RecordStore state, LeaseLock.Timing timing) {
        return new InMemoryLock(lease, holder, timing.clock());
    }

    // ---- FakeChart.Objects: what the fake chart writes

    @Override
    public void delete(String namespace, HasMetadata object) {
        store.remove(Inventory.id(object));
    }

    @Override
    public void create(String namespace, HasMetadata object) {
        store.put(object);
        act(object);
    }

    @Override
    public void installClickHouseCrd() {
        store.put(MockCluster.clickHouseCrd());
    }

    @Override
    public void close() {
        lagging.shutdownNow();
    }

    /** The controllers' answer to a workload that is new or changed: by the script, ready at once otherwise. */
    private void act(HasMetadata object) {
        if (!(object instanceof StatefulSet
                || object instanceof Deployment
                || object instanceof Job
                || object instanceof GenericKubernetesResource)) {
            return;
        }
        Function<HasMetadata, List<HasMetadata>> effect =
                script.getOrDefault(object.getMetadata().getName(), ControllerEffects::makeReady);
        store.put(object, effect.apply(object));
    }

    private static String namespace(HasMetadata object) {
        return object.getMetadata().getNamespace();
    }

    private void failIfTold(String call) {
        SignozHaException failure = failures.get(call);
        if (failure != null) {
            throw failure;
        }
    }
}
