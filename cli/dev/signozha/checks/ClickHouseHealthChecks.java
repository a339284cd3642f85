package dev.signozha.checks;

import dev.signozha.core.clickhouse.ClickHouseObservation;
import dev.signozha.core.clickhouse.ClusterHost;
import dev.signozha.core.clickhouse.DdlTask;
import dev.signozha.core.clickhouse.Freshness;
import dev.signozha.core.clickhouse.HostObservation;
import dev.signozha.core.clickhouse.MigrationState;
import dev.signozha.core.clickhouse.ReplicaState;
import dev.signozha.core.clickhouse.Thresholds;
import dev.signozha.core.clickhouse.ZooKeeperSession;
import dev.signozha.core.migration.MigratorFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The cluster as ClickHouse itself reports it: hosts answering, the cluster definition matching the topology,
 * ZooKeeper sessions, replicas writable and current, the DDL queue moving, migrations done, data arriving.
 */
final class ClickHouseHealthChecks {

    private ClickHouseHealthChecks() {}

    static List<Check> all() {
        return List.of(
                check(CheckCatalog.CLICKHOUSE_HOST_DOWN, (o, c) -> hostsDown(o)),
                check(CheckCatalog.CLICKHOUSE_TOPOLOGY_MISMATCH, ClickHouseHealthChecks::topology),
                check(CheckCatalog.ZOOKEEPER_UNREACHABLE, (o, c) -> zookeeper(o)),
                check(CheckCatalog.REPLICA_READONLY, (o, c) -> readonly(o)),
                check(
                        CheckCatalog.REPLICATION_LAG,
                        (o, c) -> lag(o, c.clickhouse().thresholds())),
                check(
                        CheckCatalog.DDL_QUEUE_STUCK,
                        (o, c) -> ddl(o, c.clickhouse().thresholds())),
                check(CheckCatalog.MIGRATIONS_INCOMPLETE, (o, c) -> migrations(o)),
                check(CheckCatalog.MIGRATION_DDL_FAILED, (o, c) -> ddlFailures(o)),
                check(
                        CheckCatalog.INGESTION_STALLED,
                        (o, c) -> ingestion(o, c.clickhouse().thresholds())));
    }

    /**
     * A check that runs only when ClickHouse was looked at (otherwise skipped with the reason why not), and,
     * apart from the host check itself, only when some host answered.
     */
    static Check check(CheckSpec spec, BiFunction<ClickHouseObservation, CheckContext, Outcome> logic) {
        return Check.of(
                spec,
                context -> context.clickhouse()
                        .observation()
                        .map(observation -> observation.answered() || spec == CheckCatalog.CLICKHOUSE_HOST_DOWN
                                ? logic.apply(observation, context)
                                : Outcome.skip("no ClickHouse host answered: " + observation.seedError()))
                        .orElseGet(() -> Outcome.skip(context.clickhouse().absentReason())));
    }

    private static Outcome hostsDown(ClickHouseObservation observation) {
        List<Finding> findings = observation.hosts().stream()
                .filter(h -> !h.reachable())
                .map(h -> Finding.of(
                        (h.host().shard() == 0
                                        ? h.object()
                                        : h.host().endpoint() + " (shard "
                                                + h.host().shard() + ", replica "
                                                + h.host().replica() + ")")
                                + " does not answer: " + h.error(),
                        h.object()))
                .toList();
        return Outcome.of(findings, observation.hosts().size() + " host(s) answer");
    }

    private static Outcome topology(ClickHouseObservation observation, CheckContext context) {
        if (context.intended().isEmpty()) {
            return Outcome.skip("no topology to compare system.clusters with");
        }
        Intended intended = context.intended().get();
        if (!observation.clusterNames().contains(intended.cluster())) {
            return fail(
                    "system.clusters has no cluster '" + intended.cluster() + "' (it has: "
                            + String.join(", ", new TreeSet<>(observation.clusterNames()))
                            + "); every ON CLUSTER statement of the migration fails",
                    "ClickHouseCluster/" + intended.cluster());
        }
        long shards = observation.clusterHosts().stream()
                .mapToInt(ClusterHost::shard)
                .distinct()
                .count();
        int replicas = observation.clusterHosts().stream()
                .mapToInt(ClusterHost::replica)
                .max()
                .orElse(0);
        if (shards != intended.shards() || replicas != intended.replicas()) {
            return fail(
                    "cluster '" + intended.cluster() + "' has " + shards + " shard(s) x " + replicas
                            + " replica(s), the topology wants " + intended.shards() + " x " + intended.replicas(),
                    "ClickHouseCluster/" + intended.cluster());
        }
        return Outcome.pass("cluster '" + intended.cluster() + "' is " + shards + " x " + replicas);
    }

    private static Outcome zookeeper(ClickHouseObservation observation) {
        List<HostObservation> answering =
                observation.hosts().stream().filter(HostObservation::reachable).toList();
        if (answering.stream().allMatch(h -> h.zookeeper().state() == ZooKeeperSession.State.NOT_CONFIGURED)) {
            return Outcome.skip("no host has ZooKeeper configured");
        }
        List<Finding> findings = answering.stream()
                .filter(h -> h.zookeeper().state() != ZooKeeperSession.State.UP)
                .map(h -> Finding.of(
                        h.host().endpoint() + " has no ZooKeeper session: "
                                + h.zookeeper().detail(),
                        h.object()))
                .toList();
        return Outcome.of(findings, answering.size() + " host(s) have a ZooKeeper session");
    }

    private static Outcome readonly(ClickHouseObservation observation) {
        return perHost(
                observation,
                r -> r.readonly() || r.sessionExpired(),
                r -> r.name() + (r.sessionExpired() ? " (session expired)" : " (read-only)"),
                "replicated table(s) refuse writes: ",
                "no replicated table is read-only");
    }

    private static Outcome lag(ClickHouseObservation observation, Thresholds limits) {
        long maxDelay = limits.maxReplicationDelay().toSeconds();
        return perHost(
                observation,
                r -> r.absoluteDelaySeconds() > maxDelay || r.queueSize() > limits.maxReplicationQueue(),
                r -> r.name() + " (delay " + r.absoluteDelaySeconds() + " s, queue " + r.queueSize() + ")",
                "replica(s) fall behind (limits " + maxDelay + " s, " + limits.maxReplicationQueue() + " entries): ",
                "replicas within " + maxDelay + " s and " + limits.maxReplicationQueue() + " queued entries");
    }

    private static Outcome perHost(
            ClickHouseObservation observation,
            java.util.function.Predicate<ReplicaState> bad,
            java.util.function.Function<ReplicaState, String> describe,
            String prefix,
            String pass) {
        List<Finding> findings = new ArrayList<>();
        for (HostObservation host : observation.hosts()) {
            List<String> tables =
                    host.replicas().stream().filter(bad).map(describe).toList();
            if (!tables.isEmpty()) {
                findings.add(
                        Finding.of(host.host().endpoint() + ": " + prefix + String.join(", ", tables), host.object()));
            }
        }
        return Outcome.of(findings, pass);
    }

    private static Outcome ddl(ClickHouseObservation observation, Thresholds limits) {
        if (observation.ddlQueue().isEmpty()) {
            return Outcome.skip("ClickHouse " + observation.version() + " has no distributed DDL queue to read "
                    + "(no system.distributed_ddl_queue, or no ZooKeeper)");
        }
        List<Finding> findings = new ArrayList<>();
        for (DdlTask task : observation.ddlQueue().get()) {
            Duration age = Duration.between(task.created(), observation.serverNow());
            if (age.compareTo(limits.maxDdlAge()) > 0) {
                findings.add(Finding.of(
                        task.entry() + " is " + task.status() + " on " + task.host() + " after " + age.toMinutes()
                                + " min: " + task.query(),
                        "DistributedDDL/" + task.entry()));
            }
        }
        return Outcome.of(
                findings, "no DDL task older than " + limits.maxDdlAge().toMinutes() + " min");
    }

    private static Outcome migrations(ClickHouseObservation observation) {
        List<Finding> findings = new ArrayList<>();
        List<HostObservation> answering =
                observation.hosts().stream().filter(HostObservation::reachable).toList();
        for (String database : ClickHouseObservation.SIGNOZ_DATABASES) {
            List<String> missing = answering.stream()
                    .filter(h -> !h.databases().contains(database))
                    .map(h -> h.host().endpoint())
                    .toList();
            if (missing.size() == answering.size() && !answering.isEmpty()) {
                findings.add(Finding.of(
                        database + " exists on no host: the schema migration has not run", "Database/" + database));
            } else if (!missing.isEmpty()) {
                findings.add(
                        Finding.of(database + " is missing on " + String.join(", ", missing), "Database/" + database));
            }
        }
        Map<String, List<MigrationState>> unfinished = new TreeMap<>(observation.migrations().stream()
                .filter(m -> !m.finished() && ddlFailure(m).isEmpty())
                .collect(Collectors.groupingBy(MigrationState::database)));
        unfinished.forEach((database, states) -> findings.add(Finding.of(
                database + " has migration(s) "
                        + states.stream()
                                .map(m ->
                                        m.id() + " " + m.status() + (m.error().isEmpty() ? "" : " (" + m.error() + ")"))
                                .collect(Collectors.joining(", ")),
                "Database/" + database)));
        return Outcome.of(findings, "SigNoz databases on every host, every migration finished");
    }

    /** Failed migrations whose error is a distributed-DDL failure: reported apart, since each has its own fix. */
    private static Outcome ddlFailures(ClickHouseObservation observation) {
        List<Finding> findings = new ArrayList<>();
        for (MigrationState migration : observation.migrations()) {
            ddlFailure(migration)
                    .ifPresent(failure -> findings.add(Finding.of(
                            migration.database() + " migration " + migration.id() + " " + migration.status() + ": "
                                    + failure.describe(),
                            "Database/" + migration.database())));
        }
        return Outcome.of(findings, "no migration failed on distributed DDL");
    }

    private static Optional<MigratorFailure> ddlFailure(MigrationState migration) {
        if (migration.finished() || migration.error().isEmpty()) {
            return Optional.empty();
        }
        MigratorFailure failure = MigratorFailure.classify(List.of(migration.error()), List.of());
        return failure.cause().distributedDdl() ? Optional.of(failure) : Optional.empty();
    }

    private static Outcome ingestion(ClickHouseObservation observation, Thresholds limits) {
        List<Freshness> present =
                observation.freshness().stream().filter(Freshness::tableExists).toList();
        if (present.isEmpty()) {
            return Outcome.skip("no SigNoz table to read (see MIGRATIONS_INCOMPLETE)");
        }
        List<Finding> findings = new ArrayList<>();
        for (Freshness signal : present) {
            String table = "Table/" + signal.table();
            if (signal.newest() == null) {
                findings.add(Finding.of(signal.signal() + ": no row in the last 24 hours", table));
                continue;
            }
            Duration gap = Duration.between(signal.newest(), observation.serverNow());
            if (gap.compareTo(limits.maxIngestionGap()) > 0) {
                findings.add(Finding.of(
                        signal.signal() + ": newest row is " + gap.toMinutes() + " min old (limit "
                                + limits.maxIngestionGap().toMinutes() + " min)",
                        table));
            }
        }
        return Outcome.of(
                findings,
                present.stream().map(Freshness::signal).collect(Collectors.joining(", ")) + " received rows within "
                        + limits.maxIngestionGap().toMinutes() + " min");
    }

    private static Outcome fail(String detail, String object) {
        return new Outcome.Fail(List.of(Finding.of(detail, object)));
    }
}
