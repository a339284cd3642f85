package dev.signozha.actions;

import dev.signozha.checks.ClusterView;
import dev.signozha.checks.Terminating;
import dev.signozha.cluster.kube.DeployCluster;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After cleanup's deletes: waits, polling each object, until every one is gone or {@code timeout} has passed, then
 * says what still stands, why (finalizers and their likely cause, as doctor says it), one line each.
 */
final class DeletionFollowUp {

    static final Duration POLL = Duration.ofSeconds(1);

    private final DeployCluster session;
    private final LeaseLock.Timing timing;

    DeletionFollowUp(DeployCluster session, LeaseLock.Timing timing) {
        this.session = session;
        this.timing = timing;
    }

    /** The ids still present when all others are gone or the timeout has passed. */
    List<String> awaitGone(List<String> ids, Duration timeout) {
        Instant deadline = timing.clock().instant().plus(timeout);
        List<String> present = new ArrayList<>(ids);
        while (true) {
            present.removeIf(id -> session.read(id).isEmpty());
            if (present.isEmpty() || !timing.clock().instant().isBefore(deadline)) {
                return present;
            }
            try {
                timing.sleeper().sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SignozHaException(
                        ExitCode.NOT_ROLLED_BACK,
                        "interrupted while waiting for the deleted objects to go: " + String.join(", ", present));
            }
        }
    }

    /** Why each still stands, read now. */
    List<String> describe(List<String> ids, String namespace) {
        if (ids.isEmpty()) {
            return List.of();
        }
        ClusterView view = new ClusterView(session.gateway().inventory(namespace), namespace);
        List<String> lines = new ArrayList<>();
        for (String id : ids) {
            Optional<HasMetadata> object = session.read(id);
            object.ifPresent(o -> lines.add(
                    Terminating.is(o)
                            ? Terminating.describe(o, view)
                            : id + " is still there and not marked for deletion"));
        }
        return lines;
    }
}
