package dev.signozha.actions;

import dev.signozha.core.text.GoDuration;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Where a long run reports how far it is: {@code [3/7] clickhouse: 3/4 hosts ready (2m10s)}. On a terminal the
 * current phase's line is rewritten in place; otherwise (CI, logs) every change is its own timestamped line.
 */
public interface Progress {

    /** The phase's state changed: {@code step} of {@code steps}, how long it has been waiting. */
    void update(int step, int steps, DeployPhase phase, String state, Duration waited);

    /** The phase ended; the line is kept. */
    void finish(int step, int steps, DeployPhase phase, String result, Duration waited);

    /** A line that is not about one phase's wait. */
    void note(String line);

    static String line(int step, int steps, DeployPhase phase, String state, Duration waited) {
        Duration seconds = waited.truncatedTo(ChronoUnit.SECONDS);
        return "[" + step + "/" + steps + "] " + phase.label() + ": " + state + " ("
                + (seconds.isZero() ? "0s" : GoDuration.format(seconds)) + ")";
    }

    /** Timestamped lines, one per change. */
    static Progress log(PrintWriter out, Clock clock) {
        return new Progress() {
            @Override
            public void update(int step, int steps, DeployPhase phase, String state, Duration waited) {
                note(line(step, steps, phase, state, waited));
            }

            @Override
            public void finish(int step, int steps, DeployPhase phase, String result, Duration waited) {
                note(line(step, steps, phase, result, waited));
            }

            @Override
            public void note(String line) {
                out.println(clock.instant().truncatedTo(ChronoUnit.SECONDS) + " " + line);
                out.flush();
            }
        };
    }

    /** One live line per phase, rewritten in place with a carriage return and erase-line. */
    static Progress terminal(PrintWriter out) {
        return new Progress() {
            @Override
            public void update(int step, int steps, DeployPhase phase, String state, Duration waited) {
                out.print("\r\033[K" + line(step, steps, phase, state, waited));
                out.flush();
            }

            @Override
            public void finish(int step, int steps, DeployPhase phase, String result, Duration waited) {
                out.println("\r\033[K" + line(step, steps, phase, result, waited));
                out.flush();
            }

            @Override
            public void note(String line) {
                out.println("\r\033[K" + line);
                out.flush();
            }
        };
    }
}
