package dev.signozha.support;

import dev.signozha.actions.DeployAction;
import dev.signozha.actions.DeployPhase;
import dev.signozha.core.plan.SavedPlan;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A deploy request with a few fields changed, so tests name only what they change. */
public final class RequestEdit {

    private DeployAction.Request request;

    private RequestEdit(DeployAction.Request request) {
        this.request = request;
    }

    public static RequestEdit of(DeployAction.Request request) {
        return new RequestEdit(request);
    }

    public RequestEdit dryRun(DeployAction.DryRun dryRun) {
        return with(dryRun, request.yes(), request.lockWait(), request.timeouts(), request.lockTtl());
    }

    public RequestEdit yes(boolean yes) {
        return with(request.dryRun(), yes, request.lockWait(), request.timeouts(), request.lockTtl());
    }

    public RequestEdit lockWait(Duration lockWait) {
        return with(request.dryRun(), request.yes(), lockWait, request.timeouts(), request.lockTtl());
    }

    public RequestEdit lockTtl(Duration lockTtl) {
        return with(request.dryRun(), request.yes(), request.lockWait(), request.timeouts(), lockTtl);
    }

    /** Every phase's timeout. */
    public RequestEdit timeouts(Duration timeout) {
        Map<DeployPhase, Duration> timeouts = new EnumMap<>(DeployPhase.class);
        for (DeployPhase phase : DeployPhase.values()) {
            timeouts.put(phase, timeout);
        }
        return with(request.dryRun(), request.yes(), request.lockWait(), timeouts, request.lockTtl());
    }

    /** One phase's timeout. */
    public RequestEdit timeout(DeployPhase phase, Duration timeout) {
        Map<DeployPhase, Duration> timeouts = new EnumMap<>(request.timeouts());
        timeouts.put(phase, timeout);
        return with(request.dryRun(), request.yes(), request.lockWait(), timeouts, request.lockTtl());
    }

    /** What the run is allowed beyond the defaults (--recover, --no-clickhouse, --allow-no-baseline). */
    public RequestEdit safety(DeployAction.Safety safety) {
        request = new DeployAction.Request(
                request.kind(),
                request.source(),
                request.topologyText(),
                request.savedPlan(),
                request.chartVersion(),
                request.dryRun(),
                request.allowed(),
                request.yes(),
                request.lockWait(),
                request.forceUnlockReason(),
                request.timeouts(),
                request.lockTtl(),
                safety);
        return this;
    }

    /** Apply this saved plan: its topology, at its chart version. */
    public RequestEdit savedPlan(String source, SavedPlan plan) {
        request = new DeployAction.Request(
                request.kind(),
                source,
                plan.topology(),
                Optional.of(plan),
                Optional.of(plan.chartVersion()),
                request.dryRun(),
                request.allowed(),
                request.yes(),
                request.lockWait(),
                request.forceUnlockReason(),
                request.timeouts(),
                request.lockTtl(),
                request.safety());
        return this;
    }

    public DeployAction.Request build() {
        return request;
    }

    private RequestEdit with(
            DeployAction.DryRun dryRun,
            boolean yes,
            Duration lockWait,
            Map<DeployPhase, Duration> timeouts,
            Duration lockTtl) {
        request = new DeployAction.Request(
                request.kind(),
                request.source(),
                request.topologyText(),
                request.savedPlan(),
                request.chartVersion(),
                dryRun,
                request.allowed(),
                yes,
                lockWait,
                request.forceUnlockReason(),
                timeouts,
                lockTtl,
                request.safety());
        return this;
    }
}
