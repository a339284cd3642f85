package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.cluster.helm.ChartReference;
import dev.signozha.cluster.helm.HelmGateway;
import dev.signozha.cluster.helm.HelmRelease;
import dev.signozha.cluster.helm.HelmRevision;
import dev.signozha.cluster.helm.UpgradeRequest;
import dev.signozha.cluster.kube.Fabric8KubeApplier;
import dev.signozha.cluster.kube.Fabric8KubeGateway;
import dev.signozha.core.plan.Disruption;
import dev.signozha.core.plan.LivePlan;
import dev.signozha.core.plan.LivePlanText;
import dev.signozha.core.plan.LivePlanner;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.render.Renderer;
import dev.signozha.core.text.Style;
import dev.signozha.core.topology.TopologyLoader;
import dev.signozha.support.FakeChart;
import dev.signozha.support.Golden;
import dev.signozha.support.MockCluster;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan against a live cluster: the production example applied into the mock API server, then planned again. */
class LivePlanActionTest {

    private static final Path PRODUCTION = Path.of("examples/production-2x2.yaml");

    private MockCluster cluster;
    private Fabric8KubeGateway gateway;
    private RenderedRelease applied;

    @BeforeEach
    void installProduction() {
        cluster = MockCluster.withServerSideApply();
        cluster.installClickHouseCrd();
        applied = new Renderer(new ClasspathTemplates())
                .render(TopologyLoader.load(PRODUCTION.toString(), InputFiles.readText(PRODUCTION))
                        .topology());
        Fabric8KubeApplier applier = new Fabric8KubeApplier(cluster.client());
        for (Manifest manifest : applied.manifests()) {
            applier.apply(manifest.body(), false);
        }
        gateway = new Fabric8KubeGateway(cluster.client(), "context:mock", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private PlanAction.LiveResult plan(Path topology, JsonNode suppliedValues) {
        return new PlanAction(new ClasspathTemplates()).live(topology, gateway, new SuppliedValuesOnly(suppliedValues));
    }

    @Test
    void live_nothingChanged_isAllUnchangedAndDisruptsNothing() {
        PlanAction.LiveResult result = plan(PRODUCTION, applied.values());
        assertEquals(applied.manifests().size(), result.plan().count(LivePlan.Action.UNCHANGED));
        assertFalse(result.plan().hasChanges());
        assertEquals(Disruption.NONE, result.plan().disruption());
        Golden.assertMatches(result.text(Style.PLAIN), "plan/live-unchanged.txt");
    }

    @Test
    void live_fewerShards_isAnUpdateClassifiedDestructive(@TempDir Path dir) throws Exception {
        Path oneShard = Files.writeString(
                dir.resolve("one-shard.yaml"), Files.readString(PRODUCTION).replace("shards: 2", "shards: 1"));
        LivePlan plan = plan(oneShard, applied.values()).plan();
        assertEquals(Disruption.DESTRUCTIVE, plan.disruption());
        LivePlan.ObjectStep installation = plan.objects().stream()
                .filter(step -> step.id().startsWith("ClickHouseInstallation/"))
                .findFirst()
                .orElseThrow();
        assertEquals(LivePlan.Action.UPDATE, installation.action());
    }

    @Test
    void live_objectNoLongerRendered_isDeleted_andFirstInstallCreatesTheValues() {
        cluster.client()
                .resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("signoz-ha-keeper")
                        .withNamespace("platform")
                        .withLabels(Map.of("app.kubernetes.io/managed-by", "signoz-ha"))
                        .endMetadata()
                        .withNewSpec()
                        .addNewPort()
                        .withPort(2181)
                        .endPort()
                        .endSpec()
                        .build())
                .create();
        LivePlan plan = plan(PRODUCTION, null).plan();
        assertEquals(1, plan.count(LivePlan.Action.DELETE));
        assertEquals(LivePlan.Action.CREATE, plan.values().action());
    }

    @Test
    void live_existingMode_neverDeletesTheInstallationOrZooKeeperAnEarlierDeployLabelled(@TempDir Path dir)
            throws Exception {
        Path existing = Files.writeString(
                dir.resolve("existing.yaml"), Files.readString(PRODUCTION).replace("mode: external", "mode: existing"));
        PlanAction.LiveResult result = plan(existing, applied.values());
        assertEquals(0, result.plan().count(LivePlan.Action.DELETE), result.text(Style.PLAIN));
        assertEquals(0, result.plan().count(LivePlan.Action.CREATE), "nothing of ClickHouse is rendered");
        assertEquals(
                List.of("existing mode: the ClickHouse installation behind host clickhouse-signoz-clickhouse-ha is not "
                        + "managed by signoz-ha: nothing renders, changes or deletes it"),
                result.notes());
    }

    @Test
    void live_preflight_runsTheDoctorsKubernetesChecks() {
        PlanAction.LiveResult result = plan(PRODUCTION, applied.values());
        assertTrue(result.preflight().results().stream()
                .anyMatch(r -> r.spec().code().equals("OPERATOR_MISSING")));
        assertTrue(result.data().path("preflight").path("summary").has("errors"));
        assertEquals("live", result.data().path("mode").asText());
    }

    @Test
    void live_afterAFailedUpgrade_comparesWithTheLastDeployedRevision_andSaysTheLatestFailed() {
        FakeChart helm = new FakeChart(cluster);
        helm.recordRevision("0.131.0", applied.values(), "deployed");
        ObjectNode interrupted = applied.values().deepCopy();
        ((ObjectNode) interrupted.path("otelCollector")).put("replicaCount", 5);
        helm.recordRevision("0.132.0", interrupted, "failed");
        PlanAction.LiveResult result = new PlanAction(new ClasspathTemplates()).live(PRODUCTION, gateway, helm);
        List<String> changed = result.plan().values().changes().stream()
                .map(change -> change.change().path())
                .toList();
        assertEquals(
                List.of(LivePlanner.RELEASE_STATUS),
                changed,
                "no chart version going backwards, no replica " + "change back from what never deployed");
        Golden.assertMatches(LivePlanText.render(result.plan(), Style.PLAIN), "live-plan/after-failed-upgrade.txt");
    }

    /** Helm as far as plan uses it: the release's supplied values. */
    private record SuppliedValuesOnly(JsonNode values) implements HelmGateway {

        @Override
        public Optional<JsonNode> suppliedValues(String namespace, String release) {
            return Optional.ofNullable(values);
        }

        @Override
        public Optional<JsonNode> computedValues(String namespace, String release) {
            return Optional.ofNullable(values);
        }

        @Override
        public Optional<JsonNode> suppliedValues(String namespace, String release, int revision) {
            throw new UnsupportedOperationException("the latest revision is deployed");
        }

        @Override
        public String version() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<HelmRelease> status(String namespace, String release) {
            return Optional.ofNullable(values)
                    .map(v -> new HelmRelease(release, namespace, 1, "deployed", "signoz-0.131.0", ""));
        }

        @Override
        public List<HelmRevision> history(String namespace, String release) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void upgradeInstall(UpgradeRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void rollback(String namespace, String release, int revision, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String template(String namespace, String release, ChartReference chart, List<Path> valuesFiles) {
            throw new UnsupportedOperationException();
        }
    }
}
