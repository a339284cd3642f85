package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.clickhouse.ClickHouseObservation;
import dev.signozha.core.clickhouse.ClusterHost;
import dev.signozha.core.clickhouse.HostObservation;
import dev.signozha.core.clickhouse.HostStorage;
import dev.signozha.core.clickhouse.HostStorage.DiskUsage;
import dev.signozha.core.clickhouse.HostStorage.PartitionParts;
import dev.signozha.core.clickhouse.HostStorage.TableEngine;
import dev.signozha.core.clickhouse.Thresholds;
import dev.signozha.core.clickhouse.ZooKeeperSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** REPLICATION_ENGINE_MISMATCH, DISK_USAGE, PARTS_BACKLOG and SCHEMA_PARITY judged on rows built in code. */
class ClickHouseStorageChecksTest {

    private static final long GIB = 1L << 30;
    private static final Intended TWO_BY_TWO =
            new Intended("test", "platform", "chi", "chi", "prod", 2, 2, 3, null, null, null, false);
    private static final List<TableEngine> REPLICATED = List.of(
            new TableEngine("signoz_logs", "distributed_logs_v2", "Distributed"),
            new TableEngine("signoz_logs", "logs_v2", "ReplicatedMergeTree"),
            new TableEngine("signoz_logs", "schema_migrations_v2", "ReplicatedReplacingMergeTree"),
            new TableEngine("signoz_traces", "signoz_index_v3", "ReplicatedMergeTree"),
            new TableEngine("signoz_traces", "dependency_graph_minutes_v2_mv", "MaterializedView"));

    private static ClusterHost host(int shard, int replica) {
        return new ClusterHost("prod", shard, replica, "h" + shard + replica, "10.0.0." + shard + replica, 9000);
    }

    private static HostObservation host(int shard, int replica, HostStorage storage) {
        return host(shard, replica, Set.of("signoz_logs", "signoz_traces"), storage);
    }

    private static HostObservation host(int shard, int replica, Set<String> databases, HostStorage storage) {
        ClusterHost host = host(shard, replica);
        return new HostObservation(
                host,
                "Pod/platform/" + host.hostName() + "-0",
                null,
                "25.12.5",
                databases,
                List.of(),
                new ZooKeeperSession(ZooKeeperSession.State.UP, "1 connection(s)"),
                storage);
    }

    private static HostStorage storage(List<TableEngine> tables) {
        return new HostStorage(tables, Optional.of(List.of(disk(50))), List.of(parts(10)), 300);
    }

    private static DiskUsage disk(double usedPercent) {
        return new DiskUsage(
                "default", "/var/lib/clickhouse/", Math.round(100 * GIB * (100 - usedPercent) / 100), 100 * GIB);
    }

    private static PartitionParts parts(long active) {
        return new PartitionParts("signoz_logs", "logs_v2", "('2026-11-20',15,0)", active);
    }

    /** A 2x2 cluster of healthy hosts, host h22 changed by {@code h22}. */
    private static ClickHouseObservation cluster(UnaryOperator<HostObservation> h22) {
        List<HostObservation> hosts = new ArrayList<>();
        for (int shard = 1; shard <= 2; shard++) {
            for (int replica = 1; replica <= 2; replica++) {
                HostObservation host = host(shard, replica, storage(REPLICATED));
                hosts.add(shard == 2 && replica == 2 ? h22.apply(host) : host);
            }
        }
        return new ClickHouseObservation(
                "test",
                null,
                "25.12.5",
                Set.of("prod"),
                hosts.stream().map(HostObservation::host).toList(),
                hosts,
                Optional.of(List.of()),
                Set.of(),
                List.of(),
                List.of(),
                Instant.parse("2026-11-20T10:00:00Z"));
    }

    private static HostObservation withStorage(HostObservation host, HostStorage storage) {
        return new HostObservation(
                host.host(),
                host.object(),
                null,
                host.version(),
                host.databases(),
                host.replicas(),
                host.zookeeper(),
                storage);
    }

    private static CheckResult run(CheckSpec spec, ClickHouseObservation observation, Optional<Intended> intended) {
        CheckContext context =
                new CheckContext(Optional.empty(), intended, ClickHouseEvidence.of(observation, Thresholds.DEFAULTS));
        return CheckRunner.run(
                        ClickHouseStorageChecks.all().stream()
                                .filter(c -> c.spec() == spec)
                                .toList(),
                        context)
                .results()
                .get(0);
    }

    private static CheckResult run(CheckSpec spec, ClickHouseObservation observation) {
        return run(spec, observation, Optional.of(TWO_BY_TWO));
    }

    private static String details(CheckResult result) {
        return String.join("\n", result.findings().stream().map(Finding::detail).toList());
    }

    @Test
    void aHealthyReplicatedCluster_passesEveryCheck() {
        for (Check check : ClickHouseStorageChecks.all()) {
            CheckResult result = run(check.spec(), cluster(h -> h));
            assertEquals(CheckResult.Status.PASS, result.status(), check.spec().code() + ": " + details(result));
        }
    }

    @Test
    void replicationEngineMismatch_namesTheHostAndItsPlainMergeTreeTables() {
        List<TableEngine> plain = List.of(
                new TableEngine("signoz_logs", "distributed_logs_v2", "Distributed"),
                new TableEngine("signoz_logs", "logs_v2", "MergeTree"),
                new TableEngine("signoz_logs", "schema_migrations_v2", "ReplacingMergeTree"),
                new TableEngine("signoz_traces", "signoz_index_v3", "ReplicatedMergeTree"));
        CheckResult result =
                run(CheckCatalog.REPLICATION_ENGINE_MISMATCH, cluster(h -> withStorage(h, storage(plain))));
        assertTrue(result.isError());
        assertEquals(
                "h22:9000: 2 SigNoz table(s) are not replicated although the cluster has 2 replicas per shard, so "
                        + "each replica holds different data: signoz_logs.logs_v2 (MergeTree), signoz_logs.schema_migrations_v2 "
                        + "(ReplacingMergeTree)",
                details(result));
        assertEquals(List.of("Pod/platform/h22-0"), result.findings().get(0).objects());
    }

    @Test
    void replicationEngineMismatch_withoutATopologyTakesTheReplicasFromSystemClusters() {
        List<TableEngine> plain = List.of(new TableEngine("signoz_logs", "logs_v2", "MergeTree"));
        assertEquals(
                CheckResult.Status.FAIL,
                run(
                                CheckCatalog.REPLICATION_ENGINE_MISMATCH,
                                cluster(h -> withStorage(h, storage(plain))),
                                Optional.empty())
                        .status());
    }

    @Test
    void replicationEngineMismatch_isSkippedWithOneReplicaPerShard() {
        Intended single = new Intended("test", "platform", "chi", "chi", "prod", 2, 1, 1, null, null, null, false);
        List<TableEngine> plain = List.of(new TableEngine("signoz_logs", "logs_v2", "MergeTree"));
        CheckResult result = run(
                CheckCatalog.REPLICATION_ENGINE_MISMATCH,
                cluster(h -> withStorage(h, storage(plain))),
                Optional.of(single));
        assertEquals(CheckResult.Status.SKIP, result.status());
        assertEquals("the cluster has 1 replica(s) per shard; replication is not needed", result.note());
    }

    @Test
    void diskUsage_warnsFrom80AndIsAnErrorFrom90Percent() {
        assertEquals(
                CheckResult.Status.PASS,
                run(CheckCatalog.DISK_USAGE, cluster(h -> withDisk(h, 79.9))).status());
        CheckResult warning = run(CheckCatalog.DISK_USAGE, cluster(h -> withDisk(h, 80)));
        assertTrue(warning.isWarning() && !warning.isError());
        assertEquals(
                "h22:9000: disk default (/var/lib/clickhouse/) is 80% used, 20.0 GiB free of 100.0 GiB",
                details(warning));
        CheckResult error = run(CheckCatalog.DISK_USAGE, cluster(h -> withDisk(h, 90)));
        assertTrue(error.isError());
        assertEquals(Severity.ERROR, error.severity());
    }

    @Test
    void diskUsage_theReportsAndTheExitFollowTheLevelOfThisFailure() {
        CheckReport report =
                new CheckReport("test", List.of(run(CheckCatalog.DISK_USAGE, cluster(h -> withDisk(h, 95)))));
        assertEquals(1, report.errors());
        assertTrue(report.failed(false));
        assertEquals(
                "error",
                ReportJson.render(report, "platform", "test")
                        .path("findings")
                        .get(0)
                        .path("severity")
                        .asText());
        CheckReport warning =
                new CheckReport("test", List.of(run(CheckCatalog.DISK_USAGE, cluster(h -> withDisk(h, 85)))));
        assertEquals(1, warning.warnings());
        assertTrue(!warning.failed(false) && warning.failed(true));
        assertEquals(
                "warning",
                ReportJson.render(warning, "platform", "test")
                        .path("findings")
                        .get(0)
                        .path("severity")
                        .asText());
    }

    private static HostObservation withDisk(HostObservation host, double usedPercent) {
        return withStorage(host, new HostStorage(REPLICATED, Optional.of(List.of(disk(usedPercent))), List.of(), 300));
    }

    @Test
    void diskUsage_isSkippedWhenNoHostHasSystemDisks() {
        ClickHouseObservation old = cluster(h -> h);
        List<HostObservation> hosts = old.hosts().stream()
                .map(h -> withStorage(h, new HostStorage(REPLICATED, Optional.empty(), List.of(), 300)))
                .toList();
        ClickHouseObservation observation = new ClickHouseObservation(
                "test",
                null,
                "18.16.1",
                old.clusterNames(),
                old.clusterHosts(),
                hosts,
                old.ddlQueue(),
                Set.of(),
                List.of(),
                List.of(),
                old.serverNow());
        CheckResult result = run(CheckCatalog.DISK_USAGE, observation);
        assertEquals(CheckResult.Status.SKIP, result.status());
        assertEquals("ClickHouse 18.16.1 has no system.disks (19.15 and later have)", result.note());
    }

    @Test
    void partsBacklog_failsFromHalfOfPartsToThrowInsert() {
        assertEquals(
                CheckResult.Status.PASS,
                run(CheckCatalog.PARTS_BACKLOG, cluster(h -> withParts(h, 149))).status());
        CheckResult result = run(CheckCatalog.PARTS_BACKLOG, cluster(h -> withParts(h, 150)));
        assertTrue(result.isError());
        assertEquals(
                "h22:9000: partitions near parts_to_throw_insert (300), where inserts fail with TOO_MANY_PARTS: "
                        + "signoz_logs.logs_v2 partition ('2026-11-20',15,0): 150 active parts",
                details(result));
    }

    private static HostObservation withParts(HostObservation host, long active) {
        return withStorage(host, new HostStorage(REPLICATED, Optional.empty(), List.of(parts(active)), 300));
    }

    @Test
    void schemaParity_namesTheTablesAHostLacks() {
        List<TableEngine> fewer =
                REPLICATED.stream().filter(t -> !t.table().equals("logs_v2")).toList();
        CheckResult result = run(CheckCatalog.SCHEMA_PARITY, cluster(h -> withStorage(h, storage(fewer))));
        assertTrue(result.isError());
        assertEquals(
                "h22:9000 lacks 1 SigNoz database(s) or table(s) other hosts have: table signoz_logs.logs_v2 "
                        + "(on 3 of 4 hosts)",
                details(result));
    }

    @Test
    void schemaParity_aMissingDatabaseIsNamedOnceNotTableByTable() {
        List<TableEngine> tracesOnly = REPLICATED.stream()
                .filter(t -> t.database().equals("signoz_traces"))
                .toList();
        CheckResult result =
                run(CheckCatalog.SCHEMA_PARITY, cluster(h -> host(2, 2, Set.of("signoz_traces"), storage(tracesOnly))));
        assertEquals(
                "h22:9000 lacks 1 SigNoz database(s) or table(s) other hosts have: database signoz_logs "
                        + "(on 3 of 4 hosts)",
                details(result));
    }

    @Test
    void schemaParity_ignoresHostsThatDidNotAnswer() {
        CheckResult result = run(
                CheckCatalog.SCHEMA_PARITY,
                cluster(h -> HostObservation.down(h.host(), h.object(), "Connection refused")));
        assertEquals(CheckResult.Status.PASS, result.status());
    }
}
