package dev.signozha.core.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A 2 x 2 cluster rolling from ClickHouse 25.5.6.14 to 25.12.5, judged host by host. */
class HostConvergenceTest {

    private static final HostConvergence.Target TARGET =
            new HostConvergence.Target("cluster", 4, "25.12.5", Duration.ofSeconds(60));
    private static final ReplicaState CAUGHT_UP = new ReplicaState("signoz_logs", "logs_v2", false, false, 0, 0, 2, 2);

    @Test
    void everyHostAtTheTargetAndCaughtUp_hasConverged() {
        HostConvergence judged = HostConvergence.judge(TARGET, cluster("25.12.5.44", "25.12.5.44", CAUGHT_UP));
        assertTrue(judged.converged(), judged.lagging().toString());
        assertEquals("4/4 hosts at 25.12.5, replication caught up", judged.progress());
    }

    @Test
    void aHostStillOnTheOldVersion_lags() {
        HostConvergence judged = HostConvergence.judge(TARGET, cluster("25.12.5.44", "25.5.6.14", CAUGHT_UP));
        assertFalse(judged.converged());
        assertEquals("3/4 hosts at 25.12.5", judged.progress());
        assertEquals(List.of("chi-signoz-clickhouse-cluster-1-1:9000 runs 25.5.6.14, not 25.12.5"), judged.lagging());
    }

    @Test
    void aHostAtTheVersionStillReplicating_lags() {
        ReplicaState behind = new ReplicaState("signoz_traces", "signoz_index_v3", false, false, 95, 12, 2, 2);
        ReplicaState readonly = new ReplicaState("signoz_metrics", "samples_v4", true, true, 0, 0, 1, 2);
        List<HostObservation> hosts = cluster("25.12.5.44", "25.12.5.44", CAUGHT_UP);
        hosts = List.of(hosts.get(0), hosts.get(1), hosts.get(2), host(1, 1, "25.12.5.44", List.of(behind, readonly)));
        HostConvergence judged = HostConvergence.judge(TARGET, hosts);
        assertFalse(judged.converged());
        assertEquals(
                List.of(
                        "chi-signoz-clickhouse-cluster-1-1:9000 has 1 read-only replica(s): signoz_metrics.samples_v4",
                        "chi-signoz-clickhouse-cluster-1-1:9000 has 12 replication queue entries left:"
                                + " signoz_traces.signoz_index_v3 (12)",
                        "chi-signoz-clickhouse-cluster-1-1:9000 signoz_traces.signoz_index_v3 is 95 s behind"
                                + " (bound 60 s)"),
                judged.lagging());
    }

    @Test
    void aHostThatDoesNotAnswer_orIsNotListedYet_lags() {
        List<HostObservation> hosts = cluster("25.12.5.44", "25.12.5.44", CAUGHT_UP);
        ClusterHost restarting = hosts.get(3).host();
        HostConvergence judged = HostConvergence.judge(
                TARGET,
                List.of(
                        hosts.get(0),
                        hosts.get(1),
                        HostObservation.down(
                                restarting, "Pod/platform/chi-signoz-clickhouse-cluster-1-1-0", "Connection refused")));
        assertFalse(judged.converged());
        assertEquals(
                List.of(
                        "system.clusters lists 3 of the 4 hosts of cluster 'cluster'",
                        "chi-signoz-clickhouse-cluster-1-1:9000 does not answer: Connection refused"),
                judged.lagging());
        assertEquals("2/4 hosts at 25.12.5", judged.progress());
    }

    @Test
    void imageTags_standForTheirVersion() {
        assertEquals("24.1.2", HostConvergence.versionOf("24.1.2-alpine"));
        assertEquals("25.12.5", HostConvergence.versionOf("25.12.5"));
        assertTrue(HostConvergence.runs("24.1.2.5", "24.1.2"));
        assertFalse(HostConvergence.runs("25.12.50.1", "25.12.5"));
        assertFalse(HostConvergence.runs(null, "25.12.5"));
    }

    /** Shards 0-1 x replicas 0-1 as the Altinity operator names them; the last host runs {@code last}. */
    private static List<HostObservation> cluster(String version, String last, ReplicaState replica) {
        return List.of(
                host(0, 0, version, List.of(replica)),
                host(0, 1, version, List.of(replica)),
                host(1, 0, version, List.of(replica)),
                host(1, 1, last, List.of(replica)));
    }

    private static HostObservation host(int shard, int replica, String version, List<ReplicaState> replicas) {
        String name = "chi-signoz-clickhouse-cluster-" + shard + "-" + replica;
        return new HostObservation(
                new ClusterHost("cluster", shard + 1, replica + 1, name, "10.42.0." + (10 + shard * 2 + replica), 9000),
                "Pod/platform/" + name + "-0",
                null,
                version,
                Set.of(),
                replicas,
                null,
                HostStorage.NOT_READ);
    }
}
