package dev.signozha.actions;

import dev.signozha.checks.ClusterView;
import dev.signozha.checks.Readiness;
import dev.signozha.cluster.kube.NamespaceWatch.Observed;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.topology.ClickHouseMode;
import dev.signozha.core.topology.Topology.Spec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** How each waiting phase of a deploy is judged from the watched objects, by the names the topology gives them. */
final class PhaseJudges {

    /** The Helm release (and so the Deployment) signoz-ha installs clickhouse-operator as, in external mode. */
    static final String OPERATOR_RELEASE = "altinity-clickhouse-operator";

    private final ResourceNames names;
    private final boolean external;
    /** Keeper servers the topology declares; 0 for ZooKeeper. */
    private final int keeperServers;

    PhaseJudges(Spec spec) {
        this.names = new ResourceNames(spec);
        this.external = spec.clickhouse().mode() == ClickHouseMode.EXTERNAL;
        this.keeperServers = spec.zookeeper().isKeeper() ? spec.zookeeper().replicas() : 0;
    }

    Phase.Judge judge(DeployPhase phase) {
        return switch (phase) {
            case OPERATOR -> observed -> deployment(observed, OPERATOR_RELEASE);
            case ZOOKEEPER ->
                keeperServers > 0
                        ? this::keeper
                        : observed -> statefulSet(observed, external ? names.zookeeper() : names.bundledZookeeper());
            case CLICKHOUSE -> this::installation;
            case SIGNOZ -> observed -> statefulSet(observed, names.signoz());
            case MIGRATION -> PhaseJudges::migration;
            case COLLECTORS -> observed -> deployment(observed, names.otelCollector());
            default -> throw new IllegalArgumentException(phase + " is not judged from workloads");
        };
    }

    private static Readiness.Status statefulSet(Observed observed, String name) {
        return named(observed.statefulSets(), name)
                .map(set -> Readiness.statefulSet(set, podsOf(observed, ordinalPods(name)), observed.events()))
                .orElseGet(() -> absent("StatefulSet " + name));
    }

    /** Every Keeper server's StatefulSet ready, each made by clickhouse-operator from the installation. */
    private Readiness.Status keeper(Observed observed) {
        Readiness.Status status = null;
        for (int n = 0; n < keeperServers; n++) {
            status = statefulSet(observed, names.keeperServer(n));
            if (!status.ready()) {
                return status;
            }
        }
        return status;
    }

    private static Readiness.Status deployment(Observed observed, String name) {
        return named(observed.deployments(), name)
                .map(deployment ->
                        Readiness.deployment(deployment, podsOf(observed, replicaSetPods(name)), observed.events()))
                .orElseGet(() -> absent("Deployment " + name));
    }

    private Readiness.Status installation(Observed observed) {
        String name = names.installation();
        return named(observed.installations(), name)
                .map(chi -> Readiness.installation(
                        chi,
                        observed.pods().stream()
                                .filter(pod -> ClusterView.ofInstallation(pod, name))
                                .toList(),
                        observed.events()))
                .orElseGet(() -> absent("ClickHouseInstallation " + name));
    }

    /** The newest migration Job: complete, running, or failed (stuck at once). */
    private static Readiness.Status migration(Observed observed) {
        return Readiness.migration(observed.jobs(), observed.pods(), observed.events())
                .orElseGet(() -> absent("the schema migration Job"));
    }

    private static <T extends HasMetadata> Optional<T> named(List<T> objects, String name) {
        return objects.stream()
                .filter(object -> name.equals(object.getMetadata().getName()))
                .findFirst();
    }

    /**
     * A workload's own pods, by the names Kubernetes gives them: a prefix alone would also take the pods of
     * {@code signoz-otel-collector} or {@code signoz-ha-zookeeper} for those of {@code signoz}.
     */
    private static List<Pod> podsOf(Observed observed, Pattern names) {
        return observed.pods().stream()
                .filter(pod -> names.matcher(pod.getMetadata().getName()).matches())
                .toList();
    }

    /** A StatefulSet's pods: {@code NAME-ORDINAL}. */
    private static Pattern ordinalPods(String name) {
        return Pattern.compile(Pattern.quote(name) + "-\\d+");
    }

    /** A Deployment's pods: {@code NAME-TEMPLATEHASH-SUFFIX}. */
    private static Pattern replicaSetPods(String name) {
        return Pattern.compile(Pattern.quote(name) + "-[a-z0-9]+-[a-z0-9]+");
    }

    private static Readiness.Status absent(String what) {
        return new Readiness.Status(false, "waiting for " + what + " to appear", Optional.empty());
    }
}
