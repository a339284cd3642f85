package dev.signozha.commands;

import dev.signozha.actions.AdoptAction;
import dev.signozha.actions.AtomicFiles;
import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.LeaseLock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "adopt",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Write the topology of a SigNoz release installed with plain Helm, and start managing it.",
        description = {
            "Reads the release (its chart version and supplied values from helm, the ClickHouseInstallation "
                    + "serving its ClickHouse host) and writes a topology file that reproduces it. Every supplied value "
                    + "with no topology field is listed on stderr, never dropped silently; passwords are referenced through "
                    + "a Secret, never copied. Then starts the state record under the lock, so deploy and upgrade accept "
                    + "the release; it changes no object and makes no Helm revision.",
            "Next: signoz-ha plan -f FILE shows what the HA rules would change, each with its reason."
        })
final class AdoptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KubeOptions kube;

    @Option(
            names = "--release",
            paramLabel = "NAME",
            defaultValue = "signoz",
            description = "Helm release of the SigNoz chart (default: ${DEFAULT-VALUE}).")
    String release;

    @Option(names = "--output-file", paramLabel = "FILE", description = "Write the topology here (default: stdout).")
    Path outputFile;

    @Option(names = "--no-record", description = "Only write the topology; leave the cluster untouched.")
    boolean noRecord;

    @Mixin
    HelmOption helm;

    @Mixin
    TemplatesOption templates;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (KubeSession session = kube.cluster.session(spec)) {
            String namespace = kube.namespace == null ? session.gateway().defaultNamespace() : kube.namespace;
            AdoptAction action = new AdoptAction(
                    templates.source(), new VersionProvider().version(), Clock.systemUTC(), LeaseLock.Timing.system());
            AdoptAction.Result result = action.run(
                    new AdoptAction.Request(namespace, release, !noRecord),
                    session,
                    helm.helm(kube.cluster, SignozHaCommand.trace(spec)));
            if (outputFile == null) {
                spec.commandLine().getOut().print(result.adopted().yaml());
                spec.commandLine().getOut().flush();
            } else {
                AtomicFiles.write(outputFile, result.adopted().yaml());
                err.println("wrote " + outputFile);
            }
            result.report(outputFile == null ? "FILE" : outputFile.toString()).forEach(err::println);
            err.flush();
        }
        return 0;
    }
}
