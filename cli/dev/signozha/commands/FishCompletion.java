package dev.signozha.commands;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A fish completion script written from the command model (picocli generates bash only): the commands, each
 * command's options with the values they take (files for file options), and positional values such as the
 * runbook codes.
 */
final class FishCompletion {

    private FishCompletion() {}

    static String script(CommandLine root) {
        String name = root.getCommandName();
        List<String> lines = new ArrayList<>();
        lines.add("# fish completion for " + name + ": " + name + " completion fish | source");
        lines.add("complete -c " + name + " -f");
        root.getCommandSpec().options().stream()
                .filter(option -> !option.hidden())
                .forEach(option -> lines.add(option(name, "__fish_use_subcommand", option)));
        root.getSubcommands()
                .forEach((command, line) -> lines.add("complete -c " + name + " -n __fish_use_subcommand -a " + command
                        + " -d " + quoted(summary(line.getCommandSpec()))));
        root.getSubcommands().forEach((command, line) -> {
            String condition = "'__fish_seen_subcommand_from " + command + "'";
            CommandSpec spec = line.getCommandSpec();
            spec.options().stream()
                    .filter(option -> !option.hidden())
                    .forEach(option -> lines.add(option(name, condition, option)));
            spec.positionalParameters().stream()
                    .filter(parameter -> parameter.completionCandidates() != null)
                    .forEach(parameter -> lines.add(
                            "complete -c " + name + " -n " + condition + " -a " + quoted(candidates(parameter))));
        });
        return String.join("\n", lines) + "\n";
    }

    private static String option(String name, String condition, OptionSpec option) {
        StringBuilder line = new StringBuilder("complete -c " + name + " -n " + condition);
        for (String flag : option.names()) {
            line.append(flag.startsWith("--") ? " -l " + flag.substring(2) : " -s " + flag.substring(1));
        }
        if (option.arity().max() > 0) {
            if (option.type() == Path.class || option.type() == File.class) {
                line.append(" -r -F");
            } else if (option.completionCandidates() != null) {
                line.append(" -x -a ").append(quoted(candidates(option)));
            } else {
                line.append(" -x");
            }
        }
        String[] description = option.description();
        if (description.length > 0) {
            line.append(" -d ").append(quoted(firstSentence(description[0])));
        }
        return line.toString();
    }

    private static String candidates(ArgSpec arg) {
        return StreamSupport.stream(arg.completionCandidates().spliterator(), false)
                .collect(Collectors.joining(" "));
    }

    private static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        String[] description = spec.usageMessage().description();
        return firstSentence(header.length > 0 ? header[0] : description.length > 0 ? description[0] : "");
    }

    /** fish shows one short line per candidate. */
    private static String firstSentence(String text) {
        String interpolated = text.replaceAll("\\$\\{[^}]*}", "").strip();
        int end = interpolated.indexOf(". ");
        String sentence = end < 0 ? interpolated : interpolated.substring(0, end + 1);
        return sentence.endsWith(":") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
