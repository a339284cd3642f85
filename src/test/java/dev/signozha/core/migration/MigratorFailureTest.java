package dev.signozha.core.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.migration.MigratorFailure.Cause;
import dev.signozha.support.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The migrator's failures as users posted them, each recognised for what it is. */
class MigratorFailureTest {

    /**
     * ClickHouse/ClickHouse#102178: the old migrator's sync Job on a SigNoz chart install (the chart's default
     * password in its DSN; the last sentence completed from ClickHouse#89693, where the excerpt stops).
     */
    static final List<String> BOOTSTRAP_TIMEOUT = fixture("bootstrap-ddl-timeout.log");

    static List<String> fixture(String name) {
        try {
            return Files.readAllLines(Project.path("src/test/resources/migration/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ClickHouse/ClickHouse#89693: the server's DDL worker on 25.8.10 skipping the task addressed to it. */
    private static final List<String> SERVER_LOG = List.of(
            "2025.11.05 23:25:51.084983 [ 757 ] {} <Debug> DDLWorker: Scheduling tasks",
            "2025.11.05 23:25:52.084983 [ 757 ] {} <Debug> DDLWorker: Will not execute task query-0000000002: There is"
                    + " no a local address in host list");

    /** SigNoz/charts#895: the sync step of the telemetrystore migrator against ClickHouse 25.5.6 (before 25.12.5). */
    private static final List<String> UNKNOWN_SETTING =
            List.of("Error: failed to run migrations up sync: code: 115, message: There was an error on"
                    + " [chi-signoz-clickhouse-cluster-0-0:9000]: Code: 115. DB::Exception: Unknown setting"
                    + " 'object_serialization_version'. (UNKNOWN_SETTING) (version 25.5.6.14 (official build))");

    /**
     * SigNoz/signoz#10485 (replica names not unique) as the telemetrystore migrator reports a server error (the
     * wrapper of SigNoz/charts#895, the server line of the Altinity build in comet-ml/opik#2379).
     */
    private static final List<String> REPLICA_EXISTS =
            List.of("Error: failed to run migrations up sync: code: 253, message: There was an error on"
                    + " [chi-signoz-clickhouse-cluster-0-1:9000]: Code: 253. DB::Exception: Replica"
                    + " /clickhouse/tables/0/signoz_logs/logs_v2/replicas/chi-signoz-clickhouse-cluster-0-0 already"
                    + " exists. (REPLICA_ALREADY_EXISTS) (version 24.3.5.47.altinitystable (altinity build))");

    @Test
    void code159_isADdlTimeout_andTheDsnPasswordIsNeverRepeated() {
        MigratorFailure failure = MigratorFailure.classify(BOOTSTRAP_TIMEOUT, List.of());
        assertEquals(Cause.DDL_TIMEOUT, failure.cause());
        assertTrue(failure.cause().distributedDdl());
        assertTrue(failure.evidence().startsWith("code: 159, message: Distributed DDL task"), failure.evidence());
        assertFalse(failure.describe().contains("27ff0399"), failure.describe());
    }

    @Test
    void code159_withTheServerSkippingItsOwnTask_isNoLocalAddress() {
        MigratorFailure failure = MigratorFailure.classify(BOOTSTRAP_TIMEOUT, SERVER_LOG);
        assertEquals(Cause.NO_LOCAL_ADDRESS, failure.cause());
        assertTrue(failure.evidence().endsWith("There is no a local address in host list"), failure.evidence());
    }

    @Test
    void serverLogAlone_withoutATimeout_isNotBlamed() {
        MigratorFailure failure = MigratorFailure.classify(UNKNOWN_SETTING, SERVER_LOG);
        assertEquals(Cause.UNKNOWN_SETTING, failure.cause());
        assertFalse(failure.cause().distributedDdl());
    }

    @Test
    void code253_isReplicaAlreadyExists() {
        MigratorFailure failure = MigratorFailure.classify(REPLICA_EXISTS, List.of());
        assertEquals(Cause.REPLICA_ALREADY_EXISTS, failure.cause());
        assertTrue(failure.cause().distributedDdl());
    }

    @Test
    void oldServerWording_watchingTask_isADdlTimeout() {
        // SigNoz/signoz#4342 (ClickHouse before 21.x words the same timeout differently).
        MigratorFailure failure = MigratorFailure.classify(
                List.of("{\"level\":\"error\",\"msg\":\"Failed to run migrations for migrator\",\"migrator\":\"logs\","
                        + "\"error\":\"failed to create database, err: code: 159, message: Watching task"
                        + " /clickhouse/signoz-clickhouse/task_queue/ddl/query-0000013068 is executing longer than"
                        + " distributed_ddl_task_timeout (=180) seconds. There are 1 unfinished hosts (0 of them are"
                        + " currently active), they are going to execute the query in background\"}"),
                List.of());
        assertEquals(Cause.DDL_TIMEOUT, failure.cause());
    }

    @Test
    void anythingElse_isTheLastErrorLine_redacted() {
        // SigNoz/signoz#9817: a reset connection to ClickHouse Cloud, DSN with the password in the first line.
        MigratorFailure failure = MigratorFailure.classify(
                List.of(
                        "{\"M\":\"Running migrations in sync mode\",\"dsn\":\"tcp://default:s3cret@clickhouse.cloud:9440\"}",
                        "Error: failed to bootstrap migrations: failed to create dbs",
                        "read: read tcp 10.0.0.7:58100->10.0.0.9:9440: read: connection reset by peer",
                        "Usage:"),
                List.of());
        assertEquals(Cause.OTHER, failure.cause());
        assertEquals(
                "the migrator failed: Error: failed to bootstrap migrations: failed to create dbs", failure.describe());
        assertEquals(
                "dsn tcp://default:<redacted>@clickhouse.cloud:9440",
                MigratorFailure.redact("dsn tcp://default:s3cret@clickhouse.cloud:9440"));
        assertEquals(
                "tcp://$(CLICKHOUSE_USER):$(CLICKHOUSE_PASSWORD)@$(CLICKHOUSE_HOST)",
                MigratorFailure.redact("tcp://$(CLICKHOUSE_USER):$(CLICKHOUSE_PASSWORD)@$(CLICKHOUSE_HOST)"));
    }
}
