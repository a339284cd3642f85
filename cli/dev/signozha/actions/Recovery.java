package dev.signozha.actions;

import dev.signozha.cluster.helm.HelmException;
import dev.signozha.cluster.helm.HelmGateway;
import dev.signozha.cluster.helm.HelmRevision;
import dev.signozha.cluster.kube.RecordStore;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.state.HelmRun;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.topology.Topology.Spec;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --recover}: a release that a run of signoz-ha left pending when it died mid-helm (the state record's
 * {@link HelmRun} names that run and the revision it started; the run's lock has expired, since this run holds it) is
 * rolled back to its last deployed revision, so the run can go on. Nothing else is ever recovered: a release pending
 * for another reason may have a helm at work on it.
 */
final class Recovery {

    private static final Set<String> GOOD = Set.of("deployed", "superseded");

    private final HelmGateway helm;
    private final RecordStore state;
    private final Progress progress;
    private final Clock clock;

    Recovery(HelmGateway helm, RecordStore state, Progress progress, Clock clock) {
        this.helm = helm;
        this.state = state;
        this.progress = progress;
        this.clock = clock;
    }

    /** The run of this tool that left {@code planned}'s release pending, if one did. */
    static Optional<HelmRun> leftByTool(PlanAction.Planned planned, Optional<StateRecord> recorded) {
        if (!planned.live().releaseStatus().orElse("").startsWith("pending-")) {
            return Optional.empty();
        }
        return recorded.flatMap(StateRecord::unfinishedHelmRun)
                .filter(run -> run.left(planned.spec().release(), planned.live().revision()));
    }

    /**
     * Rolls the release back to the newest deployed or superseded revision up to the one the dead run started from,
     * records that, and returns the revision; refuses (nothing changed) when there is none, as after a first install.
     */
    int recover(HelmRun dead, PlanAction.Planned planned, Duration timeout, String command, String user) {
        Spec spec = planned.spec();
        String status = planned.live().releaseStatus().orElse("");
        int target = helm.history(spec.namespace(), spec.release()).stream()
                .filter(revision -> revision.revision() <= dead.fromRevision() && GOOD.contains(revision.status()))
                .max(Comparator.comparingInt(HelmRevision::revision))
                .map(HelmRevision::revision)
                .orElseThrow(() -> new SignozHaException(
                        ExitCode.REFUSED,
                        "Helm release " + spec.release() + " is "
                                + status + ", left by " + dead.describe()
                                + ", and has no deployed revision to roll back "
                                + "to; nothing was changed. Remove it (helm -n " + spec.namespace() + " uninstall "
                                + spec.release() + ") and deploy again."));
        progress.note("recovering: Helm release " + spec.release() + " is " + status + " at revision "
                + planned.live().revision() + ", left by " + dead.describe() + "; rolling it back to revision "
                + target + ", the last deployed");
        try {
            helm.rollback(spec.namespace(), spec.release(), target, timeout);
        } catch (HelmException e) {
            throw new SignozHaException(
                    ExitCode.NOT_ROLLED_BACK,
                    "--recover: helm rollback of " + spec.release() + " to revision " + target + " failed: "
                            + e.getMessage(),
                    e);
        }
        state.update(record -> record.withEntry(new HistoryEntry(
                clock.instant(),
                command,
                null,
                null,
                HistoryEntry.RECOVERED,
                user,
                "rolled Helm release " + spec.release() + " back from " + status
                        + " revision " + planned.live().revision() + " to revision " + target + "; it was left by "
                        + dead.describe())));
        return target;
    }
}
