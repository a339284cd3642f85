package dev.signozha.cluster.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.clickhouse.ClusterHost;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which pod a system.clusters host is (the port-forward itself needs a real API server, which these machines lack). */
class PortForwardHostsTest {

    private static final List<Pod> PODS =
            List.of(pod("chi-ch-prod-0-0-0", "10.1.0.5"), pod("chi-ch-prod-0-1-0", "10.1.0.6"));

    private static Pod pod(String name, String ip) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewStatus()
                .withPodIP(ip)
                .endStatus()
                .build();
    }

    @Test
    void podOf_perHostServiceName_isItsPodWithOrdinalZero() {
        ClusterHost host = new ClusterHost("prod", 1, 2, "chi-ch-prod-0-1", "", 9000);
        assertEquals(
                "chi-ch-prod-0-1-0",
                PortForwardHosts.podOf(host, PODS).orElseThrow().getMetadata().getName());
    }

    @Test
    void podOf_fullyQualifiedName_orPodIp_isFoundToo() {
        ClusterHost fqdn = new ClusterHost("prod", 1, 1, "chi-ch-prod-0-0.platform.svc.cluster.local", "", 9000);
        assertEquals(
                "chi-ch-prod-0-0-0",
                PortForwardHosts.podOf(fqdn, PODS).orElseThrow().getMetadata().getName());
        ClusterHost byAddress = new ClusterHost("prod", 1, 2, "somewhere-else", "10.1.0.6", 9000);
        assertEquals(
                "chi-ch-prod-0-1-0",
                PortForwardHosts.podOf(byAddress, PODS)
                        .orElseThrow()
                        .getMetadata()
                        .getName());
    }

    @Test
    void podOf_unknownHost_isEmpty() {
        assertTrue(PortForwardHosts.podOf(new ClusterHost("prod", 2, 1, "chi-ch-prod-1-0", "10.9.9.9", 9000), PODS)
                .isEmpty());
    }

    @Test
    void seedName_isThePodTheSeedConnectionGoesTo_theFirstReadyOne() {
        Pod notReady = pod("chi-ch-prod-0-0-0", "10.1.0.5");
        Pod ready = new PodBuilder(pod("chi-ch-prod-0-1-0", "10.1.0.6"))
                .editStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build();
        assertEquals(
                "Pod/platform/chi-ch-prod-0-1-0",
                new PortForwardHosts(null, "platform", List.of(notReady, ready), null).seedName());
        assertEquals(
                "Pod/platform/chi-ch-prod-0-0-0",
                new PortForwardHosts(null, "platform", List.of(notReady), null).seedName(),
                "none ready: the pod that is not");
        assertEquals("Namespace/platform", new PortForwardHosts(null, "platform", List.of(), null).seedName());
    }

    @Test
    void credentials_neverShowThePassword() {
        assertEquals("user admin with a password", new Credentials("admin", "hunter2").toString());
    }

    private static Pod withReady(Pod pod, String status) {
        return new PodBuilder(pod)
                .editOrNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus(status)
                .endCondition()
                .endStatus()
                .build();
    }

    @Test
    void seedPod_isTheFirstReadyPod_skippingOnesThatCannotAnswer() {
        Pod notReady = withReady(pod("chi-ch-prod-0-0-0", "10.1.0.5"), "False");
        Pod ready = withReady(pod("chi-ch-prod-0-1-0", "10.1.0.6"), "True");
        Pod noStatus = new PodBuilder()
                .withNewMetadata()
                .withName("chi-ch-prod-1-0-0")
                .endMetadata()
                .build();
        assertEquals(Optional.of(ready), PortForwardHosts.seedPod(List.of(noStatus, notReady, ready)));
        assertEquals(Optional.empty(), PortForwardHosts.seedPod(List.of(noStatus, notReady)));
    }
}
