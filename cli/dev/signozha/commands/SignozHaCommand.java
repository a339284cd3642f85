package dev.signozha.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "signoz-ha", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Deploy, upgrade and repair High-Availability SigNoz on Kubernetes from one topology file.",
                "Machine output goes to stdout; progress, warnings and errors to stderr."},
        subcommands = {PlanCommand.class, DeployCommand.class, UpgradeCommand.class, CleanupCommand.class,
                RenderCommand.class, DoctorCommand.class, SnapshotCommand.class,
                RunbookCommand.class, SchemaCommand.class, CompletionCommand.class})
public final class SignozHaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: usage on stderr, exit 2, so a script that forgot the verb fails loudly. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
