package dev.signozha.commands;

import dev.signozha.cluster.kube.KubeConnections;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.core.Trace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which cluster: kubeconfig and context. */
public final class ClusterOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: ~/.kube/config, or $KUBECONFIG when set).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current one).")
    String context;

    KubeGateway open(Trace trace) {
        return session(trace).gateway();
    }

    KubeSession session(Trace trace) {
        return KubeConnections.session(kubeconfig, context, trace);
    }
}
