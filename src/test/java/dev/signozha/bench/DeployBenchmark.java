package dev.signozha.bench;

import dev.signozha.support.SimulatedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The tool's own overhead on a simulated deploy: a fresh external-mode deploy of the production example into the
 * mock API server, where the readiness controller makes each workload ready {@code D} after it appears. Four
 * waits lie on the critical path (the operator, ZooKeeper, the ClickHouseInstallation, and the chart's workloads,
 * which the chart creates together), so the simulated delays total 4 x D; the rest of the wall time is the tool
 * (planning, preflight, applies, watches, verification) plus the controller's 5 ms polling and the mock server.
 * Prints the median of several runs per D. Usage: bench/deploy.sh
 */
public final class DeployBenchmark {

    private static final int WAITS_ON_CRITICAL_PATH = 4;
    private static final int RUNS = 5;

    private DeployBenchmark() {}

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset();
        median(0); // warm-up: class loading and JIT, which a one-shot CLI run pays as start-up instead
        System.out.println("simulated deploy (external mode, 2 shards x 2 replicas), median of " + RUNS + " runs");
        System.out.printf("%-10s %-12s %-18s %s%n", "delay D", "wall", "simulated (4 x D)", "tool overhead");
        for (long delay : new long[] {0, 250, 1000}) {
            Duration wall = median(delay);
            Duration simulated = Duration.ofMillis(delay * WAITS_ON_CRITICAL_PATH);
            System.out.printf(
                    "%-10s %-12s %-18s %s%n",
                    delay + " ms",
                    wall.toMillis() + " ms",
                    simulated.toMillis() + " ms",
                    wall.minus(simulated).toMillis() + " ms");
        }
    }

    private static Duration median(long delay) throws Exception {
        List<Duration> walls = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            try (SimulatedCluster world = new SimulatedCluster(Duration.ofMillis(delay))) {
                SimulatedCluster.Run deploy = world.run(SimulatedCluster.deploy());
                if (deploy.exitCode() != 0) {
                    throw new IllegalStateException("the simulated deploy failed:\n" + deploy.all());
                }
                walls.add(deploy.wall());
            }
        }
        Collections.sort(walls);
        return walls.get(walls.size() / 2);
    }
}
