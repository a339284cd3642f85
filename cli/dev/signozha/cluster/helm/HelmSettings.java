package dev.signozha.cluster.helm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to run helm: which binary, against which cluster (the same kubeconfig and context the
 * Kubernetes gateway uses; empty means helm's own defaults), with which extra environment, and
 * how long a read-only command ({@code version}, {@code history}, {@code template}) may take.
 */
public record HelmSettings(
        String binary,
        Optional<Path> kubeconfig,
        Optional<String> kubeContext,
        Map<String, String> env,
        Duration queryTimeout) {

    static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(1);

    public HelmSettings {
        ArgumentChecks.requireToken("helm binary", binary);
        kubeContext.ifPresent(context -> ArgumentChecks.requireToken("kube context", context));
        kubeconfig = kubeconfig.map(file -> file.toAbsolutePath().normalize());
        env = Map.copyOf(env);
        ArgumentChecks.requirePositive(queryTimeout);
    }

    /** {@code helm} from the PATH, helm's default kubeconfig and context. */
    public static HelmSettings defaults() {
        return new HelmSettings("helm", Optional.empty(), Optional.empty(), Map.of(), DEFAULT_QUERY_TIMEOUT);
    }

    /** {@code helm} from the PATH against the given kubeconfig and context (either may be null: the default). */
    public static HelmSettings forCluster(Path kubeconfig, String kubeContext) {
        return new HelmSettings(
                "helm",
                Optional.ofNullable(kubeconfig),
                Optional.ofNullable(kubeContext),
                Map.of(),
                DEFAULT_QUERY_TIMEOUT);
    }

    /** The same settings with another helm binary (a path, or a name looked up on the PATH). */
    public HelmSettings withBinary(String otherBinary) {
        return new HelmSettings(otherBinary, kubeconfig, kubeContext, env, queryTimeout);
    }

    /** The same settings with these extra environment variables for helm (e.g. HELM_CACHE_HOME). */
    public HelmSettings withEnv(Map<String, String> otherEnv) {
        return new HelmSettings(binary, kubeconfig, kubeContext, otherEnv, queryTimeout);
    }

    /** The global flags that point helm at the cluster. */
    List<String> clusterFlags() {
        List<String> flags = new ArrayList<>();
        kubeconfig.ifPresent(file -> flags.addAll(List.of("--kubeconfig", file.toString())));
        kubeContext.ifPresent(context -> flags.addAll(List.of("--kube-context", context)));
        return flags;
    }
}
