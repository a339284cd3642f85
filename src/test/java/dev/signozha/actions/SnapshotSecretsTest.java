package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.cluster.kube.Fabric8KubeGateway;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.inventory.SnapshotParser;
import dev.signozha.core.inventory.SnapshotWriter;
import dev.signozha.support.MockCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A snapshot of a cluster holding planted secrets must not contain one of them, yet doctor must still see the default. */
class SnapshotSecretsTest {

    private static final String PLANTED = "Planted-S3cret-4711";
    private static final String CHART_DEFAULT = "27ff0399-0d3a-4bd8-919d-17c2181e6fb9";

    @Test
    void snapshot_clusterWithPlantedSecrets_containsNone() {
        try (MockCluster cluster = new MockCluster()) {
            plant(cluster);
            Inventory inventory = new Fabric8KubeGateway(
                            cluster.client(),
                            "context:mock",
                            Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC))
                    .inventory("platform");
            String snapshot = SnapshotWriter.write(inventory);
            assertFalse(snapshot.contains(PLANTED), "a planted secret is in the snapshot");
            assertFalse(snapshot.contains(CHART_DEFAULT), "the chart default is in the snapshot");
            assertFalse(snapshot.contains("kind: Secret"), "Secrets are never read");
            assertTrue(snapshot.contains("<redacted:signoz-chart-default-password>"), "the default stays recognisable");
            Inventory again = SnapshotParser.parse("snapshot.yaml", snapshot);
            assertEquals(inventory.pods().size(), again.pods().size());
        }
    }

    private static void plant(MockCluster cluster) {
        cluster.client()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("clickhouse-credentials")
                        .withNamespace("platform")
                        .endMetadata()
                        .withStringData(Map.of("password", PLANTED))
                        .build())
                .create();
        cluster.client()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("app")
                        .withNamespace("platform")
                        .withAnnotations(Map.of(
                                "kubectl.kubernetes.io/last-applied-configuration", "{\"token\":\"" + PLANTED + "\"}"))
                        .endMetadata()
                        .withData(Map.of("auth-token", PLANTED, "settings", "x"))
                        .build())
                .create();
        List<EnvVar> env = List.of(
                new EnvVar("CLICKHOUSE_PASSWORD", CHART_DEFAULT, null),
                new EnvVar("SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN", "tcp://admin:" + PLANTED + "@ch:9000/", null),
                new EnvVar("ClickHouseUrl", "ch:9000/?username=admin&password=" + PLANTED, null),
                new EnvVar("S3_SECRET_KEY", PLANTED, null),
                new EnvVar("API_TOKEN", PLANTED, null));
        cluster.client()
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("collector")
                        .withNamespace("platform")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("c")
                        .withImage("x")
                        .withEnv(env)
                        .withArgs("--password=" + PLANTED)
                        .endContainer()
                        .endSpec()
                        .build())
                .create();
    }
}
