package dev.signozha.commands;

import dev.signozha.core.ExitCode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** Builds the configured command line; Main and the tests share it. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine create() {
        CommandLine commandLine = new CommandLine(new SignozHaCommand());
        CliErrors errors = new CliErrors();
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            exitCodes.put(String.format("%2d", code.code()), code.meaning());
        }
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        return commandLine;
    }
}
