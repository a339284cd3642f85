package dev.signozha.core;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * What {@code -v} shows: one line per conversation with the outside world (an API request, a helm run, a
 * ClickHouse connection or query), with its outcome and duration. Lines name what was asked, never a request
 * or response body, so no secret can reach them.
 */
@FunctionalInterface
public interface Trace {

    void line(String text);

    /** Whether lines go anywhere; adapters skip their tracing wrappers when they do not. */
    default boolean enabled() {
        return true;
    }

    /** Without {@code -v}: nothing. */
    static Trace off() {
        return new Trace() {
            @Override
            public void line(String text) {}

            @Override
            public boolean enabled() {
                return false;
            }
        };
    }

    /** {@code -v}: each line to {@code err}, prefixed so it cannot be mistaken for progress or a finding. */
    static Trace to(PrintWriter err) {
        return text -> {
            synchronized (err) {
                err.println("trace: " + text);
                err.flush();
            }
        };
    }

    /** The time since {@code startNanos} (a {@link System#nanoTime()}), as {@link #took} words it. */
    static String since(long startNanos) {
        return took(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** A duration as a person reads it in a trace: 12 ms, 3.4 s. */
    static String took(Duration elapsed) {
        long millis = elapsed.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
