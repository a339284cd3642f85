package dev.signozha.commands;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * An option spelling kept for one release after it was renamed: it still works, with a warning on stderr naming
 * the new spelling. Given together with the new one, it is a usage error rather than a silent pick.
 */
final class DeprecatedSpelling {

    private DeprecatedSpelling() {}

    /** The value given with {@code current}, else the one given with the deprecated {@code old} (warned about). */
    static <T> T resolve(CommandSpec spec, T value, String current, T oldValue, String old) {
        if (oldValue == null) {
            return value;
        }
        if (value != null) {
            throw new ParameterException(
                    spec.commandLine(), old + " and " + current + " are the same option; give " + current + " only");
        }
        warn(spec, old, current);
        return oldValue;
    }

    static void warn(CommandSpec spec, String old, String current) {
        spec.commandLine()
                .getErr()
                .println("warning: " + old + " is deprecated and will be removed in the next release; " + "use "
                        + current + " (-o is always an output format)");
        spec.commandLine().getErr().flush();
    }
}
