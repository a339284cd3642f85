package dev.signozha.cluster.kube;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.text.Messages;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** How an API call that failed is told: what the tool could not do, and the API's first line. */
final class KubeFailures {

    private KubeFailures() {
    }

    /**
     * "cannot {action}: {first line}". Bad input when the request was refused for who or where we are (the
     * kubeconfig, context, permissions, a missing object or namespace, an unreachable address); a failure that
     * was NOT rolled back when the API server failed (5xx, 429 or a timeout, after the client's retries).
     */
    static SignozHaException cannot(String action, KubernetesClientException e) {
        boolean serverFailed = e.getCode() >= 500 || e.getCode() == 429 || Retries.timedOut(e);
        return new SignozHaException(serverFailed ? ExitCode.NOT_ROLLED_BACK : ExitCode.BAD_INPUT, "cannot " + action
                + ": " + (serverFailed ? "the API server failed: " : "") + Messages.firstLine(e.getMessage(), "no answer"), e);
    }
}
