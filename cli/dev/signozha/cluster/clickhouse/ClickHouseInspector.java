package dev.signozha.cluster.clickhouse;

import dev.signozha.core.clickhouse.ClickHouseObservation;
import dev.signozha.core.clickhouse.ClusterHost;
import dev.signozha.core.clickhouse.DdlTask;
import dev.signozha.core.clickhouse.HostObservation;
import dev.signozha.core.clickhouse.MigrationState;
import dev.signozha.core.text.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Looks inside a ClickHouse cluster once: the seed describes the cluster (system.clusters, DDL queue,
 * migrations, ingestion), then every host of the cluster is asked about itself. A host that does not
 * answer is recorded as down; nothing here throws for an unhealthy cluster.
 */
public final class ClickHouseInspector {

    private final HostConnector hosts;
    private final Clock clock;

    public ClickHouseInspector(HostConnector hosts, Clock clock) {
        this.hosts = hosts;
        this.clock = clock;
    }

    /** The observation for the cluster of this name (or, when it is missing, the largest cluster defined). */
    public ClickHouseObservation inspect(String clusterName) {
        try (Connection seed = hosts.seed()) {
            return inspect(new ClickHouseSql(seed), clusterName);
        } catch (SQLException e) {
            String error = Messages.firstLine(e.getMessage(), "no answer");
            ClusterHost unknown = new ClusterHost(clusterName, 0, 0, hosts.seedName(), "", 0);
            return new ClickHouseObservation(
                    hosts.seedName(),
                    error,
                    "unknown",
                    Set.of(),
                    List.of(),
                    List.of(HostObservation.down(unknown, hosts.seedName(), error)),
                    Optional.empty(),
                    Set.of(),
                    List.of(),
                    List.of(),
                    clock.instant());
        }
    }

    private ClickHouseObservation inspect(ClickHouseSql seed, String clusterName) throws SQLException {
        Set<String> systemTables = seed.systemTables();
        List<ClusterHost> all = seed.clusterHosts();
        Set<String> clusterNames =
                all.stream().map(ClusterHost::cluster).collect(Collectors.toCollection(TreeSet::new));
        String probed = clusterNames.contains(clusterName) ? clusterName : largest(all);
        List<ClusterHost> members =
                all.stream().filter(h -> h.cluster().equals(probed)).toList();
        Optional<List<DdlTask>> ddl = seed.ddlQueue(systemTables);
        Set<String> withMigrations = new TreeSet<>();
        List<MigrationState> migrations = new ArrayList<>();
        for (String database : ClickHouseObservation.SIGNOZ_DATABASES) {
            if (seed.tableExists(database, "distributed_schema_migrations_v2")) {
                withMigrations.add(database);
                migrations.addAll(seed.unfinishedMigrations(database));
            }
        }
        return new ClickHouseObservation(
                hosts.seedName(),
                null,
                seed.version(),
                clusterNames,
                clusterNames.contains(clusterName) ? members : List.of(),
                observeEach(members),
                ddl,
                withMigrations,
                migrations,
                seed.freshness(),
                seed.now());
    }

    /** The cluster with the most hosts, ignoring the operator's automatic all-replicated/all-sharded ones. */
    private static String largest(List<ClusterHost> all) {
        Map<String, Long> sizes = all.stream()
                .filter(h -> !h.cluster().startsWith("all-"))
                .collect(Collectors.groupingBy(ClusterHost::cluster, Collectors.counting()));
        return sizes.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse("");
    }

    private List<HostObservation> observeEach(List<ClusterHost> members) {
        List<HostObservation> observed = new ArrayList<>();
        for (ClusterHost host : members) {
            observed.add(observe(host));
        }
        return observed;
    }

    private HostObservation observe(ClusterHost host) {
        String object = hosts.describe(host);
        try (Connection connection = hosts.open(host)) {
            ClickHouseSql sql = new ClickHouseSql(connection);
            Set<String> systemTables = sql.systemTables();
            return new HostObservation(
                    host,
                    object,
                    null,
                    sql.version(),
                    sql.databases(),
                    sql.replicas(),
                    sql.zookeeper(systemTables),
                    sql.storage(systemTables));
        } catch (SQLException | RuntimeException e) {
            return HostObservation.down(host, object, Messages.firstLine(e.getMessage(), "no answer"));
        }
    }
}
