package dev.signozha.commands;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the cluster is: kubeconfig, context, namespace. */
public final class KubeOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG, ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current one).")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace of the SigNoz release.")
    String namespace;
}
