package dev.signozha.commands;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which cluster: kubeconfig and context. */
public final class ClusterOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG, ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current one).")
    String context;
}
