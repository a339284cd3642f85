package dev.signozha.cluster.kube;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
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
    private static final int CONFLICT = 409;
    private static final RetryPolicy<Object> IDEMPOTENT = policy(Retries::passes);
    // A forced server-side apply conflicts only when the object changed between the server's read and write
    // (another writer, a controller); the client does not retry 409s, and applying again is always safe.
    private static final RetryPolicy<Object> FORCED_APPLY = policy(failure ->
            passes(failure) || failure instanceof KubernetesClientException client && client.getCode() == CONFLICT);

    private Retries() {}

    /** The call's result, after up to {@value #ATTEMPTS} attempts; the last failure as it was thrown. */
    static <T> T idempotent(Supplier<T> call) {
        return Failsafe.with(IDEMPOTENT).get(call::get);
    }

    /** As {@link #idempotent}, and a 409 Conflict is tried again too. */
    static <T> T forcedApply(Supplier<T> call) {
        return Failsafe.with(FORCED_APPLY).get(call::get);
    }

    private static RetryPolicy<Object> policy(Predicate<Throwable> retryable) {
        return RetryPolicy.builder()
                .handleIf(retryable::test)
                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
                .withJitter(0.5)
                .withMaxAttempts(ATTEMPTS)
                .build();
    }

    /** A failure with no HTTP answer behind it (a timeout, a dropped connection), or a watch that did not start. */
    static boolean passes(Throwable failure) {
        if (failure instanceof WatchNotStarted) {
            return true;
        }
        return failure instanceof KubernetesClientException client
                && client.getCode() <= 0
                && (timedOut(failure) || anyCause(failure, IOException.class::isInstance));
    }

    /**
     * Whether a request failed because an answer did not come in time. The HTTP client's own timeout exceptions
     * (vert.x) are not public types, so they are matched by name.
     */
    static boolean timedOut(Throwable failure) {
        return anyCause(
                failure,
                cause -> cause instanceof TimeoutException
                        || cause instanceof java.net.SocketTimeoutException
                        || cause.getClass().getSimpleName().contains("Timeout"));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
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
