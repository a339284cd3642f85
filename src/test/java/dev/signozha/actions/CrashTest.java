package dev.signozha.actions;

import dev.signozha.support.RequestEdit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.DeployProcess;
import dev.signozha.support.SimulatedCluster;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A deploy killed with SIGKILL at ten different points (after its 1st to 10th progress line, which spreads the
 * kills over every phase), then run again: the second run waits out the dead run's lock (its TTL is 2 s here)
 * and converges, with exactly one of each object.
 */
class CrashTest {

    private static final long LOCK_TTL_SECONDS = 2;

    @ParameterizedTest(name = "killed after progress line {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void deployKilledMidway_thenRerun_converges_withoutDuplicates_orAStaleLockInTheWay(int killAfter, @TempDir Path dir)
            throws Exception {
        try (SimulatedCluster world = new SimulatedCluster(Duration.ofMillis(150))) {
            Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), world.mock().kubeconfig(SimulatedCluster.NAMESPACE));
            Process deploy = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), DeployProcess.class.getName(), kubeconfig.toString(),
                    String.valueOf(LOCK_TTL_SECONDS), "0")).redirectErrorStream(true).start();
            List<String> seen = readUntilProgressLine(deploy, killAfter);
            deploy.destroyForcibly();
            assertTrue(deploy.waitFor(10, TimeUnit.SECONDS), "the killed process is gone");
            assertTrue(seen.stream().noneMatch(line -> line.startsWith("Deployed")), "killed before it finished: " + seen);
            assertEquals(1, world.session().gateway().inventory(SimulatedCluster.NAMESPACE).leases().size(),
                    "the dead run's lock is left behind for the next run to wait out");

            SimulatedCluster.Run again = world.run(RequestEdit.of(SimulatedCluster.deploy())
                    .lockWait(Duration.ofSeconds(3 * LOCK_TTL_SECONDS)).build());
            assertEquals(0, again.exitCode(), "killed after: " + seen + "\n" + again.all());
            assertEquals(1, count(world, "signoz-ha-zookeeper"), "one ZooKeeper StatefulSet");
            assertEquals(1, world.session().gateway().inventory(SimulatedCluster.NAMESPACE).clickHouseInstallations().size());
            assertTrue(world.session().gateway().inventory(SimulatedCluster.NAMESPACE).leases().isEmpty(), "lock released");
        }
    }

    /** Lines of the child until its {@code n}-th progress line (or its end, if it finishes first). */
    private static List<String> readUntilProgressLine(Process process, int n) throws Exception {
        List<String> lines = new ArrayList<>();
        int progress = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.matches(".*\\[\\d/8] .*") && ++progress == n) {
                    return lines;
                }
            }
        }
        return lines;
    }

    private static long count(SimulatedCluster world, String name) {
        return world.mock().client().apps().statefulSets().inNamespace(SimulatedCluster.NAMESPACE).list().getItems()
                .stream().filter(set -> set.getMetadata().getName().equals(name)).count();
    }
}
