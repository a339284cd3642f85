package dev.signozha.cluster.kube;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.text.Messages;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** How an API call that failed is told: what the tool could not do, and the API's first line. */
final class KubeFailures {

    private KubeFailures() {
    }

    /** "cannot {action}: {first line}", bad input (the kubeconfig, context or permissions). */
    static SignozHaException cannot(String action, KubernetesClientException e) {
        return new SignozHaException(ExitCode.BAD_INPUT, "cannot " + action + ": "
                + Messages.firstLine(e.getMessage(), "no answer"), e);
    }
}
