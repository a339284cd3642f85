package dev.signozha.cluster.kube;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.text.Messages;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** How an API call that failed is told: what the tool could not do, and why in the API's or the network's words. */
final class KubeFailures {

    private KubeFailures() {}

    /**
     * "cannot {action}: {cause}". The cluster unavailable when it could not be reached (refused, DNS, TLS, a
     * timeout) or did not let us in (401, 403 with the API server's sentence naming verb and resource); bad input
     * when the request was refused for what we asked (a missing object or namespace, an invalid one); a failure
     * that was NOT rolled back when the API server failed (5xx, 429, after the client's retries).
     */
    static SignozHaException cannot(String action, KubernetesClientException e) {
        if (ConnectionCause.unavailable(e)) {
            return new SignozHaException(
                    ExitCode.CLUSTER_UNAVAILABLE, "cannot " + action + ": " + ConnectionCause.describe(e), e);
        }
        boolean serverFailed = e.getCode() >= 500 || e.getCode() == 429;
        String message =
                e.getCode() > 0 ? ConnectionCause.statusMessage(e) : Messages.firstLine(e.getMessage(), "no answer");
        return new SignozHaException(
                serverFailed ? ExitCode.NOT_ROLLED_BACK : ExitCode.BAD_INPUT,
                "cannot " + action + ": " + (serverFailed ? "the API server failed: " : "") + message,
                e);
    }
}
