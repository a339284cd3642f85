package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.plan.LivePlan;
import dev.signozha.core.plan.LivePlanText;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.text.Style;
import dev.signozha.core.yaml.YamlReader;
import dev.signozha.support.FakeChart;
import dev.signozha.support.Golden;
import dev.signozha.support.MockCluster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private record RoundTrip(AdoptAction.Result adopted, LivePlan plan, String output) {}

    private RoundTrip roundTrip(String fixture, String namespace, String chartVersion) throws IOException {
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
        FakeChart helm = new FakeChart(cluster);
        helm.recordRevision(chartVersion, yaml(dir.resolve("values.yaml")), "deployed");
        helm.chartDefaults(yaml(dir.resolve("computed-values.yaml")));
        KubeSession session = new KubeSession(cluster.client(), "context:mock", Clock.systemUTC());
        AdoptAction.Result adopted = new AdoptAction(
                        new ClasspathTemplates(), "test", Clock.systemUTC(), LeaseLock.Timing.system())
                .run(new AdoptAction.Request(namespace, "signoz", true), session, helm);
        PlanAction.Planned planned = new PlanAction(new ClasspathTemplates())
                .compute("adopted.yaml", adopted.adopted().yaml(), Optional.empty(), session.gateway(), helm);
        assertEquals(List.of(), helm.calls(), "neither adopt nor plan runs helm");
        String output = adopted.adopted().yaml()
                + String.join("\n", adopted.report("adopted.yaml")) + "\n\n"
                + planned.result().text(Style.PLAIN);
        return new RoundTrip(adopted, planned.plan(), output);
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

    @Test
    void bundled_planOnTheAdoptedTopology_changesOnlyWhatTheHaRulesDemand() throws IOException {
        RoundTrip trip = roundTrip("bundled", "observability", "0.131.0");
        Golden.assertMatches(trip.output(), "adopt/bundled-round-trip.txt");
        assertEquals(List.of(), changes(trip.plan()));
        assertEquals(List.of(), trip.adopted().adopted().unmapped());
        assertFalse(trip.output().contains(PASSWORD), "the password is referenced, never copied");
    }

    @Test
    void external_planOnTheAdoptedTopology_changesOnlyWhatTheHaRulesDemand() throws IOException {
        RoundTrip trip = roundTrip("external", "platform", "0.112.1");
        Golden.assertMatches(trip.output(), "adopt/external-round-trip.txt");
        assertEquals(List.of(), changes(trip.plan()));
        assertEquals(List.of(), trip.adopted().adopted().unmapped());
        assertFalse(trip.output().contains(PASSWORD), "the password is referenced, never copied");
    }

    static String text(LivePlan plan) {
        return LivePlanText.render(plan, Style.PLAIN);
    }
}
