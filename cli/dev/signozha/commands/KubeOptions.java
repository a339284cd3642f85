package dev.signozha.commands;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the release is: the cluster, and the namespace in it. */
public final class KubeOptions {

    @Mixin
    ClusterOptions cluster;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace of the SigNoz release.")
    String namespace;
}
