package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.yaml.CanonicalYaml;
import dev.signozha.support.CliRun;
import dev.signozha.support.SimulatedCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ClickHouse password, planted in the Secret the topology names, goes through deploy, upgrade, a saved plan,
 * the state record, doctor and snapshot in every output format, and appears in none of them. In bundled mode it
 * reaches helm only through a private values file, which is gone afterwards.
 */
class SecretHygieneTest {

    private static final String PASSWORD = SimulatedCluster.PASSWORD;

    private SimulatedCluster world;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void start() {
        world = new SimulatedCluster(Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private void see(String where, String text) {
        seen.add(where);
        assertFalse(text.contains(PASSWORD), () -> "the password appears in " + where + ":\n" + text);
    }

    @Test
    void deployUpgradePlanStateDoctorAndSnapshot_neverShowThePassword(@TempDir Path dir) throws Exception {
        SimulatedCluster.Run deploy = world.run(SimulatedCluster.deploy());
        assertEquals(0, deploy.exitCode(), deploy.all());
        see("deploy output", deploy.all());
        SimulatedCluster.Run upgrade = world.run(SimulatedCluster.request(
                DeployAction.Kind.UPGRADE, InputFiles.readText(SimulatedCluster.PRODUCTION), Optional.of("0.132.0")));
        assertEquals(0, upgrade.exitCode(), upgrade.all());
        see("upgrade output", upgrade.all());
        world.helm().failUpgrades(true);
        SimulatedCluster.Run failed = world.run(SimulatedCluster.request(
                DeployAction.Kind.UPGRADE, InputFiles.readText(SimulatedCluster.PRODUCTION), Optional.of("0.133.0")));
        see("failed upgrade output", failed.all());
        assertEquals(6, failed.exitCode(), failed.all());
        assertTrue(world.leases().isEmpty(), failed.all());
        see(
                "saved plan",
                CanonicalYaml.json(new PlanAction(new ClasspathTemplates())
                        .compute(
                                "topology",
                                InputFiles.readText(SimulatedCluster.PRODUCTION),
                                Optional.empty(),
                                world.session().gateway(),
                                world.helm())
                        .save()));
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

        Path kubeconfig =
                Files.writeString(dir.resolve("kubeconfig"), world.mock().kubeconfig(SimulatedCluster.NAMESPACE));
        Path snapshot = dir.resolve("snapshot.yaml");
        CliRun snap = CliRun.of(
                "snapshot",
                "--kubeconfig",
                kubeconfig.toString(),
                "-n",
                "platform",
                "--output-file",
                snapshot.toString());
        assertEquals(0, snap.exitCode(), snap.all());
        see("snapshot command output", snap.all());
        see("snapshot file", Files.readString(snapshot));
        for (String format : List.of("text", "json", "yaml")) {
            see(
                    "doctor -o " + format,
                    CliRun.of(
                                    "doctor",
                                    "--kubeconfig",
                                    kubeconfig.toString(),
                                    "--no-clickhouse",
                                    "-f",
                                    SimulatedCluster.PRODUCTION.toString(),
                                    "-o",
                                    format)
                            .all());
            see(
                    "doctor --snapshot -o " + format,
                    CliRun.of("doctor", "--snapshot", snapshot.toString(), "-o", format)
                            .all());
            see(
                    "plan --offline -o " + format,
                    CliRun.of("plan", "--offline", "-f", SimulatedCluster.PRODUCTION.toString(), "-o", format)
                            .all());
        }
        Path rendered = dir.resolve("rendered");
        see(
                "render output",
                CliRun.of("render", "-f", SimulatedCluster.PRODUCTION.toString(), "--output-dir", rendered.toString())
                        .all());
        try (java.util.stream.Stream<Path> files = Files.walk(rendered)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                see("rendered " + rendered.relativize(file), Files.readString(file));
            }
        }
        StringWriter cleanup = new StringWriter();
        new CleanupAction(java.time.Clock.systemUTC(), dev.signozha.cluster.kube.LeaseLock.Timing.system())
                .run(
                        new CleanupAction.Request(
                                SimulatedCluster.NAMESPACE,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                true,
                                Duration.ZERO,
                                CleanupAction.DEFAULT_TIMEOUT),
                        world.session(),
                        new PrintWriter(cleanup, true),
                        dev.signozha.core.text.Style.PLAIN);
        see("cleanup output", cleanup.toString());
        assertTrue(seen.size() >= 20, "every place was looked at: " + seen);
    }

    @Test
    void bundledMode_handsThePasswordToHelmInAPrivateFileOnly_andRemovesIt() throws Exception {
        String bundled = InputFiles.readText(Path.of("examples/bundled-2x2.yaml"))
                .replace("namespace: observability", "namespace: platform");
        DeployAction.Request request = SimulatedCluster.request(DeployAction.Kind.DEPLOY, bundled, Optional.empty());
        SimulatedCluster.Run run =
                world.run(request.toBuilder().dryRun(DeployAction.DryRun.SERVER).build());
        assertEquals(0, run.exitCode(), run.all());
        see("bundled dry-run output", run.all());
        assertEquals(Optional.of(PASSWORD), world.helm().passwordSeen(), "helm got the real password");
        assertFalse(world.helm().valuesFiles().isEmpty());
        world.helm().valuesFiles().forEach(file -> assertFalse(Files.exists(file), file + " was left behind"));
        assertTrue(run.out().contains("Helm values"), run.out());
    }
}
