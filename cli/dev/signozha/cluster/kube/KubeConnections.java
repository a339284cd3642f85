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

    private KubeConnections() {
    }

    public static KubeGateway open(Path kubeconfig, String context) {
        Config config = config(kubeconfig, context);
        config.setRequestTimeout((int) REQUEST_TIMEOUT.toMillis());
        config.setConnectionTimeout((int) REQUEST_TIMEOUT.toMillis());
        String name = "context:" + (config.getCurrentContext() == null ? "default" : config.getCurrentContext().getName());
        return new Fabric8KubeGateway(new KubernetesClientBuilder().withConfig(config).build(), name, Clock.systemUTC());
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
