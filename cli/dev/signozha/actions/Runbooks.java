package dev.signozha.actions;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckSpec;
import dev.signozha.checks.RunbookContext;
import dev.signozha.checks.RunbookLinks;
import dev.signozha.checks.RunbookName;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runbooks shipped in the jar (runbooks/CODE.md), one per check code, and the procedures that belong to no finding
 * ({@link #PROCEDURES}). Their commands name the cluster's objects by placeholders ({@code <namespace>}, {@code <chi>},
 * ...), which a {@link RunbookContext} fills in.
 */
public final class Runbooks {

    /** Runbooks of a procedure rather than a finding, by name: what each one does. */
    public static final Map<String, String> PROCEDURES =
            Map.of("RESTORE", "restore SigNoz's ClickHouse data from the backup upgrade took");

    /** A placeholder the reader fills in: {@code <database>}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z][a-z0-9_-]*>");

    private Runbooks() {}

    /**
     * The runbook with the names {@code context} knows filled in; when it knows any, a note under the title says
     * which were filled and which placeholders are left to the reader.
     */
    public static String text(String code, RunbookContext context) {
        String text = text(code);
        List<String> filled = new ArrayList<>();
        for (RunbookName name : RunbookName.values()) {
            if (text.contains(name.placeholder()) && context.value(name).isPresent()) {
                String value = context.value(name).get();
                text = text.replace(name.placeholder(), value);
                filled.add(name.placeholder() + " = " + value);
            }
        }
        if (filled.isEmpty()) {
            return text;
        }
        Set<String> left = new LinkedHashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            left.add(placeholder.group());
        }
        int title = text.indexOf('\n') + 1;
        String note = "\n> Filled in for this cluster: " + String.join(", ", filled) + ".\n"
                + (left.isEmpty() ? "" : "> Still to fill in: " + String.join(", ", left) + ".\n");
        return text.substring(0, title) + note + text.substring(title);
    }

    /** The command that prints the runbook of {@code code} with the names it uses that {@code context} knows. */
    public static String command(String code, RunbookContext context) {
        String text = text(code);
        StringBuilder command = new StringBuilder("signoz-ha runbook ").append(code);
        for (RunbookName name : RunbookName.values()) {
            if (text.contains(name.placeholder())) {
                context.value(name)
                        .ifPresent(value -> command.append(' ')
                                .append(name.option())
                                .append(' ')
                                .append(value));
            }
        }
        return command.toString();
    }

    /** Links from a report to the runbooks, each with the names of the cluster and of its check's findings. */
    public static RunbookLinks links(RunbookContext context) {
        return result -> command(result.spec().code(), context.with(result));
    }

    /** The runbook of a code, case-insensitively; an unknown code is bad input with the closest known one. */
    private static String text(String code) {
        String wanted = code.toUpperCase(Locale.ROOT);
        if (PROCEDURES.containsKey(wanted)) {
            return resource(wanted);
        }
        CheckSpec spec = CheckCatalog.byCode(wanted)
                .orElseThrow(() -> InvalidInputException.single(
                        code,
                        "is not a check code"
                                + Suggestions.closest(
                                                wanted,
                                                CheckCatalog.all().stream()
                                                        .map(CheckSpec::code)
                                                        .toList())
                                        .map(s -> ", did you mean " + s + "?")
                                        .orElse("; signoz-ha runbook lists them")));
        return resource(spec.code());
    }

    private static String resource(String name) {
        try (InputStream in = Runbooks.class.getClassLoader().getResourceAsStream("runbooks/" + name + ".md")) {
            if (in == null) {
                throw new IllegalStateException("runbook " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
