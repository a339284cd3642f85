package dev.signozha.core.endpoint;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pod spec of a pod or of any workload's template, and its containers. */
public final class PodTemplates {

    private PodTemplates() {}

    /** The pod template spec of a workload (CronJobs through their Job template), or the spec of a pod. */
    public static PodSpec spec(HasMetadata object) {
        if (object instanceof Pod pod) {
            return pod.getSpec();
        }
        if (object instanceof StatefulSet set) {
            return set.getSpec().getTemplate().getSpec();
        }
        if (object instanceof Deployment deployment) {
            return deployment.getSpec().getTemplate().getSpec();
        }
        if (object instanceof DaemonSet daemonSet) {
            return daemonSet.getSpec().getTemplate().getSpec();
        }
        if (object instanceof Job job) {
            return job.getSpec().getTemplate().getSpec();
        }
        if (object instanceof CronJob cronJob) {
            return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        }
        return null;
    }

    /** Init containers, then containers. */
    public static List<Container> containers(PodSpec spec) {
        List<Container> all = new ArrayList<>();
        if (spec != null) {
            Optional.ofNullable(spec.getInitContainers()).ifPresent(all::addAll);
            Optional.ofNullable(spec.getContainers()).ifPresent(all::addAll);
        }
        return all;
    }
}
