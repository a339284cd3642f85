package dev.signozha.commands;

import dev.signozha.core.text.Style;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Output format and colour, shared by commands that print a report. */
public final class OutputOptions {

    /** Output formats: text for people, json and yaml for machines. */
    public enum Format {
        text,
        json,
        yaml
    }

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    ColorOption color;

    /** Colour for text output only (see {@link ColorOption#style()}). */
    Style style() {
        return format == Format.text ? color.style() : Style.PLAIN;
    }
}
