package dev.signozha.commands;

import dev.signozha.core.ExitCode;
import dev.signozha.core.topology.TopologyLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Builds the configured command line; Main and the tests share it. */
public final class Cli {

    /** Commands whose run starts by loading a topology file: its one-time work can start on a second core. */
    private static final Set<String> READS_A_TOPOLOGY = Set.of("plan", "deploy", "upgrade", "render");

    /** The commands in the order the root help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private Cli() {}

    /**
     * Runs the command line for {@code args} and returns its exit code, with everything it printed flushed; a
     * shutdown (Ctrl-C, SIGTERM) waits for exactly that before the JVM exits.
     */
    public static int execute(String... args) {
        CommandLine commandLine = forArguments(args);
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            Interruptible.reported();
        }
    }

    /** The whole command line, every command built. */
    public static CommandLine create() {
        CommandLine root = root();
        COMMANDS.forEach((name, command) -> add(root, name));
        return root;
    }

    /** Adds a command; its --version prints what the root's does. */
    private static void add(CommandLine root, String name) {
        CommandLine command = new CommandLine(COMMANDS.get(name).get());
        command.getCommandSpec().versionProvider(root.getCommandSpec().versionProvider());
        root.addSubcommand(name, command);
    }

    /**
     * The command line for {@code args}. Building a command's model costs picocli reflection on every option of
     * it, most of a plain run's start-up; so when the arguments begin with a command's name, only that command
     * is built, since nothing else can be parsed or shown, and {@code --version} alone needs none. Otherwise
     * (root help, a typo that wants suggestions, completion scripts listing every command) all of them are.
     */
    public static CommandLine forArguments(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return root();
        }
        if (args.length == 0 || !COMMANDS.containsKey(args[0]) || args[0].equals("completion")) {
            return create();
        }
        if (READS_A_TOPOLOGY.contains(args[0])) {
            Thread warmUp = new Thread(TopologyLoader::prepare, "topology-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        CommandLine root = root();
        add(root, args[0]);
        return root;
    }

    private static CommandLine root() {
        CommandLine commandLine = new CommandLine(new SignozHaCommand());
        CliErrors errors = new CliErrors();
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionStrategy(Cli::refuseUnmatched);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            // Not String.format: its Formatter and locale data cost a plain run ~10 ms of start-up.
            exitCodes.put((code.code() < 10 ? " " : "") + code.code(), code.meaning());
        }
        commandLine
                .getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes);
        return commandLine;
    }

    /**
     * picocli shows the help and ends with 0 when {@code --help} follows an unknown command ({@code signoz-ha adopt
     * --help}); such a word is a usage error like any other, with picocli's suggestions.
     */
    private static int refuseUnmatched(CommandLine.ParseResult parsed) {
        if (!parsed.unmatched().isEmpty()) {
            throw new CommandLine.UnmatchedArgumentException(
                    parsed.commandSpec().commandLine(), parsed.unmatched());
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("plan", PlanCommand::new);
        commands.put("deploy", DeployCommand::new);
        commands.put("upgrade", UpgradeCommand::new);
        commands.put("cleanup", CleanupCommand::new);
        commands.put("adopt", AdoptCommand::new);
        commands.put("render", RenderCommand::new);
        commands.put("doctor", DoctorCommand::new);
        commands.put("snapshot", SnapshotCommand::new);
        commands.put("runbook", RunbookCommand::new);
        commands.put("rbac", RbacCommand::new);
        commands.put("schema", SchemaCommand::new);
        commands.put("completion", CompletionCommand::new);
        return commands;
    }
}
