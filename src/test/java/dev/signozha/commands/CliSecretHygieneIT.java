package dev.signozha.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.CliRun;
import dev.signozha.support.SimulatedCluster;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password, planted in the Secret the topology names, in a workload's env value and in a snapshot, goes through
 * every command of the real command line with {@code -v} and every output format, against the mock API server (helm:
 * a recording stand-in, as the real one cannot talk to the mock). It appears, plain or base64, in no output, trace,
 * plan file, state record, snapshot, helm command line or values file.
 */
class CliSecretHygieneIT {

    private static final String PASSWORD = SimulatedCluster.PASSWORD;
    private static final String ENCODED = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
    private static final String TOPOLOGY = SimulatedCluster.PRODUCTION.toString();
    private static final List<String> FORMATS = List.of("text", "json", "yaml");

    private SimulatedCluster world;
    private final List<String> seen = new ArrayList<>();
    private Path kubeconfig;
    private Path helm;

    @BeforeEach
    void deployed(@TempDir Path dir) throws Exception {
        world = new SimulatedCluster(Duration.ofMillis(20));
        SimulatedCluster.ForTheCli cli = world.deployedForTheCli(dir);
        kubeconfig = cli.kubeconfig();
        helm = cli.helm();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void everyCommand_withVerboseAndEveryFormat_showsNoPassword(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        for (String format : FORMATS) {
            cli(0, "plan", "-f", TOPOLOGY, "-o", format, cluster(), helmBinary());
        }
        CliRun saved = cli(0, "plan", "-f", TOPOLOGY, "--output-file", plan.toString(), cluster(), helmBinary());
        see("saved plan", Files.readString(plan));
        CliRun deploy = cli(0, "deploy", "-f", TOPOLOGY, "--yes", "--no-clickhouse", cluster(), helmBinary());
        assertTrue(
                deploy.err()
                        .contains("trace: k8s GET /api/v1/namespaces/platform/secrets/clickhouse-credentials → 200"),
                deploy.err());
        cli(0, "deploy", "--plan", plan.toString(), "--yes", "--no-clickhouse", cluster(), helmBinary());
        CliRun upgrade = cli(
                0,
                "upgrade",
                "-f",
                TOPOLOGY,
                "--chart-version",
                "0.132.0",
                "--yes",
                "--no-clickhouse",
                "--allow-no-baseline",
                cluster(),
                helmBinary());
        assertTrue(upgrade.err().contains("trace: " + helm + " upgrade --install signoz"), upgrade.err());
        cli(0, "cleanup", "-n", SimulatedCluster.NAMESPACE, cluster());
        cli(0, "cleanup", "-n", SimulatedCluster.NAMESPACE, "--yes", cluster());
        see(
                "state record",
                world.mock()
                        .client()
                        .configMaps()
                        .inNamespace(SimulatedCluster.NAMESPACE)
                        .withName("signoz-ha-state")
                        .get()
                        .getData()
                        .toString());

        // The planted password is not the chart's default: CLICKHOUSE_PASSWORD_IN_CLEAR, a warning (exit 0).
        plantInAnEnvValue();
        for (String format : FORMATS) {
            cli(0, "doctor", "-f", TOPOLOGY, "--no-clickhouse", "-o", format, cluster());
            cli(0, "plan", "-f", TOPOLOGY, "-o", format, cluster(), helmBinary());
        }
        Path snapshot = dir.resolve("snapshot.yaml");
        cli(0, "snapshot", "-n", SimulatedCluster.NAMESPACE, "--output-file", snapshot.toString(), cluster());
        see("snapshot file", Files.readString(snapshot));
        CliRun before =
                CliRun.of("-v", "snapshot", "-n", SimulatedCluster.NAMESPACE, "--kubeconfig", kubeconfig.toString());
        assertTrue(
                before.err().contains("trace: k8s GET /api/v1/namespaces/platform/pods → 200"),
                "-v before the command");
        see("-v snapshot", before.all());
        Path planted = Files.writeString(
                dir.resolve("planted.yaml"), Files.readString(snapshot).replace("<redacted>", PASSWORD));
        assertTrue(Files.readString(planted).contains(PASSWORD), "the snapshot has a redacted value to plant in");
        for (String format : FORMATS) {
            cli(0, "doctor", "--snapshot", planted.toString(), "-o", format);
            cli(0, "plan", "--offline", "-f", TOPOLOGY, "-o", format);
        }
        Path rendered = dir.resolve("rendered");
        cli(0, "render", "-f", TOPOLOGY, "--output-dir", rendered.toString());
        try (Stream<Path> files = Files.walk(rendered)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                see("rendered " + rendered.relativize(file), Files.readString(file));
            }
        }
        cli(0, "runbook", "DEFAULT_CLICKHOUSE_PASSWORD");
        see("helm command lines", Files.readString(helm.resolveSibling("calls")));
        see("values files given to helm", Files.readString(helm.resolveSibling("values-seen")));
        assertTrue(
                seen.containsAll(List.of(
                        "saved plan",
                        "state record",
                        "snapshot file",
                        "-v snapshot",
                        "helm command lines",
                        "values files given to helm")),
                "every place was looked at: " + seen);
        assertTrue(seen.stream().anyMatch(place -> place.startsWith("rendered manifests/")), "rendered files: " + seen);
    }

    /** Runs a command with -v, expects its exit code, and looks at everything it printed. */
    private CliRun cli(int exitCode, Object... args) {
        List<String> argv = new ArrayList<>();
        for (Object arg : args) {
            if (arg instanceof String[] several) {
                argv.addAll(List.of(several));
            } else {
                argv.add((String) arg);
            }
        }
        argv.add("-v");
        CliRun run = CliRun.of(argv.toArray(String[]::new));
        String name = String.join(" ", argv);
        assertEquals(exitCode, run.exitCode(), name + "\n" + run.all());
        see(name, run.all());
        return run;
    }

    private void see(String where, String text) {
        seen.add(where);
        assertFalse(text.contains(PASSWORD), () -> "the password appears in " + where + ":\n" + text);
        assertFalse(text.contains(ENCODED), () -> "the base64 password appears in " + where + ":\n" + text);
    }

    private String[] cluster() {
        return new String[] {"--kubeconfig", kubeconfig.toString()};
    }

    private String[] helmBinary() {
        return new String[] {"--helm-binary", helm.toString()};
    }

    /** The password as a plain env value of one of the release's Deployments, as someone might have set it by hand. */
    private void plantInAnEnvValue() {
        Deployment target = world.mock()
                .client()
                .apps()
                .deployments()
                .inNamespace(SimulatedCluster.NAMESPACE)
                .list()
                .getItems()
                .get(0);
        world.mock()
                .client()
                .apps()
                .deployments()
                .inNamespace(SimulatedCluster.NAMESPACE)
                .withName(target.getMetadata().getName())
                .edit(deployment -> {
                    deployment
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getEnv()
                            .add(new EnvVar("CLICKHOUSE_PASSWORD", PASSWORD, null));
                    return deployment;
                });
    }
}
