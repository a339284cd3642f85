package dev.signozha.cluster.kube;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.Trace;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/** Opens a session on the cluster a kubeconfig source and context select, once it answered. */
public final class KubeConnections {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final int RETRIES = 3;
    static final int RETRY_INTERVAL_MILLIS = 200;

    private KubeConnections() {}

    /**
     * Which cluster and how long each call may take. {@code source} is empty when no kubeconfig is configured at
     * all: then only a pod's service account ({@code inCluster}) selects a cluster.
     */
    public record Target(
            Optional<Kubeconfig.Source> source, boolean inCluster, String context, Duration requestTimeout) {}

    /**
     * A session on the cluster, each API request traced, after one request proved it reachable and the
     * credentials accepted (bounded by the request timeout, {@code progress} told when it takes a while). Closing its
     * gateway or the session closes the client.
     */
    public static KubeSession session(Target target, Trace trace, Consumer<String> progress) {
        LibraryLogging.silence();
        Selected selected = select(target);
        Config config = tune(selected.config(), target.requestTimeout(), new Random());
        KubernetesClientBuilder builder = new KubernetesClientBuilder().withConfig(config);
        if (trace.enabled()) {
            builder.withHttpClientBuilderConsumer(
                    http -> http.addOrReplaceInterceptor(TraceInterceptor.NAME, new TraceInterceptor(trace)));
        }
        KubernetesClient client = builder.build();
        String server = client.getMasterUrl().toString();
        try {
            Reachability.confirm(
                    client, new Reachability.Where(selected.context(), server), target.requestTimeout(), progress);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return new KubeSession(client, "context:" + selected.context(), Clock.systemUTC());
    }

    /**
     * Timeouts and retries for every client the tool makes. fabric8 retries 5xx, 429 (after its Retry-After)
     * and connection failures with doubling intervals; its default of ten retries takes ~20 s to report an
     * unreachable API server, while three from about 200 ms ride out a blip and answer within about three seconds.
     * The first interval is drawn between 200 and 400 ms so that runs failing together do not retry in step.
     */
    public static Config tune(Config config, Duration requestTimeout, Random jitter) {
        config.setRequestTimeout((int) requestTimeout.toMillis());
        config.setConnectionTimeout((int) requestTimeout.toMillis());
        config.setRequestRetryBackoffLimit(RETRIES);
        config.setRequestRetryBackoffInterval(RETRY_INTERVAL_MILLIS + jitter.nextInt(RETRY_INTERVAL_MILLIS + 1));
        return config;
    }

    private record Selected(Config config, String context) {}

    private static Selected select(Target target) {
        if (target.source().isPresent()) {
            Kubeconfig kubeconfig = Kubeconfig.read(target.source().get());
            String context = kubeconfig.context(target.context());
            return new Selected(kubeconfig.config(context), context);
        }
        if (!target.inCluster()) {
            throw new SignozHaException(
                    ExitCode.BAD_INPUT,
                    "no kubeconfig: give --kubeconfig FILE, set KUBECONFIG or "
                            + "create ~/.kube/config (kubectl's places); nothing was changed");
        }
        if (target.context() != null) {
            throw new SignozHaException(
                    ExitCode.BAD_INPUT,
                    "--context " + target.context() + " needs a kubeconfig; "
                            + "none is configured (inside a pod, the service account is used)");
        }
        return new Selected(Config.autoConfigure(null), "in-cluster");
    }
}
