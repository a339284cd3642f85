package dev.signozha.actions;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.ClickHouseEvidence;
import dev.signozha.checks.ClusterView;
import dev.signozha.checks.Intended;
import dev.signozha.checks.Readiness;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.cluster.kube.NamespaceWatch;
import dev.signozha.core.clickhouse.HostConvergence;
import dev.signozha.core.text.GoDuration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The clickhouse-version phase: ready when every host of the topology's cluster reports the topology's ClickHouse
 * version and has caught up on replication, judged from a look inside ClickHouse on every change and heartbeat.
 * The schema migration waits for it: run against a host still on the old version it fails (SigNoz/charts#895).
 */
final class ClickHouseVersionJudge implements Phase.Judge {

    /** How far behind a replica may be when the migration starts; its DDL waits on the queue anyway. */
    static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private final ClickHouseAccess clickhouse;
    private final KubeGateway gateway;
    private final String namespace;
    private final Intended intended;
    private final HostConvergence.Target target;
    private HostConvergence last;

    ClickHouseVersionJudge(ClickHouseAccess clickhouse, KubeGateway gateway, Intended intended, String imageTag) {
        this.clickhouse = clickhouse;
        this.gateway = gateway;
        this.namespace = intended.namespace();
        this.intended = intended;
        this.target = new HostConvergence.Target(
                intended.cluster(), intended.shards() * intended.replicas(), imageTag, MAX_DELAY);
    }

    /** Why ClickHouse cannot be looked at, when it cannot: then there is nothing to judge. */
    Optional<String> unseen() {
        ClickHouseEvidence evidence = look();
        return evidence.observation().isPresent() ? Optional.empty() : Optional.of(evidence.absentReason());
    }

    @Override
    public Readiness.Status judge(NamespaceWatch.Observed observed) {
        ClickHouseEvidence evidence = look();
        last = evidence.observation()
                .map(observation -> HostConvergence.judge(target, observation))
                .orElseGet(() -> {
                    String unseen = "ClickHouse not seen: " + evidence.absentReason();
                    return new HostConvergence(false, unseen, List.of(unseen));
                });
        boolean oneLine = last.converged() || last.lagging().get(0).equals(last.progress());
        return new Readiness.Status(
                last.converged(),
                oneLine
                        ? last.progress()
                        : last.progress() + "; " + last.lagging().get(0),
                Optional.empty());
    }

    @Override
    public Optional<PhaseFailure> timedOut(Duration timeout) {
        return Optional.of(new PhaseFailure(
                DeployPhase.CLICKHOUSE_VERSION.label() + ": ClickHouse did not converge on " + target.imageTag()
                        + " within " + GoDuration.format(timeout) + ", so the schema migration did not run:\n  "
                        + String.join("\n  ", last == null ? List.of("not judged") : last.lagging()),
                Optional.of(CheckCatalog.CLICKHOUSE_NOT_READY)));
    }

    private ClickHouseEvidence look() {
        return clickhouse.look(
                Optional.of(intended), Optional.of(new ClusterView(gateway.inventory(namespace), namespace)));
    }
}
