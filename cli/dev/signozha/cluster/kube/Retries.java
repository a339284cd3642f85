package dev.signozha.cluster.kube;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Retries for idempotent calls (reads, server-side applies, deletes, starting watches) that failed for a reason
 * that passes and that the client does not retry itself: a request that timed out or whose connection dropped,
 * a watch that could not start. The client already retries 5xx and 429 (honouring Retry-After); these come on
 * top, three attempts in all, with exponential backoff from 200 ms and 50% jitter so that runs failing together
 * do not retry in step.
 */
final class Retries {

    static final int ATTEMPTS = 3;
    private static final RetryPolicy<Object> POLICY = RetryPolicy.builder()
            .handleIf(Retries::passes)
            .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
            .withJitter(0.5)
            .withMaxAttempts(ATTEMPTS)
            .build();

    private Retries() {
    }

    /** The call's result, after up to {@value #ATTEMPTS} attempts; the last failure as it was thrown. */
    static <T> T idempotent(Supplier<T> call) {
        return Failsafe.with(POLICY).get(call::get);
    }

    /** A failure with no HTTP answer behind it (a timeout, a dropped connection), or a watch that did not start. */
    static boolean passes(Throwable failure) {
        if (failure instanceof WatchNotStarted) {
            return true;
        }
        if (!(failure instanceof KubernetesClientException client) || client.getCode() > 0) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof IOException
                    || cause.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** Informers that did not finish their first LIST and watch. */
    static final class WatchNotStarted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WatchNotStarted(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
