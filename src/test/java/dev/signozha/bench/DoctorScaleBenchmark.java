package dev.signozha.bench;

import dev.signozha.cluster.kube.SyntheticCluster;
import dev.signozha.support.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * doctor at scale: a synthetic cluster of N nodes and 10 x N pods in the mock API server, and the real command
 * line ({@code bin/signoz-ha} as a user runs it, its JVM capped at -Xmx512m) running {@code doctor} against it. Prints
 * the API requests doctor made, its wall time and its peak resident memory (GNU time's maximum RSS).
 * Usage: bench/doctor.sh [NODES] (default 1000).
 */
public final class DoctorScaleBenchmark {

    private DoctorScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset();
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (MockCluster cluster = new MockCluster()) {
            long seeding = System.nanoTime();
            SyntheticCluster.seed(cluster.client(), "platform", nodes, nodes * 10);
            System.out.printf(
                    "seeded %d nodes and %d pods in %.1f s (the mock's cost)%n",
                    nodes, nodes * 10, (System.nanoTime() - seeding) / 1e9);
            Path kubeconfig = Files.writeString(
                    Files.createTempFile("bench-kubeconfig", ".yaml"), cluster.kubeconfig("platform"));
            Path timing = Files.createTempFile("bench-time", ".txt");
            int before = cluster.requestCount();
            ProcessBuilder run = new ProcessBuilder(List.of(
                    "/usr/bin/time",
                    "-f",
                    "%M %e",
                    "-o",
                    timing.toString(),
                    "bin/signoz-ha",
                    "doctor",
                    "--kubeconfig",
                    kubeconfig.toString(),
                    "-n",
                    "platform",
                    "--no-clickhouse",
                    "-o",
                    "json"));
            run.environment().put("SIGNOZ_HA_JAVA_OPTS", "-Xmx512m");
            Process doctor = run.redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            int exit = doctor.waitFor();
            int requests = cluster.requestCount() - before;
            // GNU time writes "Command exited with non-zero status N" first when doctor reports findings (exit 3).
            List<String> lines = Files.readAllLines(timing);
            String[] figures = lines.get(lines.size() - 1).trim().split("\\s+");
            System.out.printf(
                    "doctor, %d nodes / %d pods: exit %d, %d API requests, %s s wall, peak RSS %d MiB "
                            + "(heap capped at 512 MiB)%n",
                    nodes, nodes * 10, exit, requests, figures[1], Long.parseLong(figures[0]) / 1024);
            System.out.println("targets: requests independent of size (about one per kind), under 2 s, under 512 MiB");
        }
    }
}
