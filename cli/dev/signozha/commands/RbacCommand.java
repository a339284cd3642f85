package dev.signozha.commands;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.rbac.ApiAccess;
import dev.signozha.core.rbac.RbacManifests;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "rbac",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Print the Role and ClusterRole a command needs, for kubectl apply -f -.",
        description = {
            "The permissions each command uses against the Kubernetes API (deploy and upgrade: also what helm "
                    + "does for them), as a Role in the release's namespace and a ClusterRole for cluster-scoped kinds. With "
                    + "only the Role, doctor and plan still run and list the checks they skip with the permission each needs."
        })
final class RbacCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--command",
            paramLabel = "NAME",
            defaultValue = "deploy",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = Commands.class)
    String command;

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NS",
            required = true,
            description = "Namespace of the release.")
    String namespace;

    /** The commands that talk to a cluster, for completion. */
    static final class Commands extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Commands() {
            super(ApiAccess.commands());
        }
    }

    @Override
    public Integer call() {
        if (!ApiAccess.commands().contains(command)) {
            throw new SignozHaException(
                    ExitCode.BAD_INPUT,
                    "--command " + command + " talks to no cluster; one of " + String.join(", ", ApiAccess.commands()));
        }
        spec.commandLine().getOut().print(RbacManifests.render(command, namespace));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
