package dev.signozha.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the real command line needs to run against the simulated cluster in {@code dir}: the cluster (its fake chart
 * keeping the Helm revisions in a file), the helm stand-in sharing that file, and a kubeconfig for the mock API
 * server.
 */
public record StandInCluster(SimulatedCluster world, HelmStandInScript helm, Path kubeconfig) implements AutoCloseable {

    public static StandInCluster open(Path dir, boolean hangInUpgrade) throws IOException {
        Path revisions = dir.resolve("helm-revisions.json");
        SimulatedCluster world = new SimulatedCluster(Duration.ofMillis(30), revisions);
        return new StandInCluster(
                world,
                HelmStandInScript.write(dir, revisions, hangInUpgrade),
                Files.writeString(dir.resolve("kubeconfig"), world.mock().kubeconfig(SimulatedCluster.NAMESPACE)));
    }

    @Override
    public void close() {
        world.close();
    }
}
