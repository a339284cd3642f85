package dev.signozha.cluster.kube;

import dev.signozha.core.text.Messages;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Why a request never got a usable answer, in the words an operator acts on. */
final class ConnectionCause {

    static final int UNAUTHORIZED = 401;
    static final int FORBIDDEN = 403;

    private ConnectionCause() {}

    /** Whether the failure means the cluster could not be reached or did not let us in. */
    static boolean unavailable(KubernetesClientException e) {
        return e.getCode() == UNAUTHORIZED || e.getCode() == FORBIDDEN || e.getCode() <= 0 && describe(e) != null;
    }

    /** One phrase for the cause, or null when the failure is none of the known connection failures. */
    static String describe(Throwable failure) {
        if (failure instanceof KubernetesClientException client && client.getCode() == UNAUTHORIZED) {
            return "401 Unauthorized: the cluster rejected the credentials of the kubeconfig's user";
        }
        if (failure instanceof KubernetesClientException client && client.getCode() == FORBIDDEN) {
            return "403 Forbidden: " + statusMessage(client);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String phrase = phrase(cause);
            if (phrase != null) {
                return phrase;
            }
        }
        return null;
    }

    static String timedOut(Duration timeout) {
        return "no answer within " + timeout.toSeconds() + "s (timed out; --request-timeout sets the limit)";
    }

    /** The API server's own sentence (never fabric8's dump of the whole Status object). */
    static String statusMessage(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getStatus().getMessage();
        }
        return Messages.firstLine(e.getMessage(), "no message");
    }

    private static String phrase(Throwable cause) {
        if (cause instanceof NoRouteToHostException) {
            return "no route to the server's host";
        }
        if (cause instanceof ConnectException) {
            return "connection refused (nothing listens at that address and port)";
        }
        if (cause instanceof UnknownHostException) {
            return "the server's host name does not resolve (DNS: " + cause.getMessage() + ")";
        }
        if (cause instanceof SSLException || cause instanceof GeneralSecurityException) {
            return "TLS handshake failed: "
                    + Messages.firstLine(cause.getMessage(), cause.getClass().getSimpleName());
        }
        if (Retries.timedOut(cause)) {
            return "no answer in time (" + Messages.firstLine(cause.getMessage(), "timed out") + ")";
        }
        return null;
    }
}
