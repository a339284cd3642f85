package dev.signozha.commands;

import dev.signozha.cluster.clickhouse.ConnectionFactory;
import dev.signozha.cluster.clickhouse.Credentials;
import dev.signozha.cluster.clickhouse.DriverConnections;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.clickhouse.Thresholds;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How doctor looks inside ClickHouse, and the limits of the ClickHouse-level checks. */
public final class ClickHouseOptions {

    @Option(names = "--no-clickhouse", description = "Skip the ClickHouse-level checks.")
    boolean skip;

    @Option(names = "--clickhouse-url", paramLabel = "URL",
            description = "Query ClickHouse directly at jdbc:clickhouse://HOST:PORT (e.g. from a bastion); the other "
                    + "hosts of its cluster are reached at their system.clusters address on the same port.")
    String url;

    @Option(names = "--clickhouse-user", paramLabel = "USER",
            description = "ClickHouse user (default: the topology's or the installation's, else default).")
    String user;

    @Option(names = "--clickhouse-password-env", paramLabel = "VAR",
            description = "Read the ClickHouse password from this environment variable (default: from the Secret the "
                    + "topology or the installation names). Passwords are never taken on the command line.")
    String passwordVariable;

    @Option(names = "--max-replication-delay", paramLabel = "DURATION", defaultValue = "300s",
            converter = DurationConverter.class, description = "REPLICATION_LAG above this delay (default: ${DEFAULT-VALUE}).")
    Duration maxReplicationDelay;

    @Option(names = "--max-replication-queue", paramLabel = "N", defaultValue = "100",
            description = "REPLICATION_LAG above this queue size (default: ${DEFAULT-VALUE}).")
    long maxReplicationQueue;

    @Option(names = "--max-ddl-age", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "DDL_QUEUE_STUCK for tasks unfinished longer than this (default: ${DEFAULT-VALUE}).")
    Duration maxDdlAge;

    @Option(names = "--max-ingestion-gap", paramLabel = "DURATION", defaultValue = "10m",
            converter = DurationConverter.class,
            description = "INGESTION_STALLED when the newest row is older than this (default: ${DEFAULT-VALUE}).")
    Duration maxIngestionGap;

    Thresholds thresholds() {
        return new Thresholds(maxReplicationDelay, maxReplicationQueue, maxDdlAge, maxIngestionGap);
    }

    /** The password from the named environment variable, if one was named. */
    String passwordFromEnvironment() {
        if (passwordVariable == null) {
            return null;
        }
        String value = System.getenv(passwordVariable);
        if (value == null) {
            throw InvalidInputException.single("--clickhouse-password-env", "environment variable " + passwordVariable
                    + " is not set");
        }
        return value;
    }

    ConnectionFactory connections(String defaultUser, String secretPassword) {
        String password = passwordFromEnvironment();
        return new DriverConnections(new Credentials(user != null ? user : defaultUser,
                password != null ? password : secretPassword));
    }
}
