package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.clickhouse.ClickHouseObservation;
import dev.signozha.core.clickhouse.ClusterHost;
import dev.signozha.core.clickhouse.DdlTask;
import dev.signozha.core.clickhouse.Freshness;
import dev.signozha.core.clickhouse.HostObservation;
import dev.signozha.core.clickhouse.HostStorage;
import dev.signozha.core.clickhouse.MigrationState;
import dev.signozha.core.clickhouse.ReplicaState;
import dev.signozha.core.clickhouse.Thresholds;
import dev.signozha.core.clickhouse.ZooKeeperSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Thresholds and judgement of the ClickHouse-level checks, on observations built in code. */
class ClickHouseHealthChecksTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Intended TWO_BY_TWO =
            new Intended("test", "platform", "chi", "chi", "prod", 2, 2, 3, null, null, null, false);
    private static final Set<String> ALL_DATABASES = Set.copyOf(ClickHouseObservation.SIGNOZ_DATABASES);

    private static ClusterHost host(int shard, int replica) {
        return new ClusterHost("prod", shard, replica, "h" + shard + replica, "10.0.0." + shard + replica, 9000);
    }

    private static HostObservation healthy(ClusterHost host, ReplicaState... replicas) {
        return new HostObservation(
                host,
                "Pod/platform/" + host.hostName(),
                null,
                "25.12.5",
                ALL_DATABASES,
                List.of(replicas),
                new ZooKeeperSession(ZooKeeperSession.State.UP, "1 connection(s)"),
                HostStorage.NOT_READ);
    }

    private static ReplicaState replica(boolean readonly, long delay, long queue) {
        return new ReplicaState("signoz_traces", "signoz_index_v3", readonly, false, delay, queue, 2, 2);
    }

    private static List<Freshness> fresh(Duration age) {
        return List.of(
                new Freshness("traces", "signoz_traces.distributed_signoz_index_v3", true, NOW.minus(age)),
                new Freshness("logs", "signoz_logs.distributed_logs_v2", true, NOW.minus(age)),
                new Freshness("metrics", "signoz_metrics.distributed_samples_v4", true, NOW.minus(age)));
    }

    private static ClickHouseObservation observation(
            List<HostObservation> hosts,
            List<MigrationState> migrations,
            Optional<List<DdlTask>> ddl,
            List<Freshness> freshness) {
        return new ClickHouseObservation(
                "test",
                null,
                "25.12.5",
                Set.of("prod", "all-sharded"),
                hosts.stream().map(HostObservation::host).toList(),
                hosts,
                ddl,
                Set.of("signoz_traces"),
                migrations,
                freshness,
                NOW);
    }

    private static ClickHouseObservation healthyCluster() {
        List<HostObservation> hosts = new ArrayList<>();
        for (int shard = 1; shard <= 2; shard++) {
            for (int replica = 1; replica <= 2; replica++) {
                hosts.add(healthy(host(shard, replica), replica(false, 0, 0)));
            }
        }
        return observation(hosts, List.of(), Optional.of(List.of()), fresh(Duration.ofSeconds(30)));
    }

    private static CheckResult run(CheckSpec spec, ClickHouseObservation observation, Optional<Intended> intended) {
        CheckContext context =
                new CheckContext(Optional.empty(), intended, ClickHouseEvidence.of(observation, Thresholds.DEFAULTS));
        return CheckRunner.run(
                        ClickHouseHealthChecks.all().stream()
                                .filter(c -> c.spec() == spec)
                                .toList(),
                        context)
                .results()
                .get(0);
    }

    @Test
    void healthyCluster_passesEveryCheck() {
        for (Check check : ClickHouseHealthChecks.all()) {
            assertEquals(
                    CheckResult.Status.PASS,
                    run(check.spec(), healthyCluster(), Optional.of(TWO_BY_TWO)).status(),
                    check.spec().code());
        }
    }

    @Test
    void topology_wrongClusterName_failsNamingTheExistingOnes() {
        Intended other = new Intended("test", "platform", "chi", "chi", "cluster", 2, 2, 3, null, null, null, false);
        CheckResult result = run(CheckCatalog.CLICKHOUSE_TOPOLOGY_MISMATCH, healthyCluster(), Optional.of(other));
        assertEquals(
                "system.clusters has no cluster 'cluster' (it has: all-sharded, prod); every ON CLUSTER statement "
                        + "of the migration fails",
                result.findings().get(0).detail());
    }

    @Test
    void topology_threeShardsWanted_failsWithBothShapes() {
        Intended three = new Intended("test", "platform", "chi", "chi", "prod", 3, 2, 3, null, null, null, false);
        CheckResult result = run(CheckCatalog.CLICKHOUSE_TOPOLOGY_MISMATCH, healthyCluster(), Optional.of(three));
        assertEquals(
                "cluster 'prod' has 2 shard(s) x 2 replica(s), the topology wants 3 x 2",
                result.findings().get(0).detail());
    }

    @Test
    void topology_withoutIntendedTopology_isSkipped() {
        assertEquals(
                CheckResult.Status.SKIP,
                run(CheckCatalog.CLICKHOUSE_TOPOLOGY_MISMATCH, healthyCluster(), Optional.empty())
                        .status());
    }

    @Test
    void lag_atTheThreshold_passes_andAboveFails() {
        ClickHouseObservation atLimit = observation(
                List.of(healthy(host(1, 1), replica(false, 300, 100))),
                List.of(),
                Optional.of(List.of()),
                fresh(Duration.ZERO));
        assertEquals(
                CheckResult.Status.PASS,
                run(CheckCatalog.REPLICATION_LAG, atLimit, Optional.empty()).status());
        ClickHouseObservation behind = observation(
                List.of(healthy(host(1, 1), replica(false, 301, 0))),
                List.of(),
                Optional.of(List.of()),
                fresh(Duration.ZERO));
        CheckResult result = run(CheckCatalog.REPLICATION_LAG, behind, Optional.empty());
        assertEquals(CheckResult.Status.FAIL, result.status());
        assertTrue(result.findings().get(0).detail().contains("signoz_traces.signoz_index_v3 (delay 301 s, queue 0)"));
        assertEquals(Severity.WARNING, result.spec().severity());
    }

    @Test
    void readonly_replica_failsNamingTheTable() {
        ClickHouseObservation observation = observation(
                List.of(healthy(host(1, 2), replica(true, 0, 0))),
                List.of(),
                Optional.of(List.of()),
                fresh(Duration.ZERO));
        CheckResult result = run(CheckCatalog.REPLICA_READONLY, observation, Optional.empty());
        assertEquals(
                "h12:9000: replicated table(s) refuse writes: signoz_traces.signoz_index_v3 (read-only)",
                result.findings().get(0).detail());
        assertEquals(List.of("Pod/platform/h12"), result.findings().get(0).objects());
    }

    @Test
    void ddlQueue_absentOnOldServers_isSkippedWithTheVersion() {
        ClickHouseObservation old =
                observation(List.of(healthy(host(1, 1))), List.of(), Optional.empty(), fresh(Duration.ZERO));
        CheckResult result = run(CheckCatalog.DDL_QUEUE_STUCK, old, Optional.empty());
        assertEquals(CheckResult.Status.SKIP, result.status());
        assertEquals(
                "ClickHouse 25.12.5 has no distributed DDL queue to read (no system.distributed_ddl_queue, or no ZooKeeper)",
                result.note());
    }

    @Test
    void ddlQueue_taskOlderThanTheLimit_fails_youngerPasses() {
        DdlTask old = new DdlTask(
                "query-0000000007", "h21:9000", "Active", NOW.minus(Duration.ofMinutes(11)), "CREATE TABLE x");
        DdlTask young = new DdlTask(
                "query-0000000008", "h21:9000", "Active", NOW.minus(Duration.ofMinutes(9)), "ALTER TABLE y");
        CheckResult result = run(
                CheckCatalog.DDL_QUEUE_STUCK,
                observation(
                        List.of(healthy(host(1, 1))),
                        List.of(),
                        Optional.of(List.of(old, young)),
                        fresh(Duration.ZERO)),
                Optional.empty());
        assertEquals(1, result.findings().size());
        assertEquals(
                "query-0000000007 is Active on h21:9000 after 11 min: CREATE TABLE x",
                result.findings().get(0).detail());
    }

    @Test
    void migrations_databaseMissingOnOneHost_andFailedMigration_areBothReported() {
        HostObservation partial = new HostObservation(
                host(2, 2),
                "Pod/platform/h22",
                null,
                "25.12.5",
                Set.of("signoz_traces"),
                List.of(),
                new ZooKeeperSession(ZooKeeperSession.State.UP, ""),
                HostStorage.NOT_READ);
        ClickHouseObservation observation = observation(
                List.of(healthy(host(1, 1)), partial),
                List.of(new MigrationState("signoz_logs", 1004, "failed", "code: 115")),
                Optional.of(List.of()),
                fresh(Duration.ZERO));
        List<String> details =
                run(CheckCatalog.MIGRATIONS_INCOMPLETE, observation, Optional.empty()).findings().stream()
                        .map(Finding::detail)
                        .toList();
        assertTrue(details.contains("signoz_metrics is missing on h22:9000"), details.toString());
        assertTrue(details.contains("signoz_logs has migration(s) 1004 failed (code: 115)"), details.toString());
    }

    @Test
    void ingestion_olderThanTheGap_fails_noRowsFails_freshPasses() {
        List<Freshness> signals = List.of(
                new Freshness(
                        "traces", "signoz_traces.distributed_signoz_index_v3", true, NOW.minus(Duration.ofMinutes(11))),
                new Freshness("logs", "signoz_logs.distributed_logs_v2", true, null),
                new Freshness(
                        "metrics", "signoz_metrics.distributed_samples_v4", true, NOW.minus(Duration.ofMinutes(9))));
        CheckResult result = run(
                CheckCatalog.INGESTION_STALLED,
                observation(List.of(healthy(host(1, 1))), List.of(), Optional.of(List.of()), signals),
                Optional.empty());
        assertEquals(
                List.of("traces: newest row is 11 min old (limit 10 min)", "logs: no row in the last 24 hours"),
                result.findings().stream().map(Finding::detail).toList());
    }

    @Test
    void seedDown_reportsTheHostAndSkipsTheRest() {
        ClusterHost unknown = new ClusterHost("prod", 0, 0, "ClickHouse/10.0.0.9:8123", "", 0);
        ClickHouseObservation down = new ClickHouseObservation(
                "ClickHouse/10.0.0.9:8123",
                "Connection refused",
                "unknown",
                Set.of(),
                List.of(),
                List.of(HostObservation.down(unknown, "ClickHouse/10.0.0.9:8123", "Connection refused")),
                Optional.empty(),
                Set.of(),
                List.of(),
                List.of(),
                NOW);
        assertEquals(
                "ClickHouse/10.0.0.9:8123 does not answer: Connection refused",
                run(CheckCatalog.CLICKHOUSE_HOST_DOWN, down, Optional.empty())
                        .findings()
                        .get(0)
                        .detail());
        CheckResult readonly = run(CheckCatalog.REPLICA_READONLY, down, Optional.empty());
        assertEquals(CheckResult.Status.SKIP, readonly.status());
        assertEquals("no ClickHouse host answered: Connection refused", readonly.note());
    }

    @Test
    void noClickHouseLook_skipsWithTheReason() {
        CheckContext context =
                new CheckContext(Optional.empty(), Optional.empty(), ClickHouseEvidence.absent("--no-clickhouse"));
        CheckReport report = CheckRunner.run(ClickHouseHealthChecks.all(), context);
        assertEquals(report.results().size(), report.skipped());
        assertEquals("--no-clickhouse", report.results().get(0).note());
    }
}
