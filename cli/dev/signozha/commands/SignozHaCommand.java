package dev.signozha.commands;

import dev.signozha.core.Trace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command; {@link Cli} adds the commands. */
@Command(
        name = "signoz-ha",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Deploy, upgrade and repair High-Availability SigNoz on Kubernetes from one topology file.",
            "Machine output goes to stdout; progress, warnings and errors to stderr."
        })
public final class SignozHaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Trace each Kubernetes API request, helm run and ClickHouse query on stderr, with its "
                    + "outcome and duration (never a body, a header or a secret).")
    boolean verbose;

    /** The trace {@code -v} asked for, given on the command or any subcommand; lines go to stderr. */
    static Trace trace(CommandSpec spec) {
        return ((SignozHaCommand) spec.root().userObject()).verbose
                ? Trace.to(spec.commandLine().getErr())
                : Trace.off();
    }

    /** Without a subcommand: usage on stderr, exit 2, so a script that forgot the verb fails loudly. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
