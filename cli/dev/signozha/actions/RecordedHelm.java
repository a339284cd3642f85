package dev.signozha.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.cluster.helm.ChartReference;
import dev.signozha.cluster.helm.HelmDryRun;
import dev.signozha.cluster.helm.HelmException;
import dev.signozha.cluster.helm.HelmGateway;
import dev.signozha.cluster.helm.HelmRelease;
import dev.signozha.cluster.helm.HelmRevision;
import dev.signozha.cluster.helm.UpgradeRequest;
import dev.signozha.cluster.kube.RecordStore;
import dev.signozha.core.state.HelmRun;
import dev.signozha.core.state.LockHolder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * helm, with every run that changes {@code release} written to the state record first ({@link HelmRun}) and removed
 * once helm has exited by itself, failed or not. A run that dies, or has to stop helm (interrupted, timed out),
 * leaves the marker: then the release helm may have left pending is known to be this tool's, which
 * {@code --recover} needs.
 */
final class RecordedHelm implements HelmGateway {

    private final HelmGateway helm;
    private final String release;
    private final RecordStore state;
    private final LockHolder holder;
    private final Clock clock;

    RecordedHelm(HelmGateway helm, String release, RecordStore state, LockHolder holder, Clock clock) {
        this.helm = helm;
        this.release = release;
        this.state = state;
        this.holder = holder;
        this.clock = clock;
    }

    @Override
    public void upgradeInstall(UpgradeRequest request) {
        if (request.dryRun() != HelmDryRun.NONE || !request.release().equals(release)) {
            helm.upgradeInstall(request);
            return;
        }
        recorded(request.namespace(), () -> helm.upgradeInstall(request));
    }

    @Override
    public void rollback(String namespace, String release, int revision, Duration timeout) {
        recorded(namespace, () -> helm.rollback(namespace, release, revision, timeout));
    }

    private void recorded(String namespace, Runnable run) {
        int from = helm.status(namespace, release).map(HelmRelease::revision).orElse(0);
        state.update(record -> record.withHelmRun(HelmRun.of(holder, release, from, clock.instant())));
        try {
            run.run();
        } catch (HelmException exited) {
            if (!exited.timedOut()) {
                finished();
            }
            throw exited;
        }
        finished();
    }

    private void finished() {
        state.update(record -> record.withHelmRun(null));
    }

    @Override
    public String version() {
        return helm.version();
    }

    @Override
    public Optional<HelmRelease> status(String namespace, String release) {
        return helm.status(namespace, release);
    }

    @Override
    public Optional<JsonNode> suppliedValues(String namespace, String release) {
        return helm.suppliedValues(namespace, release);
    }

    @Override
    public Optional<JsonNode> computedValues(String namespace, String release) {
        return helm.computedValues(namespace, release);
    }

    @Override
    public Optional<JsonNode> suppliedValues(String namespace, String release, int revision) {
        return helm.suppliedValues(namespace, release, revision);
    }

    @Override
    public List<HelmRevision> history(String namespace, String release) {
        return helm.history(namespace, release);
    }

    @Override
    public String template(String namespace, String release, ChartReference chart, List<Path> valuesFiles) {
        return helm.template(namespace, release, chart, valuesFiles);
    }
}
