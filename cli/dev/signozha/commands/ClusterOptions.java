package dev.signozha.commands;

import dev.signozha.cluster.kube.KubeConnections;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.Kubeconfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Which cluster: kubeconfig and context, and how long each request to it may take. */
public final class ClusterOptions {

    @Option(
            names = "--kubeconfig",
            paramLabel = "FILE",
            description =
                    "Kubeconfig file (default: $KUBECONFIG, its files merged as kubectl does, else ~/.kube/config).")
    Path kubeconfig;

    @Option(
            names = "--context",
            paramLabel = "NAME",
            description = "Kubeconfig context (default: the current one); one the kubeconfig lacks is an error.")
    String context;

    @Option(
            names = "--request-timeout",
            paramLabel = "DURATION",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Longest wait for one API request, and for the cluster to answer at all (default: "
                    + "${DEFAULT-VALUE}).")
    Duration requestTimeout;

    /** The kubeconfig in effect: --kubeconfig, $KUBECONFIG or ~/.kube/config; empty when none is configured. */
    Optional<Kubeconfig.Source> source() {
        return Kubeconfig.Source.find(
                kubeconfig, System.getenv("KUBECONFIG"), Path.of(System.getProperty("user.home")));
    }

    /** Whether anything selects a cluster: a kubeconfig, or the service account of the pod this runs in. */
    boolean configured() {
        return source().isPresent() || inCluster();
    }

    private static boolean inCluster() {
        return System.getenv("KUBERNETES_SERVICE_HOST") != null;
    }

    KubeGateway open(CommandSpec spec) {
        return session(spec).gateway();
    }

    /** A session once the cluster answered; "still connecting" goes to stderr when it takes a while. */
    KubeSession session(CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        return KubeConnections.session(
                new KubeConnections.Target(source(), inCluster(), context, requestTimeout),
                SignozHaCommand.trace(spec),
                line -> {
                    err.println(line);
                    err.flush();
                });
    }
}
