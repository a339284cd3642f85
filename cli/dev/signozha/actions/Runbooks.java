package dev.signozha.actions;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckSpec;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The runbooks shipped in the jar (runbooks/CODE.md), one per check code, and the procedures that belong to no finding
 * ({@link #PROCEDURES}).
 */
public final class Runbooks {

    /** Runbooks of a procedure rather than a finding, by name: what each one does. */
    public static final Map<String, String> PROCEDURES =
            Map.of("RESTORE", "restore SigNoz's ClickHouse data from the backup upgrade took");

    private Runbooks() {}

    /** The runbook of a code, case-insensitively; an unknown code is bad input with the closest known one. */
    public static String text(String code) {
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
