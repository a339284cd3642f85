package dev.signozha.cluster.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.inventory.Inventory;
import dev.signozha.support.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Fabric8KubeGatewayIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    private MockCluster cluster;
    private long readMillis;
    private KubernetesClient client;

    @BeforeEach
    void startServer() {
        cluster = new MockCluster();
        client = cluster.client();
    }

    @AfterEach
    void stopServer() {
        cluster.close();
    }

    /** Requests one inventory read makes, whatever the size of the cluster. */
    private int requestsFor(int nodes, int pods) {
        SyntheticCluster.seed(client, "platform", nodes, pods);
        int before = cluster.requestCount();
        long start = System.nanoTime();
        Inventory inventory = new Fabric8KubeGateway(client, "context:test", CLOCK).inventory("platform");
        readMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(nodes, inventory.nodes().size());
        assertEquals(pods, inventory.pods().size());
        return cluster.requestCount() - before;
    }

    @Test
    void inventory_threeNodeCluster_makesOneRequestPerKind() {
        int requests = requestsFor(3, 30);
        // 18 since ClickHouseKeeperInstallations are listed too: still one request per kind.
        assertTrue(requests <= 18, requests + " requests");
    }

    @Test
    void inventory_thousandNodesTenThousandPods_makesTheSameNumberOfRequests() {
        int small = requestsFor(3, 30);
        stopServer();
        startServer();
        int large = requestsFor(1000, 10_000);
        System.out.printf(
                "doctor inventory: %d requests for 3 nodes/30 pods, %d for 1000 nodes/10000 pods " + "(read %d ms)%n",
                small, large, readMillis);
        assertEquals(small, large);
    }

    @Test
    void inventory_recordsTheReadTimeAndSource() {
        Inventory inventory = new Fabric8KubeGateway(client, "context:test", CLOCK).inventory("platform");
        assertEquals(CLOCK.instant(), inventory.observedAt());
        assertEquals("context:test", inventory.source());
    }
}
