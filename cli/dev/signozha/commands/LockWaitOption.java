package dev.signozha.commands;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How long a run that changes the cluster waits for another run's lock. */
public final class LockWaitOption {

    @Option(
            names = "--wait-for-lock",
            paramLabel = "DURATION",
            defaultValue = "0s",
            converter = DurationConverter.class,
            description =
                    "Wait this long for another run's lock before giving up with exit 5 (default: ${DEFAULT-VALUE}).")
    Duration duration;
}
