package dev.signozha.commands;

import dev.signozha.core.text.Style;
import picocli.CommandLine.Option;

/** Output format and colour, shared by commands that print a report. */
public final class OutputOptions {

    /** Output formats: text for people, json and yaml for machines. */
    public enum Format { text, json, yaml }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--no-color", description = "No colour, even on a terminal (NO_COLOR does the same).")
    boolean noColor;

    /** Colour only on a terminal, never with NO_COLOR, --no-color or TERM=dumb. */
    Style style() {
        boolean terminal = System.console() != null;
        boolean allowed = System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        return new Style(terminal && allowed && !noColor && format == Format.text);
    }
}
