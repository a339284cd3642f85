package dev.signozha.cluster.kube;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Opens a gateway from a kubeconfig (the given file, $KUBECONFIG or ~/.kube/config) and context. */
public final class KubeConnections {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final int RETRIES = 3;
    static final int RETRY_INTERVAL_MILLIS = 200;

    private KubeConnections() {
    }

    /**
     * Whether a kubeconfig can be found: the given file, a file listed in $KUBECONFIG, or ~/.kube/config.
     * Without one, commands that can work offline do so.
     */
    public static boolean kubeconfigAvailable(Path kubeconfig, String environmentValue, Path home) {
        if (kubeconfig != null) {
            return true;
        }
        if (environmentValue != null && !environmentValue.isBlank()) {
            return java.util.Arrays.stream(environmentValue.split(java.io.File.pathSeparator))
                    .anyMatch(file -> !file.isBlank() && Files.isRegularFile(Path.of(file)));
        }
        return Files.isRegularFile(home.resolve(".kube").resolve("config"));
    }

    public static KubeGateway open(Path kubeconfig, String context) {
        return session(kubeconfig, context).gateway();
    }

    /** A session for a run that changes the cluster; closing its gateway or the session closes the client. */
    public static KubeSession session(Path kubeconfig, String context) {
        Config config = config(kubeconfig, context);
        config.setRequestTimeout((int) REQUEST_TIMEOUT.toMillis());
        config.setConnectionTimeout((int) REQUEST_TIMEOUT.toMillis());
        // fabric8's default of ten doubling retries takes ~20 s to report an unreachable API server; three
        // retries from 200 ms still ride out a blip and answer within about a second and a half.
        config.setRequestRetryBackoffLimit(RETRIES);
        config.setRequestRetryBackoffInterval(RETRY_INTERVAL_MILLIS);
        String name = "context:" + (config.getCurrentContext() == null ? "default" : config.getCurrentContext().getName());
        return new KubeSession(new KubernetesClientBuilder().withConfig(config).build(), name, Clock.systemUTC());
    }

    private static Config config(Path kubeconfig, String context) {
        if (kubeconfig == null) {
            return Config.autoConfigure(context);
        }
        try {
            return Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString());
        } catch (IOException e) {
            throw new SignozHaException(ExitCode.BAD_INPUT, kubeconfig + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
