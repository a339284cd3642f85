package dev.signozha.checks;

import dev.signozha.core.clickhouse.ClickHouseObservation;
import dev.signozha.core.clickhouse.ClusterHost;
import dev.signozha.core.clickhouse.HostObservation;
import dev.signozha.core.clickhouse.HostStorage.DiskUsage;
import dev.signozha.core.clickhouse.HostStorage.TableEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How each host stores SigNoz's data: replicated tables where the cluster has replicas, the same databases and tables
 * on every host, room on the disks, and merges keeping up with inserts.
 */
final class ClickHouseStorageChecks {

    static final int WARNING_PERCENT = 80;
    static final int ERROR_PERCENT = 90;
    /**
     * A partition at half of parts_to_throw_insert is already past parts_to_delay_insert (a third of it by default
     * on 23.x and later, half on older servers): inserts are being slowed down and the next burst fails.
     */
    static final double PARTS_NEAR_LIMIT = 0.5;

    private static final int LISTED = 5;

    private ClickHouseStorageChecks() {}

    static List<Check> all() {
        return List.of(
                ClickHouseHealthChecks.check(
                        CheckCatalog.REPLICATION_ENGINE_MISMATCH, ClickHouseStorageChecks::engines),
                ClickHouseHealthChecks.check(CheckCatalog.DISK_USAGE, (o, c) -> disks(o)),
                ClickHouseHealthChecks.check(CheckCatalog.PARTS_BACKLOG, (o, c) -> parts(o)),
                ClickHouseHealthChecks.check(CheckCatalog.SCHEMA_PARITY, (o, c) -> parity(o)));
    }

    private static Outcome engines(ClickHouseObservation observation, CheckContext context) {
        int replicas = context.intended()
                .map(Intended::replicas)
                .orElseGet(() -> observation.clusterHosts().stream()
                        .mapToInt(ClusterHost::replica)
                        .max()
                        .orElse(0));
        if (replicas < 2) {
            return Outcome.skip("the cluster has " + replicas + " replica(s) per shard; replication is not needed");
        }
        List<Finding> findings = new ArrayList<>();
        for (HostObservation host : answering(observation)) {
            List<String> plain = host.storage().tables().stream()
                    .filter(ClickHouseStorageChecks::unreplicated)
                    .map(table -> table.name() + " (" + table.engine() + ")")
                    .toList();
            if (!plain.isEmpty()) {
                findings.add(Finding.of(
                        host.host().endpoint() + ": " + plain.size() + " SigNoz table(s) are not "
                                + "replicated although the cluster has " + replicas
                                + " replicas per shard, so each replica "
                                + "holds different data: " + listed(plain),
                        host.object()));
            }
        }
        return Outcome.of(findings, "every SigNoz MergeTree table is Replicated (" + replicas + " replicas per shard)");
    }

    /** A MergeTree-family table that keeps its data on this host only. */
    static boolean unreplicated(TableEngine table) {
        return table.engine().endsWith("MergeTree")
                && !table.engine().startsWith("Replicated")
                && !table.engine().startsWith("Shared");
    }

    private static Outcome disks(ClickHouseObservation observation) {
        List<HostObservation> reporting = answering(observation).stream()
                .filter(host -> host.storage().disks().isPresent())
                .toList();
        if (reporting.isEmpty()) {
            return Outcome.skip("ClickHouse " + observation.version() + " has no system.disks (19.15 and later have)");
        }
        List<Finding> findings = new ArrayList<>();
        boolean error = false;
        for (HostObservation host : reporting) {
            for (DiskUsage disk : host.storage().disks().orElseThrow()) {
                if (disk.usedPercent() >= WARNING_PERCENT) {
                    error |= disk.usedPercent() >= ERROR_PERCENT;
                    findings.add(Finding.of(
                            host.host().endpoint() + ": disk " + disk.name() + " (" + disk.path()
                                    + ") is " + percent(disk.usedPercent()) + " used, " + gibibytes(disk.freeBytes())
                                    + " free of " + gibibytes(disk.totalBytes()),
                            host.object()));
                }
            }
        }
        return Outcome.of(
                findings,
                reporting.size() + " host(s) have every disk under " + WARNING_PERCENT + "% used",
                error ? Severity.ERROR : Severity.WARNING);
    }

    private static Outcome parts(ClickHouseObservation observation) {
        List<Finding> findings = new ArrayList<>();
        for (HostObservation host : answering(observation)) {
            long limit = host.storage().partsToThrowInsert();
            List<String> crowded = host.storage().busiestPartitions().stream()
                    .filter(partition -> limit > 0 && partition.activeParts() >= limit * PARTS_NEAR_LIMIT)
                    .map(partition -> partition.name() + ": " + partition.activeParts() + " active parts")
                    .toList();
            if (!crowded.isEmpty()) {
                findings.add(Finding.of(
                        host.host().endpoint() + ": partitions near parts_to_throw_insert (" + limit
                                + "), where inserts fail with TOO_MANY_PARTS: " + listed(crowded),
                        host.object()));
            }
        }
        return Outcome.of(
                findings,
                "every SigNoz partition under " + Math.round(PARTS_NEAR_LIMIT * 100) + "% of parts_to_throw_insert");
    }

    private static Outcome parity(ClickHouseObservation observation) {
        List<HostObservation> hosts = answering(observation);
        if (hosts.size() < 2) {
            return Outcome.skip(hosts.size() + " host answered; there is nothing to compare");
        }
        Set<String> everywhere = new TreeSet<>();
        hosts.forEach(host -> everywhere.addAll(schema(host)));
        List<Finding> findings = new ArrayList<>();
        for (HostObservation host : hosts) {
            Set<String> mine = schema(host);
            List<String> missing = everywhere.stream()
                    .filter(name -> !mine.contains(name))
                    .filter(name -> !name.contains(".") || mine.contains(name.substring(0, name.indexOf('.'))))
                    .map(name -> (name.contains(".") ? "table " : "database ") + name + " (on " + count(hosts, name)
                            + " of " + hosts.size() + " hosts)")
                    .toList();
            if (!missing.isEmpty()) {
                findings.add(Finding.of(
                        host.host().endpoint() + " lacks " + missing.size() + " SigNoz database(s) or "
                                + "table(s) other hosts have: " + listed(missing),
                        host.object()));
            }
        }
        return Outcome.of(
                findings, hosts.size() + " hosts have the same " + everywhere.size() + " SigNoz databases and tables");
    }

    /** A host's SigNoz databases (by name) and tables (database.table). */
    private static Set<String> schema(HostObservation host) {
        Set<String> names = host.databases().stream()
                .filter(ClickHouseObservation.SIGNOZ_DATABASES::contains)
                .collect(Collectors.toCollection(TreeSet::new));
        host.storage().tables().forEach(table -> names.add(table.name()));
        return names;
    }

    private static long count(List<HostObservation> hosts, String name) {
        return hosts.stream().filter(host -> schema(host).contains(name)).count();
    }

    private static List<HostObservation> answering(ClickHouseObservation observation) {
        return observation.hosts().stream().filter(HostObservation::reachable).toList();
    }

    private static String listed(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(LISTED, items.size())));
        return items.size() > LISTED ? shown + " and " + (items.size() - LISTED) + " more" : shown;
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", Math.floor(value));
    }

    private static String gibibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
