package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signozha.core.inventory.SnapshotParser;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.TopologyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which installation a topology means, and so which one doctor judges and cleanup keeps. */
class IntendedTest {

    private static final Path PRODUCTION = Path.of("examples/production-2x2.yaml");

    /** Release clickhouse's installation, as SigNoz's clickhouse chart makes it: Service clickhouse. */
    private static final ClusterView VIEW = new ClusterView(SnapshotParser.parse("test", """
                    apiVersion: v1
                    kind: List
                    items:
                    - apiVersion: clickhouse.altinity.com/v1
                      kind: ClickHouseInstallation
                      metadata:
                        name: clickhouse
                        namespace: platform
                        labels: {app.kubernetes.io/instance: clickhouse, app.kubernetes.io/managed-by: Helm}
                      spec:
                        defaults: {templates: {serviceTemplate: service-template}}
                        configuration:
                          clusters:
                          - name: cluster
                            layout: {shardsCount: 2, replicasCount: 2}
                        templates:
                          serviceTemplates:
                          - name: service-template
                            generateName: signoz-clickhouse
                    """), "platform");

    private static LoadedTopology topology(String mode) throws IOException {
        String text = Files.readString(PRODUCTION)
                .replace("mode: external", "mode: " + mode)
                .replace("host: clickhouse-signoz-clickhouse-ha", "host: signoz-clickhouse");
        return TopologyLoader.load("topology.yaml", text);
    }

    @Test
    void existingMode_theInstallationIsTheOneTheHostLeadsTo_whateverItsName() throws IOException {
        Intended intended = Intended.of(topology("existing"), "topology file", Optional.of(VIEW));
        assertEquals("clickhouse", intended.installation());
        assertEquals("signoz-clickhouse", intended.host());
    }

    @Test
    void externalMode_theInstallationIsNamedAfterTheHost_asTheToolNamesItsOwn() throws IOException {
        assertEquals(
                "signoz-clickhouse",
                Intended.of(topology("external"), "topology file", Optional.of(VIEW))
                        .installation());
    }

    @Test
    void existingMode_cleanupNeverDeletesTheInstallationTheHostLeadsTo_evenWhenAskedByName() throws IOException {
        Intended intended = Intended.of(topology("existing"), "topology file", Optional.of(VIEW));
        CleanupPlanner.Plan plan =
                CleanupPlanner.plan(VIEW, Optional.of(intended.host()), Optional.of("clickhouse"), Optional.empty());
        assertEquals(List.of(), plan.deletions());
        assertEquals(
                List.of("ClickHouseInstallation/platform/clickhouse is in use: the topology's host connect(s) to "
                        + "signoz-clickhouse"),
                plan.refusals());
    }
}
