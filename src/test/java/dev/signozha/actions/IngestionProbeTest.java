package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.signozha.checks.Intended;
import dev.signozha.cluster.clickhouse.ConnectionFactory;
import dev.signozha.cluster.clickhouse.HostConnector;
import dev.signozha.cluster.kube.Fabric8KubeGateway;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.support.HealthyFixture;
import dev.signozha.support.MockCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.AdditionalAnswers;
import org.mockito.ArgumentCaptor;

/** Upgrade's ingestion probe through Kubernetes: cheap enough to sample every few seconds, and asks a ready host. */
class IngestionProbeTest {

    private static final String NOT_READY = "chi-clickhouse-signoz-clickhouse-ha-prod-0-0-0";
    private static final Intended PRODUCTION =
            Intended.of(InputFiles.topology(Path.of("examples/production-2x2.yaml")), "the production example");

    @Test
    void viaKubernetes_listsOnlyTheInstallationsPods_onceASample_andAsksAReadyOne() throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            List<HasMetadata> pods = new ArrayList<>(
                    HealthyFixture.copies(HealthyFixture.inventory().pods(), pod -> true));
            pods.forEach(pod -> pod.getMetadata().setResourceVersion(null));
            pods.stream()
                    .filter(pod -> pod.getMetadata().getName().equals(NOT_READY))
                    .forEach(pod ->
                            ((Pod) pod).getStatus().getContainerStatuses().forEach(status -> status.setReady(false)));
            cluster.seed(pods);
            KubeGateway gateway = mock(
                    KubeGateway.class,
                    AdditionalAnswers.delegatesTo(
                            new Fabric8KubeGateway(cluster.client(), "context:test", Clock.systemUTC())));
            HostConnector refusing = mock(HostConnector.class);
            when(refusing.seed()).thenThrow(new SQLException("Connection refused"));
            @SuppressWarnings("unchecked")
            ArgumentCaptor<List<Pod>> asked = ArgumentCaptor.forClass(List.class);
            doReturn(refusing)
                    .when(gateway)
                    .clickHouseHosts(eq("platform"), asked.capture(), any(ConnectionFactory.class));
            IngestionProbe probe =
                    IngestionProbe.viaKubernetes(gateway, "platform", PRODUCTION, mock(ConnectionFactory.class));

            int before = cluster.requestCount();
            assertEquals(Optional.empty(), probe.sample(), "a host that refuses is no sample");

            assertEquals(1, cluster.requestCount() - before, "one LIST of the installation's pods per sample");
            assertEquals(
                    List.of("chi-clickhouse-signoz-clickhouse-ha-prod-0-1-0"),
                    asked.getValue().stream()
                            .map(pod -> pod.getMetadata().getName())
                            .toList(),
                    "the first ready host");
            verify(gateway, never()).inventory(any());
        }
    }
}
