package dev.signozha.actions;

import dev.signozha.cluster.kube.DeployCluster;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.render.Manifest;
import java.util.List;
import java.util.Optional;

/** The engine's writes of objects: what the API server refuses fails the phase that wrote it. */
final class Writes {

    private final DeployCluster cluster;
    private final Progress progress;

    Writes(DeployCluster cluster, Progress progress) {
        this.cluster = cluster;
        this.progress = progress;
    }

    void apply(List<Manifest> manifests, DeployPhase phase) throws PhaseFailure {
        for (Manifest manifest : manifests) {
            try {
                cluster.apply(manifest.body(), false);
            } catch (SignozHaException e) {
                throw new PhaseFailure(phase.label() + ": " + e.getMessage(), Optional.empty());
            }
        }
    }

    void delete(String id, String why, DeployPhase phase) throws PhaseFailure {
        try {
            boolean deleted = cluster.delete(id);
            progress.note((deleted ? "deleted " : "already gone: ") + id + " (" + why + ")");
        } catch (SignozHaException e) {
            throw new PhaseFailure(phase.label() + ": " + e.getMessage(), Optional.empty());
        }
    }
}
