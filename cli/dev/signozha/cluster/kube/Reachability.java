package dev.signozha.cluster.kube;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.text.Messages;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The first request of a session: the server's version, which every authenticated user may read. It tells an
 * unreachable server, a TLS failure or rejected credentials apart before anything else is asked, within one request
 * timeout whatever the client's retries do.
 */
final class Reachability {

    /** How long a connection may take before the operator is told the tool is still waiting. */
    static final Duration PROGRESS_AFTER = Duration.ofSeconds(3);

    private Reachability() {}

    /** The context and API server a session talks to, how every connection failure names them. */
    record Where(String context, String server) {
        @Override
        public String toString() {
            return "context " + context + ", server " + server;
        }
    }

    static void confirm(KubernetesClient client, Where where, Duration timeout, Consumer<String> progress) {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "signoz-ha-connect");
            thread.setDaemon(true);
            return thread;
        });
        try {
            answer(executor.submit(client::getKubernetesVersion), where, timeout, progress);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void answer(Future<?> version, Where where, Duration timeout, Consumer<String> progress) {
        try {
            Duration left = timeout;
            if (timeout.compareTo(PROGRESS_AFTER) > 0) {
                try {
                    version.get(PROGRESS_AFTER.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException slow) {
                    progress.accept("still connecting to " + where.server() + " (context " + where.context() + ")");
                    left = timeout.minus(PROGRESS_AFTER);
                }
            }
            version.get(left.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            version.cancel(true);
            throw unavailable(where, ConnectionCause.timedOut(timeout), e);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof KubernetesClientException client) || ConnectionCause.unavailable(client)) {
                String cause = Retries.timedOut(e.getCause())
                        ? ConnectionCause.timedOut(timeout)
                        : ConnectionCause.describe(e.getCause());
                throw unavailable(
                        where,
                        cause != null ? cause : Messages.firstLine(e.getCause().getMessage(), "no answer"),
                        e.getCause());
            }
            // Any other HTTP answer (a server too old for /version, a proxy's error page) came from the server.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignozHaException(
                    ExitCode.CLUSTER_UNAVAILABLE,
                    "interrupted while connecting to " + where + "; nothing was changed",
                    e);
        }
    }

    static SignozHaException unavailable(Where where, String cause, Throwable e) {
        return new SignozHaException(
                ExitCode.CLUSTER_UNAVAILABLE,
                "cannot reach the cluster (" + where + "): " + cause + "; nothing was changed",
                e);
    }
}
