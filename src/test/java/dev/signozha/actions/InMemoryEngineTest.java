package dev.signozha.actions;

import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.state.StateRecord;
import dev.signozha.support.FakeChart;
import dev.signozha.support.InMemoryCluster;
import dev.signozha.support.SimulatedCluster;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Upgrade scenarios on the engine's hand-written fakes: the cluster in memory, helm, and ClickHouse's data answers. */
abstract class InMemoryEngineTest {

    protected final InMemoryCluster cluster =
            new InMemoryCluster(SimulatedCluster.NAMESPACE, SimulatedCluster.PASSWORD);
    protected final FakeChart helm = new FakeChart(cluster);

    @AfterEach
    void closeCluster() {
        cluster.close();
    }

    protected SimulatedCluster.Run run(DeployAction.Request request, ClickHouseData data) throws InterruptedException {
        return SimulatedCluster.run(SimulatedCluster.inMemory(cluster, helm, data), request, new ClasspathTemplates());
    }

    /** The same, looking inside ClickHouse through {@code clickhouse}. */
    protected SimulatedCluster.Run run(DeployAction.Request request, ClickHouseData data, ClickHouseAccess clickhouse)
            throws InterruptedException {
        return SimulatedCluster.run(
                SimulatedCluster.inMemory(cluster, helm, data, clickhouse), request, new ClasspathTemplates());
    }

    protected StateRecord state() {
        return cluster.state(SimulatedCluster.NAMESPACE, List.of()).read().orElseThrow();
    }
}
