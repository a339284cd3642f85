package dev.signozha.core.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One run that changed, or tried to change, the installation, as kept in the state record's short history.
 *
 * @param time         when the run ended, to the second
 * @param command      the subcommand, e.g. {@code deploy}, {@code upgrade}, {@code force-unlock}
 * @param chartVersion the chart version the run applied or tried (may be null)
 * @param valuesHash   the hash of the rendered values it applied or tried (may be null)
 * @param outcome      one of the constants below; other words are kept as they are
 * @param user         {@code user@host} of the run
 * @param detail       free text, e.g. a force-unlock's reason and the holder it removed (may be null)
 */
public record HistoryEntry(
        Instant time,
        String command,
        String chartVersion,
        String valuesHash,
        String outcome,
        String user,
        String detail) {

    /** The run applied its change. */
    public static final String SUCCEEDED = "succeeded";
    /** The run failed and left the installation as it was, or as far as it got. */
    public static final String FAILED = "failed";
    /** The run failed and was rolled back. */
    public static final String ROLLED_BACK = "rolled-back";
    /** A run rolled back, with --recover, a release a dead run of signoz-ha had left pending. */
    public static final String RECOVERED = "recovered";
    /** A run removed another run's lock with --force-unlock. */
    public static final String FORCE_UNLOCKED = "force-unlocked";

    public HistoryEntry {
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(user, "user");
    }
}
