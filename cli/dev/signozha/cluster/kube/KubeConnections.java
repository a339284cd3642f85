package dev.signozha.cluster.kube;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.Trace;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

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

    /** A session on the cluster, each API request traced; closing its gateway or the session closes the client. */
    public static KubeSession session(Path kubeconfig, String context, Trace trace) {
        LibraryLogging.silence();
        Config config = tune(config(kubeconfig, context), REQUEST_TIMEOUT, new Random());
        String name = "context:" + (config.getCurrentContext() == null ? "default" : config.getCurrentContext().getName());
        KubernetesClientBuilder client = new KubernetesClientBuilder().withConfig(config);
        if (trace.enabled()) {
            client.withHttpClientBuilderConsumer(
                    builder -> builder.addOrReplaceInterceptor(TraceInterceptor.NAME, new TraceInterceptor(trace)));
        }
        return new KubeSession(client.build(), name, Clock.systemUTC());
    }

    /**
     * Timeouts and retries for every client the tool makes. fabric8 retries 5xx, 429 (after its Retry-After)
     * and connection failures with doubling intervals; its default of ten retries takes ~20 s to report an
     * unreachable API server, while three from about 200 ms ride out a blip and answer within about two seconds.
     * The first interval is drawn between 200 and 400 ms so that runs failing together do not retry in step.
     */
    public static Config tune(Config config, Duration requestTimeout, Random jitter) {
        config.setRequestTimeout((int) requestTimeout.toMillis());
        config.setConnectionTimeout((int) requestTimeout.toMillis());
        config.setRequestRetryBackoffLimit(RETRIES);
        config.setRequestRetryBackoffInterval(RETRY_INTERVAL_MILLIS + jitter.nextInt(RETRY_INTERVAL_MILLIS + 1));
        return config;
    }

    private static Config config(Path kubeconfig, String context) {
        if (kubeconfig == null) {
            return Config.autoConfigure(context);
        }
        if (!Files.isReadable(kubeconfig)) {
            throw new SignozHaException(ExitCode.BAD_INPUT, kubeconfig + ": cannot be read: no such file, or no permission");
        }
        return Config.fromKubeconfig(context, kubeconfig.toFile());
    }
}
