package dev.signozha.commands;

import dev.signozha.core.text.Style;
import picocli.CommandLine.Option;

/** --no-color, for commands that print only text. */
public final class ColorOption {

    @Option(names = "--no-color", description = "No colour, even on a terminal (NO_COLOR does the same).")
    boolean noColor;

    /** Colour only on a terminal, never with NO_COLOR, --no-color or TERM=dumb; marks by the output charset. */
    Style style() {
        boolean terminal = System.console() != null;
        boolean allowed = System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        return new Style(terminal && allowed && !noColor, Style.unicodeOutput(System::getProperty));
    }
}
