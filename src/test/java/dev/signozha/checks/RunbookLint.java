package dev.signozha.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for the shell in a runbook, which an operator follows one section at a time, often in a new shell: a
 * section defines every function and variable it uses, adds the chart repository before naming a chart from it,
 * and never prints a DSN or a password unredacted.
 */
final class RunbookLint {

    /**
     * Keeps scheme://host:port of every URL on a line: drops user:password@ (up to its last {@code @}, which may be
     * in the password), then the path and the query (whose password may hold an {@code @} too).
     */
    static final String REDACT_DSN = "sed -E 's#://[^?[:space:]]*@#://#g; s#(://[^/?[:space:]]*)[^[:space:]]*#\\1#g'";

    static final String REPO_ADD = "helm repo add signoz https://charts.signoz.io";

    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\S*)\\s*$");
    private static final Pattern FUNCTION = Pattern.compile("(?:^|[;&|\\s])([a-z_][a-z0-9_]*)\\s*\\(\\)\\s*\\{");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?:^|[;&|]\\s*|\\bexport\\s+|\\bdo\\s+|\\bthen\\s+)([A-Z_][A-Z0-9_]*)=|\\bread\\s+(?:-\\w+\\s+)*([A-Z_][A-Z0-9_]*)"
                    + "|\\bfor\\s+([A-Z_][A-Z0-9_]*)\\s+in\\b");
    private static final Pattern EXPANSION = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*'?(\\w+)'?");
    private static final Pattern CHART = Pattern.compile("(?<![\\w./-])signoz/[a-z0-9-]+(?![\\w:/.-])");
    private static final Pattern SECRET_WORD = Pattern.compile("(?i)dsn|password");

    /** A section of a runbook ({@code ## Fix}) and the shell commands of its code blocks, in order. */
    record Section(String heading, List<String> commands) {}

    private RunbookLint() {}

    /** The sections' commands: continuation lines joined, comments dropped, a heredoc kept with its command. */
    static List<Section> sections(String markdown) {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        String heading = "(title)";
        commands.put(heading, new ArrayList<>());
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("## ")) {
                heading = lines[i].substring(3).trim();
                commands.put(heading, new ArrayList<>());
                continue;
            }
            Matcher fence = FENCE.matcher(lines[i]);
            if (!fence.matches()) {
                continue;
            }
            List<String> block = new ArrayList<>();
            for (i++; i < lines.length && !FENCE.matcher(lines[i]).matches(); i++) {
                block.add(lines[i]);
            }
            if (Set.of("sh", "bash", "shell").contains(fence.group(2))) {
                commands.get(heading).addAll(commands(block));
            }
        }
        List<Section> sections = new ArrayList<>();
        commands.forEach((name, list) -> sections.add(new Section(name, list)));
        return sections;
    }

    private static List<String> commands(List<String> block) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < block.size(); i++) {
            String line = withoutComment(block.get(i)).strip();
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1).strip() : line)
                    .append(' ');
            Matcher heredoc = HEREDOC.matcher(line);
            if (heredoc.find()) {
                for (i++; i < block.size() && !block.get(i).strip().equals(heredoc.group(1)); i++) {
                    current.append(block.get(i).strip()).append(' ');
                }
            }
            boolean nextContinues =
                    i + 1 < block.size() && block.get(i + 1).strip().matches("^(\\||&&|\\|\\|).*");
            if (!continues && !nextContinues && !current.toString().isBlank()) {
                commands.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            commands.add(current.toString().strip());
        }
        return commands;
    }

    /** The positions of {@code text} the shell reads outside single and double quotes, in order. */
    private static List<Integer> unquoted(String text) {
        List<Integer> positions = new ArrayList<>();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else {
                positions.add(i);
            }
        }
        return positions;
    }

    /** The line up to a {@code #} that starts a shell comment (at the start or after a blank, outside quotes). */
    static String withoutComment(String line) {
        return unquoted(line).stream()
                .filter(i -> line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1))))
                .findFirst()
                .map(i -> line.substring(0, i))
                .orElse(line);
    }

    /** A pipeline's stages: split at each {@code |} outside quotes that is not part of {@code ||}. */
    static List<String> stages(String command) {
        List<String> stages = new ArrayList<>();
        int start = 0;
        for (int i : unquoted(command)) {
            if (command.charAt(i) == '|'
                    && (i + 1 == command.length() || command.charAt(i + 1) != '|')
                    && (i == 0 || command.charAt(i - 1) != '|')) {
                stages.add(command.substring(start, i));
                start = i + 1;
            }
        }
        stages.add(command.substring(start));
        return stages;
    }

    /** The text the shell expands: the command without its single-quoted parts. */
    private static String expanded(String command) {
        return command.replaceAll("'[^']*'", "''");
    }

    /** Every function a runbook defines, in any section. */
    static Set<String> functions(String markdown) {
        Set<String> names = new HashSet<>();
        sections(markdown)
                .forEach(section -> section.commands().forEach(command -> {
                    Matcher m = FUNCTION.matcher(command);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }));
        return names;
    }

    /** What is wrong with the runbook's shell; {@code functions} are the ones any runbook defines. */
    static List<String> problems(String markdown, Set<String> functions) {
        List<String> problems = new ArrayList<>();
        for (Section section : sections(markdown)) {
            undefined(section, functions, problems);
            chartsWithoutRepository(section, problems);
            secretsPrinted(section, problems);
        }
        return problems;
    }

    private static void undefined(Section section, Set<String> functions, List<String> problems) {
        Set<String> defined = new HashSet<>();
        for (String command : section.commands()) {
            Matcher definition = FUNCTION.matcher(command);
            while (definition.find()) {
                defined.add(definition.group(1));
            }
            Matcher assignment = ASSIGNMENT.matcher(command);
            while (assignment.find()) {
                for (int g = 1; g <= 3; g++) {
                    if (assignment.group(g) != null) {
                        defined.add("$" + assignment.group(g));
                    }
                }
            }
            for (String function : functions) {
                if (!defined.contains(function)
                        && Pattern.compile("(?:^|[\\s;&|(`])" + function + "(?=[\\s;)]|$)")
                                .matcher(command)
                                .find()) {
                    problems.add(section.heading() + ": " + function + " is used but not defined in this section: "
                            + command);
                }
            }
            Matcher expansion = EXPANSION.matcher(expanded(command));
            while (expansion.find()) {
                if (!defined.contains("$" + expansion.group(1))) {
                    problems.add(section.heading() + ": $" + expansion.group(1)
                            + " is used but not set in this section: " + command);
                }
            }
        }
    }

    private static void chartsWithoutRepository(Section section, List<String> problems) {
        boolean added = false;
        for (String command : section.commands()) {
            if (command.contains("helm") && !added && CHART.matcher(command).find()) {
                problems.add(section.heading() + ": a chart of the signoz repository without " + REPO_ADD
                        + " before it in this section: " + command);
            }
            added |= command.contains(REPO_ADD);
        }
    }

    /**
     * A pipeline stage that selects DSN or password lines (grep, echo, printf, printenv) prints their values unless a
     * later stage redacts, counts, or the stage itself prints only what its pattern matched ({@code grep -o}).
     */
    private static void secretsPrinted(Section section, List<String> problems) {
        for (String command : section.commands()) {
            List<String> stages = stages(command);
            for (int s = 0; s < stages.size(); s++) {
                if (printsSecret(stages.get(s).strip()) && !madeSafe(stages.subList(s + 1, stages.size()))) {
                    problems.add(section.heading() + ": prints DSN or password values; pipe it through " + REDACT_DSN
                            + ": " + command);
                    break;
                }
            }
        }
    }

    private static boolean printsSecret(String stage) {
        String program = stage.replaceFirst("^(.*;\\s*)?(do|then)?\\s*", "");
        boolean printer = program.matches("^(grep|echo|printf|printenv)\\b.*");
        boolean excludes = program.matches("^grep\\s+-\\w*v.*");
        boolean onlyMatch = program.matches("^grep\\s+-\\w*[oc].*");
        return printer
                && !excludes
                && !onlyMatch
                && SECRET_WORD.matcher(program).find();
    }

    private static boolean madeSafe(List<String> laterStages) {
        return laterStages.stream()
                .map(String::strip)
                .anyMatch(stage -> stage.startsWith(REDACT_DSN)
                        || stage.matches("^(grep\\s+-\\w*c|wc)\\b.*")
                        || stage.startsWith("grep -o"));
    }
}
