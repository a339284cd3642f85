package dev.signozha.commands;

import dev.signozha.cluster.helm.HelmCli;
import dev.signozha.cluster.helm.HelmSettings;
import dev.signozha.cluster.helm.SystemProcessRunner;
import dev.signozha.cluster.helm.TracedProcessRunner;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.Trace;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Which helm binary the commands that install charts run. */
public final class HelmOption {

    @Option(
            names = "--helm-binary",
            paramLabel = "FILE",
            defaultValue = "helm",
            description = "The helm 3 binary to run: a path, or a name on the PATH (default: ${DEFAULT-VALUE}).")
    String binary;

    @Option(
            names = "--helm-grace",
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "On Ctrl-C, SIGTERM or a helm timeout, helm gets SIGTERM and this long to mark its release "
                    + "failed and exit before it is killed (a killed helm leaves the release pending; default: "
                    + "${DEFAULT-VALUE}).")
    Duration grace;

    /** helm against the cluster's kubeconfig and context, each run traced (with -v). */
    HelmCli helm(ClusterOptions cluster, Trace trace) {
        HelmSettings settings;
        try {
            settings =
                    HelmSettings.forCluster(cluster.kubeconfig, cluster.context).withBinary(binary);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.single(
                    "--helm-binary", "expected a path or a program name, got '" + binary + "'");
        }
        return new HelmCli(TracedProcessRunner.of(new SystemProcessRunner(grace), trace), settings);
    }
}
