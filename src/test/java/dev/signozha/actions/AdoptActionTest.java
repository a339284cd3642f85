package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.cluster.helm.ChartReference;
import dev.signozha.cluster.helm.HelmGateway;
import dev.signozha.cluster.helm.HelmRelease;
import dev.signozha.cluster.helm.HelmRevision;
import dev.signozha.cluster.helm.UpgradeRequest;
import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.inventory.SnapshotParser;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.yaml.YamlReader;
import dev.signozha.support.MockCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** adopt against the mock API server, with a release helm installed and a helm that may only be read. */
class AdoptActionTest {

    private static final Path FIXTURES = Path.of("src/test/resources/adopt");

    private MockCluster cluster;
    private KubeSession session;

    @BeforeEach
    void seedTheInstallation() throws IOException {
        cluster = new MockCluster();
        cluster.installClickHouseCrd();
        cluster.seed(
                SnapshotParser.parse("external/live.yaml", Files.readString(FIXTURES.resolve("external/live.yaml")))
                        .all());
        session = new KubeSession(cluster.client(), "context:mock", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private AdoptAction.Result adopt(boolean record) throws IOException {
        JsonNode values = YamlReader.readAll("values", Files.readString(FIXTURES.resolve("external/values.yaml")))
                .get(0)
                .root();
        return new AdoptAction(new ClasspathTemplates(), "test", Clock.systemUTC(), LeaseLock.Timing.system())
                .run(new AdoptAction.Request("platform", "signoz", record), session, new ReadOnlyHelm(values));
    }

    private Optional<StateRecord> record() {
        return session.state("platform", List.of()).read();
    }

    @Test
    void adopt_writesTheTopologyFromTheInstallation_andStartsTheRecordUpgradeNeeds() throws IOException {
        AdoptAction.Result result = adopt(true);
        assertTrue(
                result.adopted().yaml().contains("shards: 2"), result.adopted().yaml());
        assertEquals(Optional.of("ConfigMap/platform/signoz-ha-state"), result.recordedIn());
        StateRecord record = record().orElseThrow();
        assertFalse(record.neverApplied(), "upgrade refuses a release whose record never applied a topology");
        assertEquals(result.adopted().yaml(), record.topology());
        assertEquals("0.112.1", record.chartVersion());
        assertEquals(List.of(), record.manifests(), "the tool applied nothing, so it will prune nothing");
        assertEquals("adopt", record.lastEntry().orElseThrow().command());
        assertTrue(
                cluster.client()
                        .leases()
                        .inNamespace("platform")
                        .list()
                        .getItems()
                        .isEmpty(),
                "the lock is released");
    }

    @Test
    void adoptingAReleaseTheToolAlreadyManages_isRefused_andKeepsItsRecord() throws IOException {
        adopt(true);
        StateRecord before = record().orElseThrow();
        SignozHaException refused = assertThrows(SignozHaException.class, () -> adopt(true));
        assertEquals(4, refused.exitCode().code());
        assertTrue(refused.getMessage().contains("already managed by signoz-ha"), refused.getMessage());
        assertEquals(before, record().orElseThrow());
    }

    @Test
    void noRecord_onlyReads() throws IOException {
        AdoptAction.Result result = adopt(false);
        assertTrue(result.recordedIn().isEmpty());
        assertTrue(record().isEmpty());
    }

    @Test
    void aReleaseHelmDoesNotKnow_isBadInput_andNothingIsWritten() {
        SignozHaException bad = assertThrows(
                SignozHaException.class,
                () -> new AdoptAction(new ClasspathTemplates(), "test", Clock.systemUTC(), LeaseLock.Timing.system())
                        .run(new AdoptAction.Request("platform", "sig", true), session, new ReadOnlyHelm(null)));
        assertEquals(2, bad.exitCode().code());
        assertTrue(bad.getMessage().contains("no Helm release sig in namespace platform"), bad.getMessage());
        assertTrue(record().isEmpty());
    }

    /** helm with release signoz at chart 0.112.1 ({@code values} supplied); any write fails the test. */
    private record ReadOnlyHelm(JsonNode values) implements HelmGateway {

        @Override
        public String version() {
            return "v3.18.0";
        }

        @Override
        public Optional<HelmRelease> status(String namespace, String release) {
            return values == null
                    ? Optional.empty()
                    : Optional.of(new HelmRelease(release, namespace, 3, "deployed", "signoz-0.112.1", "v0.112.1"));
        }

        @Override
        public Optional<JsonNode> suppliedValues(String namespace, String release) {
            return Optional.ofNullable(values);
        }

        @Override
        public Optional<JsonNode> computedValues(String namespace, String release) {
            throw new AssertionError("adopt reads the supplied values: the chart's defaults are not the user's choice");
        }

        @Override
        public Optional<JsonNode> suppliedValues(String namespace, String release, int revision) {
            throw new AssertionError("adopt reads the latest revision's values");
        }

        @Override
        public List<HelmRevision> history(String namespace, String release) {
            throw new AssertionError("adopt reads the status, not the history");
        }

        @Override
        public void upgradeInstall(UpgradeRequest request) {
            throw new AssertionError("adopt must not run helm upgrade");
        }

        @Override
        public void rollback(String namespace, String release, int revision, Duration timeout) {
            throw new AssertionError("adopt must not roll back");
        }

        @Override
        public String template(String namespace, String release, ChartReference chart, List<Path> valuesFiles) {
            throw new AssertionError("adopt renders nothing through helm");
        }
    }
}
