package dev.signozha.cluster.helm;

import java.time.Duration;

/** Durations the way Go's time.ParseDuration reads them (helm's --timeout): 10m, 1m30s, 1500ms. */
final class GoDuration {

    private GoDuration() {
    }

    static String format(Duration duration) {
        ArgumentChecks.requirePositive(duration);
        long millis = duration.toMillis() + (duration.toNanosPart() % 1_000_000 == 0 ? 0 : 1);
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        StringBuilder text = new StringBuilder();
        append(text, seconds / 3600, "h");
        append(text, seconds % 3600 / 60, "m");
        append(text, seconds % 60, "s");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
