package dev.signozha.commands;

import dev.signozha.actions.Confirmer;
import dev.signozha.actions.Progress;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Whether a person is at a terminal, and how to ask and show progress accordingly. */
final class Terminal {

    private Terminal() {}

    /** A live line on a terminal; timestamped lines in CI, pipes and logs. */
    static Progress progress(PrintWriter err) {
        return interactive() ? Progress.terminal(err) : Progress.log(err, Clock.systemUTC());
    }

    /** Asks on the terminal; nobody to ask without one (or in CI), so the command refuses instead of hanging. */
    static Confirmer confirmer() {
        if (!interactive()) {
            return Confirmer.nobody();
        }
        Console console = System.console();
        return question -> Optional.ofNullable(console.readLine("%s [y/N] ", question))
                .map(answer -> answer.trim().toLowerCase(Locale.ROOT).startsWith("y"))
                .or(() -> Optional.of(false));
    }

    private static boolean interactive() {
        return System.console() != null && System.getenv("CI") == null;
    }
}
