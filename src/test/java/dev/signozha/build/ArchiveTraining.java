package dev.signozha.build;

import dev.signozha.commands.Cli;
import dev.signozha.support.HealthyFixture;
import dev.signozha.support.MockCluster;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.LogManager;
import picocli.CommandLine;

/**
 * The training run behind the class-data sharing archive that {@code mvn package} builds: the commands people run
 * most, in one JVM started with {@code -XX:DumpLoadedClassList}, so that the archive holds the classes of the
 * offline path and of the cluster path alike (the Kubernetes client, its HTTP stack, the API model). The cluster is
 * the mock API server holding the healthy 2x2 fixture. What the commands print is discarded; how they end does
 * not matter, only which classes they load. With {@code --offline}, only the commands that read no cluster: the
 * training of the smaller AOT cache bin/signoz-ha uses for them on Java 25.
 */
public final class ArchiveTraining {

    private static final String EXAMPLE = "examples/production-2x2.yaml";

    private ArchiveTraining() {}

    public static void main(String[] args) throws Exception {
        LogManager.getLogManager().reset();
        Path scratch = Files.createDirectories(Path.of("target", "cds-training"));
        run("plan", "--offline", "-f", EXAMPLE);
        run("render", "-f", EXAMPLE, "--output-dir", scratch.resolve("rendered").toString());
        if (List.of(args).contains("--offline")) {
            return;
        }
        try (MockCluster cluster = new MockCluster()) {
            cluster.seed(HealthyFixture.inventory().all());
            String kubeconfig = Files.writeString(scratch.resolve("kubeconfig"), cluster.kubeconfig("platform"))
                    .toString();
            run("doctor", "--kubeconfig", kubeconfig, "--no-clickhouse");
            run("doctor", "--kubeconfig", kubeconfig, "--no-clickhouse", "-o", "json");
            run("snapshot", "--kubeconfig", kubeconfig, "-n", "platform");
            run("plan", "-f", EXAMPLE, "--kubeconfig", kubeconfig, "--helm-binary", "true");
        }
    }

    private static void run(String... args) {
        CommandLine commandLine = Cli.forArguments(args);
        commandLine.setOut(new PrintWriter(Writer.nullWriter()));
        commandLine.setErr(new PrintWriter(Writer.nullWriter()));
        commandLine.execute(args);
    }
}
