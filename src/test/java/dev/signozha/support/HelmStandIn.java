package dev.signozha.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.signozha.cluster.helm.ChartReference;
import dev.signozha.cluster.helm.HelmDryRun;
import dev.signozha.cluster.helm.HelmRevision;
import dev.signozha.cluster.helm.UpgradeRequest;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * helm's command line as signoz-ha runs it ({@code version}, {@code history}, {@code get values},
 * {@code upgrade --install}, {@code rollback}, {@code template}), answered by the {@link FakeChart} over the revisions file
 * {@code HELM_STANDIN_REVISIONS} and the cluster of {@code --kubeconfig}; started by the script
 * {@code src/test/resources/helm-standin/helm}. With {@code HELM_STANDIN_UPGRADE=hang} an upgrade of the SigNoz release
 * starts as helm's does (a pending-upgrade revision) and then waits; on SIGTERM or SIGINT it does what helm 3.7+ does
 * (helm/helm#9180): prints {@code Release NAME has been cancelled.}, marks the revision failed, and exits 1 with
 * {@code Error: UPGRADE FAILED: context canceled}. Every call, its pid and every signal handled are appended to
 * {@code HELM_STANDIN_LOG}.
 */
public final class HelmStandIn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HelmStandIn() {}

    public static void main(String[] args) throws IOException {
        List<String> argv = List.of(args);
        log("call pid=" + ProcessHandle.current().pid() + " " + String.join(" ", argv));
        String command = argv.get(0);
        switch (command) {
            case "version" -> System.out.println("v3.18.0+standin");
            case "history" -> history(argv);
            case "get" -> values(argv);
            case "upgrade" -> upgrade(argv);
            case "template" ->
                System.out.print(chart(argv)
                        .template(
                                flag(argv, "--namespace"),
                                argv.get(1),
                                ChartReference.remote(argv.get(2), flag(argv, "--repo"), flag(argv, "--version")),
                                valuesFiles(argv)));
            case "rollback" ->
                chart(argv)
                        .rollback(
                                flag(argv, "--namespace"),
                                argv.get(1),
                                Integer.parseInt(argv.get(2)),
                                Duration.ofMinutes(1));
            default -> fail("Error: unknown command \"" + command + "\" for \"helm\"");
        }
        System.exit(0);
    }

    private static void history(List<String> argv) throws IOException {
        List<HelmRevision> revisions = chart(argv).history(flag(argv, "--namespace"), argv.get(1));
        if (revisions.isEmpty()) {
            fail("Error: release: not found");
        }
        if (argv.contains("--max")) {
            revisions = revisions.subList(revisions.size() - Integer.parseInt(flag(argv, "--max")), revisions.size());
        }
        ArrayNode out = JSON.createArrayNode();
        revisions.forEach(revision -> out.addObject()
                .put("revision", revision.revision())
                .put("updated", "2026-11-21T03:02:11.123456789Z")
                .put("status", revision.status())
                .put("chart", revision.chart())
                .put("app_version", "")
                .put("description", revision.description()));
        System.out.println(out);
    }

    private static void values(List<String> argv) {
        FakeChart chart = chart(argv);
        Optional<JsonNode> values = argv.contains("--all")
                ? chart.computedValues(flag(argv, "--namespace"), argv.get(2))
                : chart.suppliedValues(flag(argv, "--namespace"), argv.get(2));
        if (values.isEmpty()) {
            fail("Error: release: not found");
        }
        System.out.println(values.get());
    }

    private static List<Path> valuesFiles(List<String> argv) {
        List<Path> valuesFiles = new ArrayList<>();
        for (int i = 0; i < argv.size() - 1; i++) {
            if (argv.get(i).equals("--values")) {
                valuesFiles.add(Path.of(argv.get(i + 1)));
            }
        }
        return valuesFiles;
    }

    private static void upgrade(List<String> argv) throws IOException {
        String release = argv.get(2);
        String version = flag(argv, "--version");
        List<Path> valuesFiles = valuesFiles(argv);
        FakeChart chart = chart(argv);
        if (!"hang".equals(System.getenv("HELM_STANDIN_UPGRADE")) || !release.equals("signoz")) {
            chart.upgradeInstall(new UpgradeRequest(
                    release,
                    flag(argv, "--namespace"),
                    ChartReference.remote(argv.get(3), flag(argv, "--repo"), version),
                    valuesFiles,
                    Duration.ofMinutes(1),
                    HelmDryRun.NONE));
            return;
        }
        chart.addPending(version);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Release " + release + " has been cancelled.");
            chart.markLatest("failed");
            log("signal: marked the release failed");
            System.err.println("Error: UPGRADE FAILED: context canceled");
            Runtime.getRuntime().halt(1);
        }));
        log("upgrade started: " + release + " pending-upgrade");
        while (true) {
            LockSupport.park();
        }
    }

    private static FakeChart chart(List<String> argv) {
        Path revisions = Path.of(System.getenv("HELM_STANDIN_REVISIONS"));
        return FakeChart.sharingRevisions(client(argv), revisions);
    }

    /** helm template renders client-side and is given no kubeconfig: its chart never asks the cluster then. */
    private static KubernetesClient client(List<String> argv) {
        if (!argv.contains("--kubeconfig")) {
            return new KubernetesClientBuilder().build();
        }
        return new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(null, new java.io.File(flag(argv, "--kubeconfig"))))
                .build();
    }

    private static String flag(List<String> argv, String name) {
        int at = argv.indexOf(name);
        if (at < 0 || at + 1 >= argv.size()) {
            fail("Error: flag needs an argument: " + name);
        }
        return argv.get(at + 1);
    }

    private static void fail(String error) {
        System.err.println(error);
        System.exit(1);
    }

    private static void log(String line) {
        try {
            Files.writeString(
                    Path.of(System.getenv("HELM_STANDIN_LOG")),
                    line + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
