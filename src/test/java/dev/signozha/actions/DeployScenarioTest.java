package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.StateRecord;
import dev.signozha.support.SimulatedCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole deploys against the simulated cluster: the mock API server, the readiness controller, the fake chart. */
class DeployScenarioTest {

    private SimulatedCluster world;

    @BeforeEach
    void start() {
        world = new SimulatedCluster(Duration.ofMillis(30));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void freshDeploy_runsEveryPhaseInOrder_verifies_andRecordsTheState() throws Exception {
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy());
        assertEquals(0, run.exitCode(), run.all());
        List<String> phases = run.progress().lines().filter(line -> line.matches(".*\\[\\d/8] [a-z-]+: .*"))
                .map(line -> line.replaceAll(".*\\[\\d/8] ([a-z-]+): .*", "$1")).distinct().toList();
        assertEquals(List.of("namespace", "clickhouse-operator", "zookeeper", "clickhouse", "signoz", "migration",
                "collectors", "verification"), phases, run.progress());
        StateRecord state = world.session().state(SimulatedCluster.NAMESPACE, List.of()).read().orElseThrow();
        assertEquals("0.131.0", state.chartVersion());
        assertEquals(HistoryEntry.SUCCEEDED, state.lastEntry().orElseThrow().outcome());
        assertTrue(world.helm().calls().contains("upgrade --install altinity-clickhouse-operator 0.25.6 NONE"));
        assertFalse(run.all().contains(SimulatedCluster.PASSWORD));
    }
}
