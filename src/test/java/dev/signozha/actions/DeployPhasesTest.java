package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.plan.Disruption;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.text.Style;
import dev.signozha.support.FakeChart;
import dev.signozha.support.InMemoryCluster;
import dev.signozha.support.SimulatedCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The phase lists the one factory builds from a plan: their order, timeouts, and what each may disrupt. */
class DeployPhasesTest {

    private final InMemoryCluster cluster = new InMemoryCluster(SimulatedCluster.NAMESPACE, SimulatedCluster.PASSWORD);
    private final FakeChart helm = new FakeChart(cluster);
    private final DeployAction.Cluster target = new DeployAction.Cluster(
            cluster,
            helm,
            ClickHouseAccess.none("in-memory"),
            topology -> IngestionProbe.none(),
            topology -> ClickHouseData.none("in-memory"));

    @AfterEach
    void close() {
        cluster.close();
    }

    private List<Phase> phases(DeployAction.Request request) {
        PlanAction.Planned planned = new PlanAction(new ClasspathTemplates())
                .compute(request.source(), request.topologyText(), request.chartVersion(), cluster.gateway(), helm);
        DeployAction.Console console = new DeployAction.Console(
                new PrintWriter(new StringWriter()),
                Progress.log(new PrintWriter(new StringWriter()), Clock.systemUTC()),
                Confirmer.nobody(),
                Style.PLAIN);
        return new DeployPhases(planned, request, target, console, LeaseLock.Timing.system()).phases();
    }

    private static Map<DeployPhase, Phase> byName(List<Phase> phases) {
        return phases.stream().collect(Collectors.toMap(Phase::name, Function.identity()));
    }

    @Test
    void external_everyPhaseInOrder_withTheRequestsTimeouts() {
        DeployAction.Request request = SimulatedCluster.deploy().toBuilder()
                .timeout(DeployPhase.CLICKHOUSE, Duration.ofMinutes(45))
                .build();
        List<Phase> phases = phases(request);
        assertEquals(
                List.of(
                        DeployPhase.NAMESPACE,
                        DeployPhase.OPERATOR,
                        DeployPhase.ZOOKEEPER,
                        DeployPhase.CLICKHOUSE,
                        DeployPhase.CLICKHOUSE_VERSION,
                        DeployPhase.MIGRATION,
                        DeployPhase.SIGNOZ,
                        DeployPhase.COLLECTORS,
                        DeployPhase.VERIFICATION),
                phases.stream().map(Phase::name).toList());
        assertEquals(
                Duration.ofMinutes(45),
                byName(phases).get(DeployPhase.CLICKHOUSE).timeout());
        assertEquals(
                Duration.ofSeconds(20),
                byName(phases).get(DeployPhase.ZOOKEEPER).timeout());
        phases.forEach(phase -> assertEquals(Disruption.NONE, phase.disrupts(), phase.name() + " creates only"));
    }

    @Test
    void existing_onlyTheChartIsApplied_noOperatorZooKeeperOrClickHousePhase() {
        String existing = SimulatedCluster.deploy().topologyText().replace("mode: external", "mode: existing");
        List<Phase> phases =
                phases(SimulatedCluster.request(DeployAction.Kind.DEPLOY, existing, java.util.Optional.empty()));
        assertEquals(
                List.of(
                        DeployPhase.NAMESPACE,
                        DeployPhase.SIGNOZ,
                        DeployPhase.MIGRATION,
                        DeployPhase.COLLECTORS,
                        DeployPhase.VERIFICATION),
                phases.stream().map(Phase::name).toList());
    }

    @Test
    void aChangedZooKeeper_isWhatTheZooKeeperPhaseMayDisrupt_andNothingElse() throws Exception {
        assertEquals(
                0,
                SimulatedCluster.run(target, SimulatedCluster.deploy(), new ClasspathTemplates())
                        .exitCode());
        String moreMemory =
                SimulatedCluster.deploy().topologyText().replace("limits: {memory: 2Gi}", "limits: {memory: 3Gi}");
        Map<DeployPhase, Phase> phases = byName(
                phases(SimulatedCluster.request(DeployAction.Kind.DEPLOY, moreMemory, java.util.Optional.empty())));
        assertEquals(
                Disruption.ROLLING_RESTART, phases.get(DeployPhase.ZOOKEEPER).disrupts());
        phases.values().stream()
                .filter(phase -> phase.name() != DeployPhase.ZOOKEEPER)
                .forEach(phase -> assertEquals(
                        Disruption.NONE, phase.disrupts(), phase.name().label()));
    }
}
