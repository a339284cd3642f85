package dev.signozha.commands;

import dev.signozha.cluster.helm.HelmCli;
import dev.signozha.cluster.helm.HelmSettings;
import dev.signozha.cluster.helm.SystemProcessRunner;
import dev.signozha.cluster.helm.TracedProcessRunner;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.Trace;
import picocli.CommandLine.Option;

/** Which helm binary the commands that install charts run. */
public final class HelmOption {

    @Option(names = "--helm-binary", paramLabel = "FILE", defaultValue = "helm",
            description = "The helm 3 binary to run: a path, or a name on the PATH (default: ${DEFAULT-VALUE}).")
    String binary;

    /** helm against the cluster's kubeconfig and context, each run traced (with -v). */
    HelmCli helm(ClusterOptions cluster, Trace trace) {
        HelmSettings settings;
        try {
            settings = HelmSettings.forCluster(cluster.kubeconfig, cluster.context).withBinary(binary);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.single("--helm-binary", "expected a path or a program name, got '" + binary + "'");
        }
        return new HelmCli(TracedProcessRunner.of(new SystemProcessRunner(), trace), settings);
    }
}
