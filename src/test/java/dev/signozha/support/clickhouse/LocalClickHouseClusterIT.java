package dev.signozha.support.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.clickhouse.LocalClickHouseCluster.Node;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The local ClickHouse cluster is what the tests that use it expect: topology, DDL, replication, failures. */
class LocalClickHouseClusterIT {

    @RegisterExtension
    static final LocalClickHouseCluster CLUSTER = new LocalClickHouseCluster();

    /** (18.16 has no getMacro().) */
    private static final String REPLICA_MACRO = "SELECT substitution FROM system.macros WHERE macro = 'replica'";

    @Test
    void systemClusters_listsEveryNodeByItsOwnAddressAndTheStandardPort() throws SQLException {
        assertEquals(
                List.of("ch-s1-r1", "ch-s1-r2", "ch-s2-r1", "ch-s2-r2"),
                CLUSTER.nodes().stream().map(Node::name).toList());
        if (System.getenv("CH_ADDRESS_BASE") == null) {
            assertEquals(List.of("127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14"), CLUSTER.addresses());
        }
        List<String> expected = CLUSTER.nodes().stream()
                .map(n -> n.shard() + " " + n.replica() + " " + n.address() + " " + n.address() + " 9000")
                .toList();
        for (Node node : CLUSTER.nodes()) {
            try (Connection c = CLUSTER.connect(node.address());
                    PreparedStatement s =
                            c.prepareStatement("SELECT shard_num, replica_num, host_name, host_address, port"
                                    + " FROM system.clusters WHERE cluster = ? ORDER BY shard_num, replica_num")) {
                s.setString(1, CLUSTER.clusterName());
                List<String> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(r.getInt(1) + " " + r.getInt(2) + " " + r.getString(3) + " " + r.getString(4) + " "
                                + r.getInt(5));
                    }
                }
                assertEquals(expected, rows, "system.clusters on " + node.name());
                assertEquals(
                        String.format("%02d", node.shard()) + " " + node.name(),
                        single(
                                c,
                                "SELECT arrayStringConcat(groupArray(substitution), ' ') FROM (SELECT substitution"
                                        + " FROM system.macros WHERE macro IN ('shard', 'replica') ORDER BY macro DESC)"),
                        "macros");
            }
        }
    }

    @Test
    void onClusterReplicatedAndDistributedTables_roundTripRows() throws SQLException {
        String table = "smoke_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String cluster = CLUSTER.clusterName();
        String first = CLUSTER.nodes().get(0).address();
        int shards =
                (int) CLUSTER.nodes().stream().mapToInt(Node::shard).distinct().count();
        int rows = 1000;
        try (Connection c = CLUSTER.connect(first);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE default." + table + " ON CLUSTER " + cluster
                    + " (id UInt64, s String) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/default/"
                    + table + "', '{replica}') ORDER BY id");
            s.execute("CREATE TABLE default." + table + "_dist ON CLUSTER " + cluster + " AS default." + table
                    + " ENGINE = Distributed(" + cluster + ", default, " + table + ", id)");
        }
        try {
            Properties sync = new Properties();
            sync.setProperty("insert_distributed_sync", "1");
            try (Connection c = LegacyConnections.open(first, sync);
                    PreparedStatement insert =
                            c.prepareStatement("INSERT INTO default." + table + "_dist (id, s) VALUES (?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "row-" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            for (Node node : CLUSTER.nodes()) {
                try (Connection c = CLUSTER.connect(node.address());
                        Statement s = c.createStatement()) {
                    s.execute("SYSTEM SYNC REPLICA default." + table);
                    assertEquals(
                            String.valueOf(rows / shards),
                            single(c, "SELECT count() FROM default." + table),
                            "rows of its shard on " + node.name());
                    assertEquals(
                            String.valueOf(rows),
                            single(c, "SELECT count() FROM default." + table + "_dist"),
                            "all rows through the Distributed table on " + node.name());
                    assertEquals("row-999", single(c, "SELECT s FROM default." + table + "_dist WHERE id = 999"));
                    assertEquals(
                            "0 0 2 2",
                            single(
                                    c,
                                    "SELECT concat(toString(is_readonly), ' ', toString(queue_size),"
                                            + " ' ', toString(active_replicas), ' ', toString(total_replicas)) FROM system.replicas"
                                            + " WHERE database = 'default' AND table = '" + table + "'"));
                }
            }
        } finally {
            try (Connection c = CLUSTER.connect(first);
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS default." + table + "_dist ON CLUSTER " + cluster);
                s.execute("DROP TABLE IF EXISTS default." + table + " ON CLUSTER " + cluster);
            }
        }
    }

    @Test
    void stoppingOneNode_leavesTheOthersAnswering_andRestartBringsItBack() throws SQLException {
        Node stopped = CLUSTER.node("ch-s1-r2");
        CLUSTER.stopNode(stopped.name());
        try {
            assertThrows(
                    SQLException.class,
                    () -> CLUSTER.connect(stopped.address()).close(),
                    "connecting to the stopped node");
            for (Node node : CLUSTER.nodes()) {
                if (node.equals(stopped)) {
                    continue;
                }
                try (Connection c = CLUSTER.connect(node.address())) {
                    assertEquals(node.name(), single(c, REPLICA_MACRO));
                    assertEquals(
                            "4",
                            single(
                                    c,
                                    "SELECT count() FROM system.clusters WHERE cluster = '" + CLUSTER.clusterName()
                                            + "'"));
                }
            }
        } finally {
            CLUSTER.restart();
        }
        try (Connection c = CLUSTER.connect(stopped.address())) {
            assertEquals(stopped.name(), single(c, REPLICA_MACRO));
        }
        assertEquals("Ok.\n", CLUSTER.query(stopped.address(), "SELECT 'Ok.'"));
    }

    @Test
    void stoppingZooKeeper_cutsEveryNodeOff_andRestartBringsItBack() throws SQLException {
        String zkQuery = "SELECT count() > 0 FROM system.zookeeper WHERE path = '/'";
        CLUSTER.stopZooKeeper();
        try {
            for (String address : CLUSTER.addresses()) {
                try (Connection c = CLUSTER.connect(address)) {
                    assertEquals("1", single(c, "SELECT 1"), "the node itself still answers");
                    SQLException e = assertThrows(SQLException.class, () -> single(c, zkQuery), address);
                    assertTrue(
                            String.valueOf(e.getMessage()).contains("ZooKeeper")
                                    || String.valueOf(e.getMessage()).contains("Session expired")
                                    || String.valueOf(e.getMessage()).contains("Connection loss"),
                            e.getMessage());
                }
            }
        } finally {
            CLUSTER.restart();
        }
        for (String address : CLUSTER.addresses()) {
            try (Connection c = CLUSTER.connect(address)) {
                assertEquals("1", single(c, zkQuery), address);
            }
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), "a row from " + sql);
            return r.getString(1);
        }
    }
}
