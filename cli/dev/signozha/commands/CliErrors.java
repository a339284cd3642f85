package dev.signozha.commands;

import dev.signozha.core.ExitCode;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.SignozHaException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one clear message on stderr and a documented exit code. Stack traces
 * only for internal errors, and only with SIGNOZ_HA_DEBUG=1.
 */
public final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + withoutPrefix(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.BAD_INPUT.code();
    }

    /** picocli starts some messages (mutually exclusive options) with its own "Error: ". */
    private static String withoutPrefix(String message) {
        return message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (e instanceof InvalidInputException invalid) {
            invalid.problems().forEach(problem -> err.println("error: " + problem));
            err.println(
                    invalid.problems().size() == 1
                            ? "1 problem found; nothing was changed."
                            : invalid.problems().size() + " problems found; nothing was changed.");
        } else if (e instanceof SignozHaException known) {
            err.println("error: " + known.getMessage());
        } else {
            err.println("internal error: " + e + " (a bug in signoz-ha; nothing was changed by this failure)");
            if ("1".equals(System.getenv("SIGNOZ_HA_DEBUG"))) {
                e.printStackTrace(err);
            } else {
                err.println("Set SIGNOZ_HA_DEBUG=1 for the stack trace.");
            }
        }
        err.flush();
        return e instanceof SignozHaException known ? known.exitCode().code() : ExitCode.INTERNAL_ERROR.code();
    }
}
