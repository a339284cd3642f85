package dev.signozha.cluster.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The cause phrase of each way a request to the API server can fail, as fabric8 wraps them. */
class ConnectionCauseTest {

    @Test
    void networkCauses_areNamedWhereverTheyAreInTheChain() {
        assertEquals(
                "the server's host name does not resolve (DNS: api.prod.invalid)",
                ConnectionCause.describe(wrapped(new UnknownHostException("api.prod.invalid"))));
        assertEquals(
                "TLS handshake failed: PKIX path building failed",
                ConnectionCause.describe(wrapped(new SSLHandshakeException("PKIX path building failed"))));
        assertEquals(
                "connection refused (nothing listens at that address and port)",
                ConnectionCause.describe(wrapped(new ConnectException("Connection refused"))));
        assertTrue(ConnectionCause.unavailable(wrapped(new ConnectException("Connection refused"))));
    }

    @Test
    void forbidden_isTheApiServersSentence_notTheStatusObject() {
        KubernetesClientException forbidden = new KubernetesClientException(new StatusBuilder()
                .withCode(403)
                .withMessage("nodes is forbidden: User \"u\" cannot list resource \"nodes\" in API group \"\" at the "
                        + "cluster scope")
                .build());
        assertEquals(
                "403 Forbidden: nodes is forbidden: User \"u\" cannot list resource \"nodes\" in API group \"\" at "
                        + "the cluster scope",
                ConnectionCause.describe(forbidden));
        assertTrue(ConnectionCause.unavailable(forbidden));
    }

    @Test
    void anAnswerOfTheServer_isNoConnectionFailure() {
        KubernetesClientException conflict = new KubernetesClientException(new StatusBuilder()
                .withCode(409)
                .withMessage("the object has been modified")
                .build());
        assertFalse(ConnectionCause.unavailable(conflict));
        assertNull(ConnectionCause.describe(conflict));
    }

    @Test
    void timedOut_namesTheLimitAndTheFlag() {
        assertEquals(
                "no answer within 30s (timed out; --request-timeout sets the limit)",
                ConnectionCause.timedOut(Duration.ofSeconds(30)));
    }

    private static KubernetesClientException wrapped(Exception cause) {
        return new KubernetesClientException(
                "Operation: [get] for kind: [CustomResourceDefinition] failed.",
                new java.io.IOException(cause.getMessage(), cause));
    }
}
