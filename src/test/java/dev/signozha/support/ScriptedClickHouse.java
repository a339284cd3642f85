package dev.signozha.support;

import dev.signozha.actions.ClickHouseAccess;
import dev.signozha.checks.ClickHouseEvidence;
import dev.signozha.checks.ClusterView;
import dev.signozha.checks.Intended;
import dev.signozha.core.clickhouse.ClickHouseObservation;
import dev.signozha.core.clickhouse.ClusterHost;
import dev.signozha.core.clickhouse.Freshness;
import dev.signozha.core.clickhouse.HostObservation;
import dev.signozha.core.clickhouse.HostStorage;
import dev.signozha.core.clickhouse.ReplicaState;
import dev.signozha.core.clickhouse.Thresholds;
import dev.signozha.core.clickhouse.ZooKeeperSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written ClickHouse for the clickhouse-version phase: the 2 x 2 cluster "prod" of the production example,
 * replication caught up, every host on {@code version} except h22, which runs {@code laggingVersion} for the first
 * {@code laggingLooks} looks and then catches up. Before each look while h22 lags, {@code whileLagging} runs (to
 * record what the rest of the world did meanwhile).
 */
public final class ScriptedClickHouse implements ClickHouseAccess {

    private final String version;
    private final String laggingVersion;
    private final int laggingLooks;
    private final AtomicInteger looks = new AtomicInteger();
    private Runnable whileLagging = () -> {};

    public ScriptedClickHouse(String version, String laggingVersion, int laggingLooks) {
        this.version = version;
        this.laggingVersion = laggingVersion;
        this.laggingLooks = laggingLooks;
    }

    public ScriptedClickHouse whileLagging(Runnable observer) {
        this.whileLagging = observer;
        return this;
    }

    /** How many times ClickHouse was looked at. */
    public int looks() {
        return looks.get();
    }

    @Override
    public ClickHouseEvidence look(Optional<Intended> intended, Optional<ClusterView> view) {
        boolean lagging = looks.incrementAndGet() <= laggingLooks;
        if (lagging) {
            whileLagging.run();
        }
        return ClickHouseEvidence.of(cluster(version, lagging ? laggingVersion : version), Thresholds.DEFAULTS);
    }

    /** The 2 x 2 cluster "prod", healthy, every host on {@code version} but h22, on {@code lastHostVersion}. */
    public static ClickHouseObservation cluster(String version, String lastHostVersion) {
        List<HostObservation> hosts = new ArrayList<>();
        for (int shard = 1; shard <= 2; shard++) {
            for (int replica = 1; replica <= 2; replica++) {
                String name = "h" + shard + replica;
                hosts.add(new HostObservation(
                        new ClusterHost("prod", shard, replica, name, "10.0.0." + shard + replica, 9000),
                        "Pod/platform/" + name,
                        null,
                        shard == 2 && replica == 2 ? lastHostVersion : version,
                        Set.copyOf(ClickHouseObservation.SIGNOZ_DATABASES),
                        List.of(new ReplicaState("signoz_traces", "signoz_index_v3", false, false, 0, 0, 2, 2)),
                        new ZooKeeperSession(ZooKeeperSession.State.UP, "1 connection(s)"),
                        HostStorage.NOT_READ));
            }
        }
        Instant now = Instant.now();
        return new ClickHouseObservation(
                "test",
                null,
                version,
                Set.of("prod"),
                hosts.stream().map(HostObservation::host).toList(),
                hosts,
                Optional.of(List.of()),
                Set.copyOf(ClickHouseObservation.SIGNOZ_DATABASES),
                List.of(),
                List.of(
                        new Freshness("traces", "signoz_traces.distributed_signoz_index_v3", true, now),
                        new Freshness("logs", "signoz_logs.distributed_logs_v2", true, now),
                        new Freshness("metrics", "signoz_metrics.distributed_samples_v4", true, now)),
                now);
    }
}
