package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckResult;
import dev.signozha.checks.Finding;
import dev.signozha.cluster.kube.Fabric8KubeGateway;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.inventory.SnapshotParser;
import dev.signozha.support.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same fixture clusters served by a real HTTP API (the fabric8 mock server in CRUD mode), read through
 * the real client: doctor must reach the same verdicts as from the snapshot files.
 */
class DoctorMockClusterTest {

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> fixtures() {
        return DoctorFixturesTest.fixtures();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void doctor_liveMockCluster_findsTheSameErrorsAsTheSnapshot(String fixture, Set<String> errors, String object)
            throws Exception {
        Set<String> found = new TreeSet<>();
        doctor(fixture).report().results().stream()
                .filter(CheckResult::isError)
                .forEach(r -> found.add(r.spec().code()));
        assertEquals(errors, found);
    }

    @Test
    void doctor_liveMockCluster_readsTheNodesEventsFromNamespaceDefault() throws Exception {
        List<String> details = doctor("evictions").report().results().stream()
                .filter(r -> r.spec() == CheckCatalog.POD_EVICTIONS)
                .flatMap(r -> r.findings().stream())
                .map(Finding::detail)
                .toList();
        assertTrue(
                details.stream()
                        .anyMatch(d -> d.startsWith("the kernel on node node-a killed clickhouse-serv (pid 4127)")),
                details.toString());
    }

    private static DoctorAction.Result doctor(String fixture) throws Exception {
        Inventory seed = SnapshotParser.parse(fixture, Files.readString(Path.of(DoctorFixturesTest.snapshot(fixture))));
        try (MockCluster cluster = new MockCluster()) {
            cluster.seed(seed.all());
            Fabric8KubeGateway gateway = new Fabric8KubeGateway(
                    cluster.client(), "context:mock", Clock.fixed(seed.observedAt(), ZoneOffset.UTC));
            return new DoctorAction()
                    .run(new DoctorAction.Request(
                            gateway::inventory, "platform", null, ClickHouseAccess.none("not in this test")));
        }
    }
}
