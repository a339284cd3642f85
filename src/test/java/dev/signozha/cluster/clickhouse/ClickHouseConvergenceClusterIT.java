package dev.signozha.cluster.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.clickhouse.ClickHouseObservation;
import dev.signozha.core.clickhouse.HostConvergence;
import dev.signozha.core.clickhouse.HostObservation;
import dev.signozha.support.clickhouse.LegacyConnections;
import dev.signozha.support.clickhouse.LocalClickHouseCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-host version and replication reads an upgrade polls before the schema migration, against the real
 * 2 shards x 2 replicas cluster (Debian's ClickHouse 18.16 and a real ZooKeeper): the inspector asks every host
 * for {@code SELECT version()} and system.replicas, and the observation is judged as the upgrade judges it.
 */
class ClickHouseConvergenceClusterIT {

    @RegisterExtension
    static final LocalClickHouseCluster CLUSTER = new LocalClickHouseCluster();

    private static final String SEED = "127.0.0.11";
    private static final String TABLE = "default.convergence_probe";

    @BeforeEach
    void createReplicatedTable() {
        CLUSTER.query(
                SEED,
                "CREATE TABLE IF NOT EXISTS " + TABLE + " ON CLUSTER cluster (n UInt64) ENGINE = "
                        + "ReplicatedMergeTree('/clickhouse/tables/{shard}/convergence_probe', '{replica}') ORDER BY n");
    }

    @AfterEach
    void dropIt() {
        CLUSTER.restart();
        CLUSTER.query(SEED, "DROP TABLE IF EXISTS " + TABLE + " ON CLUSTER cluster");
    }

    @Test
    void everyHostOnTheServersVersion_andCaughtUp_hasConverged() {
        List<HostObservation> hosts = versions();
        assertEquals(4, hosts.size());
        String version = hosts.get(0).version();
        assertTrue(version.startsWith("18.16."), version);
        HostConvergence judged = HostConvergence.judge(target("18.16.1"), hosts);
        assertTrue(judged.converged(), judged.lagging().toString());
        assertEquals("4/4 hosts at 18.16.1, replication caught up", judged.progress());
        hosts.forEach(host -> assertEquals(
                List.of(TABLE.substring("default.".length())),
                host.replicas().stream().map(r -> r.table()).toList()));
    }

    @Test
    void aClusterNameTheServersDoNotDefine_isNotConverged() {
        HostConvergence judged =
                HostConvergence.judge(new HostConvergence.Target("prod", 4, "18.16.1", Duration.ofSeconds(60)), look());
        assertFalse(judged.converged());
        assertEquals(List.of("system.clusters has no cluster 'prod' yet"), judged.lagging());
    }

    @Test
    void aTargetTheHostsDoNotRun_isNotConverged_hostByHost() {
        HostConvergence judged = HostConvergence.judge(target("25.12.5"), versions());
        assertFalse(judged.converged());
        assertEquals("0/4 hosts at 25.12.5", judged.progress());
        assertEquals(4, judged.lagging().size(), judged.lagging().toString());
        assertTrue(
                judged.lagging().get(0).matches("127\\.0\\.0\\.11:9000 runs 18\\.16\\.[0-9.]+, not 25\\.12\\.5"),
                judged.lagging().get(0));
    }

    @Test
    void aStoppedReplica_lags_untilItIsBack() {
        CLUSTER.stopNode("ch-s2-r2");
        HostConvergence judged = HostConvergence.judge(target("18.16.1"), versions());
        assertFalse(judged.converged());
        assertEquals(1, judged.lagging().size(), judged.lagging().toString());
        assertTrue(
                judged.lagging().get(0).startsWith("127.0.0.14:9000 does not answer"),
                judged.lagging().get(0));
        CLUSTER.restart();
        assertTrue(HostConvergence.judge(target("18.16.1"), versions()).converged());
    }

    @Test
    void aReplicaThatCannotFetch_hasAQueue_andLags() {
        CLUSTER.query("127.0.0.12", "SYSTEM STOP FETCHES " + TABLE);
        try {
            CLUSTER.query(SEED, "INSERT INTO " + TABLE + " SELECT number FROM system.numbers LIMIT 10");
            HostConvergence judged = HostConvergence.judge(target("18.16.1"), versions());
            assertFalse(judged.converged());
            assertTrue(
                    judged.lagging().stream()
                            .anyMatch(line -> line.startsWith(
                                    "127.0.0.12:9000 has 1 replication queue entry left: " + TABLE + " (1)")),
                    judged.lagging().toString());
        } finally {
            CLUSTER.query("127.0.0.12", "SYSTEM START FETCHES " + TABLE);
            CLUSTER.query("127.0.0.12", "SYSTEM SYNC REPLICA " + TABLE);
        }
        assertTrue(HostConvergence.judge(target("18.16.1"), versions()).converged());
    }

    private static HostConvergence.Target target(String tag) {
        return new HostConvergence.Target("cluster", 4, tag, Duration.ofSeconds(60));
    }

    private static ClickHouseObservation look() {
        ConnectionFactory legacy = (host, port) -> LegacyConnections.open(host);
        try (DirectHosts hosts = new DirectHosts(SEED, LegacyConnections.HTTP_PORT, legacy)) {
            return new ClickHouseInspector(hosts, Clock.systemUTC()).inspect("cluster");
        }
    }

    private static List<HostObservation> versions() {
        return look().hosts();
    }
}
