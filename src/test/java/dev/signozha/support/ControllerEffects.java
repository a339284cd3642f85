package dev.signozha.support;

import dev.signozha.core.inventory.Inventory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the cluster's controllers do to a workload, as objects: the StatefulSet, Deployment and Job controllers and
 * clickhouse-operator making it ready (its status, and the healthy fixture's pods and operator objects), or the
 * scheduler and kubelet saying why it cannot be (a waiting container, an unschedulable pod with the scheduler's
 * event, a Job past its backoff limit). Shared by the mock API server's {@link ReadinessController} and the
 * in-memory cluster.
 */
final class ControllerEffects {

    /** The annotation a renamed copy of a fixture workload carries: the fixture name it was copied from. */
    private static final String COPY_OF = "signoz-ha.test/copy-of";

    private ControllerEffects() {}

    /**
     * Sets {@code workload}'s status to ready, as its controller reports it for its metadata's generation, and
     * returns the objects that come with it (its pods; an installation's StatefulSets, Services, volumes, PDBs).
     */
    static List<HasMetadata> makeReady(HasMetadata workload) {
        Optional<String> original = Optional.ofNullable(workload.getMetadata().getAnnotations())
                .map(annotations -> annotations.get(COPY_OF));
        String name = original.orElse(workload.getMetadata().getName());
        long generation =
                Optional.ofNullable(workload.getMetadata().getGeneration()).orElse(1L);
        if (workload instanceof StatefulSet set) {
            int replicas = Optional.ofNullable(set.getSpec().getReplicas()).orElse(1);
            set.setStatus(new StatefulSetStatusBuilder()
                    .withReplicas(replicas)
                    .withReadyReplicas(replicas)
                    .withCurrentReplicas(replicas)
                    .withUpdatedReplicas(replicas)
                    .withAvailableReplicas(replicas)
                    .withObservedGeneration(generation)
                    .build());
        } else if (workload instanceof Deployment deployment) {
            int replicas =
                    Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
            deployment.setStatus(new DeploymentStatusBuilder()
                    .withReplicas(replicas)
                    .withReadyReplicas(replicas)
                    .withAvailableReplicas(replicas)
                    .withUpdatedReplicas(replicas)
                    .withObservedGeneration(generation)
                    .build());
        } else if (workload instanceof Job job) {
            job.setStatus(new JobStatusBuilder()
                    .withSucceeded(1)
                    .withConditions(new JobConditionBuilder()
                            .withType("Complete")
                            .withStatus("True")
                            .build())
                    .build());
        } else if (workload instanceof GenericKubernetesResource installation) {
            installation.setAdditionalProperty(
                    "status",
                    HealthyFixture.inventory()
                            .clickHouseInstallations()
                            .get(0)
                            .getAdditionalProperties()
                            .get("status"));
            return renamed(operatorObjects(name), name, workload);
        }
        return renamed(new ArrayList<>(fixturePods(name)), name, workload);
    }

    /**
     * A copy of the fixture's {@code object} with every mention of {@code from} (its name, labels, selectors)
     * turned into {@code to}, as another chart or release names the same workload; what its controller creates for
     * it is renamed the same way.
     */
    static HasMetadata copyOf(HasMetadata object, String from, String to) {
        HasMetadata copy = rename(object, from, to);
        copy.getMetadata().getAnnotations().put(COPY_OF, from);
        return copy;
    }

    private static List<HasMetadata> renamed(List<HasMetadata> objects, String from, HasMetadata workload) {
        String to = workload.getMetadata().getName();
        return from.equals(to)
                ? objects
                : new ArrayList<>(
                        objects.stream().map(object -> rename(object, from, to)).toList());
    }

    /** {@code object} with every mention of {@code from} turned into {@code to}. */
    static HasMetadata rename(HasMetadata object, String from, String to) {
        String json = InMemoryCluster.SERIALIZATION.asJson(object).replace(from, to);
        HasMetadata copy = InMemoryCluster.SERIALIZATION.unmarshal(json);
        if (copy.getMetadata().getAnnotations() == null) {
            copy.getMetadata().setAnnotations(new java.util.HashMap<>());
        }
        return copy;
    }

    /** The Job fails, its backoff limit reached, instead of completing. */
    static void fail(Job job) {
        job.setStatus(new JobStatusBuilder()
                .withFailed(1)
                .withConditions(new JobConditionBuilder()
                        .withType("Failed")
                        .withStatus("True")
                        .withReason("BackoffLimitExceeded")
                        .build())
                .build());
    }

    /**
     * The pod the Job controller made for {@code job}, Failed: its init containers ran in order up to
     * {@code failed}, which exited 1 (the kubelet's terminated state; init containers after it never started).
     */
    static Pod failedJobPod(Job job, String failed) {
        List<ContainerStatus> statuses = new ArrayList<>();
        for (Container init : job.getSpec().getTemplate().getSpec().getInitContainers()) {
            boolean isFailed = init.getName().equals(failed);
            statuses.add(new ContainerStatusBuilder()
                    .withName(init.getName())
                    .withImage(init.getImage())
                    .withReady(false)
                    .withRestartCount(0)
                    .withNewState()
                    .withNewTerminated()
                    .withExitCode(isFailed ? 1 : 0)
                    .withReason(isFailed ? "Error" : "Completed")
                    .endTerminated()
                    .endState()
                    .build());
            if (isFailed) {
                break;
            }
        }
        return new PodBuilder()
                .withNewMetadata()
                .withName(job.getMetadata().getName() + "-k8x2q")
                .withNamespace(job.getMetadata().getNamespace())
                .addToLabels("job-name", job.getMetadata().getName())
                .addNewOwnerReference()
                .withApiVersion("batch/v1")
                .withKind("Job")
                .withName(job.getMetadata().getName())
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .withNewStatus()
                .withPhase("Failed")
                .withInitContainerStatuses(statuses)
                .endStatus()
                .build();
    }

    /** The workload's first pod, its container waiting with {@code reason} (ImagePullBackOff, say). */
    static Pod waitingPod(String workload, String reason) {
        Pod pod = firstPod(workload);
        pod.getStatus()
                .setContainerStatuses(List.of(new ContainerStatusBuilder()
                        .withName("main")
                        .withReady(false)
                        .withImage("registry.example/missing:1")
                        .withRestartCount(0)
                        .withNewState()
                        .withNewWaiting()
                        .withReason(reason)
                        .endWaiting()
                        .endState()
                        .build()));
        return pod;
    }

    /**
     * The workload's first pod Pending and unscheduled, the scheduler's {@code message} in its condition
     * PodScheduled=False (Unschedulable), and the FailedScheduling event the scheduler records with it.
     */
    static List<HasMetadata> unschedulable(String workload, String namespace, String message) {
        Pod pod = firstPod(workload);
        pod.getSpec().setNodeName(null);
        pod.setStatus(new PodStatusBuilder()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withMessage(message)
                .endCondition()
                .build());
        String name = pod.getMetadata().getName();
        Event event = new EventBuilder()
                .withNewMetadata()
                .withName(name + ".unschedulable")
                .withNamespace(namespace)
                .endMetadata()
                .withType("Warning")
                .withReason("FailedScheduling")
                .withMessage(message)
                .withLastTimestamp(Instant.now().toString())
                .withNewInvolvedObject()
                .withKind("Pod")
                .withName(name)
                .withNamespace(namespace)
                .endInvolvedObject()
                .build();
        return List.of(pod, event);
    }

    private static List<Pod> fixturePods(String workload) {
        return HealthyFixture.copies(HealthyFixture.inventory().pods(), pod -> ownedBy(pod, workload));
    }

    /**
     * Whether the fixture's pod is one of {@code workload}'s: owned by it (StatefulSet, Job) or by one of its
     * ReplicaSets (Deployment). Not by name prefix: "signoz-" also starts ZooKeeper's and the collectors' pods.
     */
    private static boolean ownedBy(Pod pod, String workload) {
        return pod.getMetadata().getOwnerReferences().stream()
                .anyMatch(owner -> owner.getName().equals(workload)
                        || "ReplicaSet".equals(owner.getKind())
                                && owner.getName().matches(Pattern.quote(workload) + "-[a-z0-9]+"));
    }

    private static List<HasMetadata> operatorObjects(String installation) {
        Inventory fixture = HealthyFixture.inventory();
        List<HasMetadata> owned = new ArrayList<>();
        owned.addAll(fixture.statefulSets());
        owned.addAll(fixture.services());
        owned.addAll(fixture.persistentVolumeClaims());
        owned.addAll(fixture.disruptionBudgets());
        owned.addAll(fixture.pods());
        return new ArrayList<>(HealthyFixture.copies(
                owned,
                object -> installation.equals(
                        Optional.ofNullable(object.getMetadata().getLabels())
                                .map(labels -> labels.get("clickhouse.altinity.com/chi"))
                                .orElse(null))));
    }

    private static Pod firstPod(String workload) {
        return fixturePods(workload).stream().findFirst().orElseThrow();
    }
}
