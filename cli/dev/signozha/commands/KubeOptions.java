package dev.signozha.commands;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the release is: the cluster, and the namespace in it. */
public final class KubeOptions {

    @Mixin
    ClusterOptions cluster;

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NS",
            description = "Namespace of the SigNoz release (default: the topology's, else the context's).")
    String namespace;

    /** Bad input when -n names another namespace than the topology's; before any request. */
    void requireAgreement(String topologyNamespace, String topologySource) {
        if (namespace != null && !namespace.equals(topologyNamespace)) {
            throw new SignozHaException(
                    ExitCode.BAD_INPUT,
                    "-n " + namespace + " disagrees with " + topologySource + ", whose spec.namespace is "
                            + topologyNamespace + "; drop -n or change one of them");
        }
    }
}
