package dev.signozha.core.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A helm run of signoz-ha on a release that has started and not yet returned, as the state record keeps it: written
 * just before helm starts, removed once helm has exited on its own (succeeded, failed, or stopped by SIGTERM within
 * its grace). Still there afterwards, it names the run that died, or killed helm, mid-run: the one whose release
 * {@code deploy --recover} may roll back.
 *
 * @param run          the run: {@code user@host (pid N, command)}
 * @param runId        the run's lock run id
 * @param release      the Helm release helm was run on
 * @param fromRevision the release's latest revision when helm started (0: not installed); the revision helm
 *                     leaves pending is the next one
 * @param started      when helm started, to the second
 */
public record HelmRun(String run, String runId, String release, int fromRevision, Instant started) {

    public HelmRun {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(release, "release");
        started = Objects.requireNonNull(started, "started").truncatedTo(ChronoUnit.SECONDS);
    }

    /** The marker of helm started now by the lock's {@code holder} on {@code release} at {@code fromRevision}. */
    public static HelmRun of(LockHolder holder, String release, int fromRevision, Instant now) {
        return new HelmRun(holder.describe(), holder.runId().toString(), release, fromRevision, now);
    }

    /** Whether this run's helm left {@code release} pending at {@code revision}: the one revision it started. */
    public boolean left(String release, int revision) {
        return this.release.equals(release) && revision == fromRevision + 1;
    }

    /** {@code alice@ci-7 (pid 4242, upgrade), which started helm at 2026-11-21T03:02:11Z}. */
    public String describe() {
        return run + ", which started helm on release " + release + " at " + started;
    }
}
