package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.plan.LivePlan;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.text.Style;
import dev.signozha.core.topology.ClickHouseMode;
import dev.signozha.core.yaml.YamlReader;
import dev.signozha.support.FakeChart;
import dev.signozha.support.Golden;
import dev.signozha.support.MockCluster;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * adopt, then plan on what it wrote, against installs made with plain Helm from the real chart
 * (src/test/resources/adopt/README.md): the plan shows only what the HA rules demand, each with its reason.
 */
class AdoptRoundTripTest {

    private static final Path FIXTURES = Path.of("src/test/resources/adopt");
    private static final String PASSWORD = "Planted-Adopt-S3cret";

    private MockCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The install in {@code fixture}, adopted and then planned; everything either printed. */
    private record RoundTrip(AdoptAction.Result adopted, PlanAction.Planned planned, String output) {

        LivePlan plan() {
            return planned.plan();
        }

        /** The keys adopt listed as not mapped. */
        List<String> unmapped() {
            return adopted.adopted().unmapped().stream()
                    .map(value -> value.substring(0, value.indexOf(": ")))
                    .toList();
        }
    }

    /**
     * Seeds the install in {@code fixture}, adopts it, does what the notes ask of a person ({@code followNotes}), and
     * plans the adopted topology against the same cluster.
     */
    private RoundTrip roundTrip(String fixture, String namespace, String chartVersion, Consumer<JsonNode> followNotes)
            throws IOException {
        cluster = new MockCluster();
        cluster.installClickHouseCrd();
        Path dir = FIXTURES.resolve(fixture);
        try (InputStream live = Files.newInputStream(dir.resolve("live.yaml"))) {
            // The chart's ClusterRole and its binding are left out: nothing here reads them, and the mock server's
            // CRUD mode cannot store cluster-scoped RBAC objects.
            cluster.seed(cluster.client().load(live).items().stream()
                    .filter(object -> !object.getKind().startsWith("ClusterRole"))
                    .toList());
        }
        JsonNode values = yaml(dir.resolve("values.yaml"));
        FakeChart helm = new FakeChart(cluster);
        helm.recordRevision(chartVersion, values, "deployed");
        helm.chartDefaults(yaml(dir.resolve("computed-values.yaml")));
        KubeSession session = new KubeSession(cluster.client(), "context:mock", Clock.systemUTC());
        AdoptAction.Result adopted = new AdoptAction(
                        new ClasspathTemplates(), "test", Clock.systemUTC(), LeaseLock.Timing.system())
                .run(new AdoptAction.Request(namespace, "signoz", true), session, helm);
        followNotes.accept(values);
        PlanAction.Planned planned = new PlanAction(new ClasspathTemplates())
                .compute("adopted.yaml", adopted.adopted().yaml(), Optional.empty(), session.gateway(), helm);
        assertEquals(List.of(), helm.calls(), "neither adopt nor plan runs helm");
        String output = adopted.adopted().yaml()
                + String.join("\n", adopted.report("adopted.yaml")) + "\n\n"
                + planned.result().text(Style.PLAIN);
        return new RoundTrip(adopted, planned, output);
    }

    private static JsonNode yaml(Path file) throws IOException {
        return YamlReader.readAll(file.toString(), Files.readString(file))
                .get(0)
                .root();
    }

    /** Every change the plan shows, as {@code where: path (disruption): reason}. */
    private static List<String> changes(LivePlan plan) {
        List<String> changes = new ArrayList<>();
        plan.values()
                .changes()
                .forEach(change -> changes.add(
                        "values: " + change.change().path() + " (" + change.disruption() + "): " + change.reason()));
        plan.objects().stream()
                .filter(step -> step.action() != LivePlan.Action.UNCHANGED)
                .forEach(step -> changes.add(
                        step.id() + " " + step.action() + " (" + step.disruption() + "): " + step.reason()));
        return changes;
    }

    private static final String DROPPED =
            "(ROLLING_RESTART): set in the release's values, not by the topology: a deploy drops it (adopt lists it as "
                    + "not mapped)";
    private static final String SIGNOZ_VOLUME =
            "(DESTRUCTIVE): SigNoz's volume claims cannot change: helm fails, or its "
                    + "StatefulSet is re-created with an empty volume";

    @Test
    void bundled_planOnTheAdoptedTopology_showsTheHaRules_andWhatHasNoTopologyField_eachWithItsReason()
            throws IOException {
        RoundTrip trip = roundTrip("bundled", "observability", "0.131.0", this::createTheSecretTheNoteAsksFor);
        Golden.assertMatches(trip.output(), "adopt/bundled-round-trip.txt");
        List<String> unmapped = List.of(
                "clickhouse.clickhouseOperator.nodeSelector.pool",
                "clickhouse.nodeSelector.pool",
                "clickhouse.tolerations",
                "otelCollector.resources.requests.cpu",
                "otelCollector.resources.requests.memory",
                "signoz.ingress.annotations.cert-manager.io/cluster-issuer",
                "signoz.ingress.tls",
                "signoz.persistence.size",
                "signoz.resources.requests.cpu",
                "signoz.resources.requests.memory",
                "global.storageClass");
        assertEquals(unmapped, trip.unmapped());
        assertEquals(
                List.of(
                        "values: clickhouse.clickhouseOperator.nodeSelector.pool " + DROPPED,
                        "values: clickhouse.nodeSelector.pool " + DROPPED,
                        "values: clickhouse.tolerations " + DROPPED,
                        "values: clickhouse.zookeeper.pdb.create (NONE): HA rule: a disruption budget keeps a drain "
                                + "from taking ZooKeeper's quorum; no pod restarts",
                        "values: clickhouse.zookeeper.podAntiAffinityPreset (ROLLING_RESTART): HA rule: ZooKeeper "
                                + "members on distinct nodes, so one node cannot take the quorum",
                        "values: clickhouse.zookeeper.resources.limits.memory (ROLLING_RESTART): HA rule: a memory "
                                + "limit, so the node's OOM killer does not pick this pod first",
                        "values: global.storageClass (DESTRUCTIVE): class of the chart's volumes that name none "
                                + "(SigNoz's): a StatefulSet's claims cannot change, so helm fails",
                        "values: otelCollector.resources.requests.cpu " + DROPPED,
                        "values: otelCollector.resources.requests.memory " + DROPPED,
                        "values: signoz.ingress.annotations.cert-manager.io/cluster-issuer " + DROPPED,
                        "values: signoz.ingress.tls " + DROPPED,
                        "values: signoz.persistence.size " + SIGNOZ_VOLUME,
                        "values: signoz.resources.requests.cpu " + DROPPED,
                        "values: signoz.resources.requests.memory " + DROPPED),
                changes(trip.plan()),
                "every chart default adopt wrote out (cluster, host, image, user, ports...) is no change");
        assertEquals(List.of(), trip.planned().result().errors(), "the password Secret the note asked for exists");
        assertFalse(trip.output().contains(PASSWORD), "the password is referenced, never copied");
        assertFalse(trip.planned().topologyText().contains(PASSWORD));
    }

    @Test
    void external_installationOfAnotherRelease_isAdoptedAsExisting_andThePlanLeavesItAndItsZooKeeperAlone()
            throws IOException {
        RoundTrip trip = roundTrip("external", "platform", "0.112.1", values -> {});
        Golden.assertMatches(trip.output(), "adopt/external-round-trip.txt");
        assertEquals(
                List.of(
                        "otelCollector.nodeSelector.pool",
                        "otelCollector.resources.requests.cpu",
                        "otelCollector.resources.requests.memory",
                        "otelCollector.tolerations",
                        "signoz.persistence.size",
                        "signoz.persistence.storageClass"),
                trip.unmapped());
        assertEquals(
                List.of(
                        "values: otelCollector.nodeSelector.pool " + DROPPED,
                        "values: otelCollector.resources.requests.cpu " + DROPPED,
                        "values: otelCollector.resources.requests.memory " + DROPPED,
                        "values: otelCollector.tolerations " + DROPPED,
                        "values: signoz.persistence.size " + SIGNOZ_VOLUME,
                        "values: signoz.persistence.storageClass " + SIGNOZ_VOLUME),
                changes(trip.plan()),
                "release clickhouse's installation and ZooKeeper are neither taken over nor replaced: only what has "
                        + "no topology field changes");
        assertEquals(ClickHouseMode.EXISTING, trip.planned().spec().clickhouse().mode());
        assertEquals(
                List.of("existing mode: the ClickHouse installation behind host clickhouse is not managed by "
                        + "signoz-ha: nothing renders, changes or deletes it"),
                trip.planned().result().notes());
        assertEquals(List.of(), trip.planned().result().errors(), "the existing Secret is referenced");
        assertFalse(trip.output().contains(PASSWORD), "the password is referenced, never copied");
    }

    /** What the adopt note's kubectl command does: the release's password, moved into the Secret the topology names. */
    private void createTheSecretTheNoteAsksFor(JsonNode values) {
        cluster.client()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("clickhouse-credentials")
                        .withNamespace("observability")
                        .endMetadata()
                        .withStringData(Map.of(
                                "password",
                                values.path("clickhouse").path("password").asText()))
                        .build())
                .create();
    }
}
