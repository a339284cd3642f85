package dev.signozha.core.text;

import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * How text a person reads is marked: ANSI colour only when colour is on (a terminal, no NO_COLOR, no --no-color),
 * and the marks ✔ × ‼ only when the output charset is UTF-8; elsewhere (LANG=C, cron's empty environment) they
 * would print as '?', so an error looks like a pass, and [ok] [ERROR] [warn] [skip] are printed instead.
 */
public record Style(boolean colour, boolean unicode) {

    public static final Style PLAIN = new Style(false, true);
    public static final Style ASCII = new Style(false, false);

    /**
     * Whether the output charset is UTF-8, from the first of the properties Java sets that says: stdout.encoding
     * (the standard output stream's, Java 19+; settable on 17), sun.stdout.encoding (a console's), native.encoding
     * (the locale's, Java 17+), file.encoding.
     */
    public static boolean unicodeOutput(UnaryOperator<String> properties) {
        return Stream.of("stdout.encoding", "sun.stdout.encoding", "native.encoding", "file.encoding")
                .map(properties)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .map(charset ->
                        charset.toUpperCase(Locale.ROOT).replace("-", "").equals("UTF8"))
                .orElse(false);
    }

    public String passMark() {
        return green(unicode ? "✔" : "[ok]");
    }

    public String errorMark() {
        return red(unicode ? "×" : "[ERROR]");
    }

    public String warnMark() {
        return bold(unicode ? "‼" : "[warn]");
    }

    public String skipMark() {
        return dim(unicode ? "-" : "[skip]");
    }

    /** "before → after". */
    public String arrow() {
        return unicode ? "→" : "->";
    }

    /** Text written for UTF-8 output, its arrows and ellipses spelled in ASCII when the output is not. */
    public String text(String text) {
        return unicode
                ? text
                : text.replace("→", "->").replace("…", "...").replace("×", "x").replace("·", ".");
    }

    public String green(String text) {
        return wrap("32", text);
    }

    public String red(String text) {
        return wrap("31", text);
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    public String dim(String text) {
        return wrap("2", text);
    }

    private String wrap(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
