package dev.signozha.commands;

import dev.signozha.actions.ClickHouseAccess;
import dev.signozha.actions.ClickHouseData;
import dev.signozha.actions.IngestionProbe;
import dev.signozha.checks.ClusterView;
import dev.signozha.checks.Intended;
import dev.signozha.cluster.clickhouse.ConnectionFactory;
import dev.signozha.cluster.clickhouse.Credentials;
import dev.signozha.cluster.clickhouse.DriverConnections;
import dev.signozha.cluster.clickhouse.HostConnector;
import dev.signozha.cluster.clickhouse.TracedConnections;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.Trace;
import dev.signozha.core.clickhouse.Thresholds;
import dev.signozha.core.topology.ClickHouseMode;
import dev.signozha.core.topology.LoadedTopology;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** How doctor looks inside ClickHouse, and the limits of the ClickHouse-level checks. */
public final class ClickHouseOptions {

    @Option(
            names = "--no-clickhouse",
            description = "Skip the ClickHouse-level checks. deploy and upgrade then "
                    + "verify without them and say so (output and state record); without it, a ClickHouse that does not "
                    + "answer fails their verification.")
    boolean skip;

    @Option(
            names = "--clickhouse-url",
            paramLabel = "URL",
            description = "Query ClickHouse directly at jdbc:clickhouse://HOST:PORT (e.g. from a bastion); the other "
                    + "hosts of its cluster are reached at their system.clusters address on the same port.")
    String url;

    @Option(
            names = "--clickhouse-user",
            paramLabel = "USER",
            description = "ClickHouse user (default: the topology's or the installation's, else default).")
    String user;

    @Option(
            names = "--clickhouse-password-env",
            paramLabel = "VAR",
            description = "Read the ClickHouse password from this environment variable (default: from the Secret the "
                    + "topology or the installation names). Passwords are never taken on the command line.")
    String passwordVariable;

    @Option(
            names = "--max-replication-delay",
            paramLabel = "DURATION",
            defaultValue = "300s",
            converter = DurationConverter.class,
            description = "REPLICATION_LAG above this delay (default: ${DEFAULT-VALUE}).")
    Duration maxReplicationDelay;

    @Option(
            names = "--max-replication-queue",
            paramLabel = "N",
            defaultValue = "100",
            description = "REPLICATION_LAG above this queue size (default: ${DEFAULT-VALUE}).")
    long maxReplicationQueue;

    @Option(
            names = "--max-ddl-age",
            paramLabel = "DURATION",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description = "DDL_QUEUE_STUCK for tasks unfinished longer than this (default: ${DEFAULT-VALUE}).")
    Duration maxDdlAge;

    @Option(
            names = "--max-ingestion-gap",
            paramLabel = "DURATION",
            defaultValue = "10m",
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
            throw InvalidInputException.single(
                    "--clickhouse-password-env", "environment variable " + passwordVariable + " is not set");
        }
        return value;
    }

    /** Doctor's look inside ClickHouse for a live cluster: none with --no-clickhouse, else direct or port-forwarded. */
    ClickHouseAccess viaKubernetes(KubeGateway gateway, Trace trace) {
        if (skip) {
            return ClickHouseAccess.none("--no-clickhouse");
        }
        if (url != null) {
            return direct(trace);
        }
        return ClickHouseAccess.viaKubernetes(
                gateway, intended -> credentials(gateway, intended, trace), thresholds(), Clock.systemUTC());
    }

    /** ClickHouse at --clickhouse-url, with the user and password options. */
    ClickHouseAccess direct(Trace trace) {
        return ClickHouseAccess.direct(url, connections("default", "", trace), thresholds(), Clock.systemUTC());
    }

    /**
     * Upgrade's ingestion probe for the topology being applied: the installation's first ClickHouse pod (or
     * --clickhouse-url); none with --no-clickhouse. The password is read once, when the probe is made.
     */
    Function<LoadedTopology, IngestionProbe> ingestion(KubeGateway gateway, Trace trace) {
        Function<LoadedTopology, Optional<Supplier<HostConnector>>> seeds = seeds(gateway, trace);
        return topology -> seeds.apply(topology).map(IngestionProbe::from).orElseGet(IngestionProbe::none);
    }

    /** Upgrade's questions about SigNoz's data (continuity, backup), asked where the ingestion probe asks. */
    Function<LoadedTopology, ClickHouseData> data(KubeGateway gateway, Trace trace) {
        Function<LoadedTopology, Optional<Supplier<HostConnector>>> seeds = seeds(gateway, trace);
        return topology ->
                seeds.apply(topology).map(ClickHouseData::from).orElseGet(() -> ClickHouseData.none("--no-clickhouse"));
    }

    /** The seed host for a topology: none with --no-clickhouse, else --clickhouse-url or port-forwarded. */
    private Function<LoadedTopology, Optional<Supplier<HostConnector>>> seeds(KubeGateway gateway, Trace trace) {
        if (skip) {
            return topology -> Optional.empty();
        }
        if (url != null) {
            return topology -> Optional.of(IngestionProbe.seedAt(url, connections("default", "", trace)));
        }
        return topology -> {
            String namespace = topology.spec().namespace();
            // Existing mode's installation is found by its Service: only then is the namespace read.
            Optional<ClusterView> view = topology.spec().clickhouse().mode() == ClickHouseMode.EXISTING
                    ? Optional.of(new ClusterView(gateway.inventory(namespace), namespace))
                    : Optional.empty();
            Intended intended = Intended.of(topology, "topology file " + topology.source(), view);
            return Optional.of(IngestionProbe.seedViaKubernetes(
                    gateway, namespace, intended, credentials(gateway, Optional.of(intended), trace)));
        };
    }

    /** User and password for the port-forwarded hosts: the installation's Secret unless a variable was named. */
    private ConnectionFactory credentials(KubeGateway gateway, Optional<Intended> intended, Trace trace) {
        String secretPassword = passwordVariable != null
                ? ""
                : intended.map(Intended::passwordSecret)
                        .map(address -> address.split("/"))
                        .filter(parts -> parts.length == 3)
                        .flatMap(parts -> gateway.secretValue(parts[0], parts[1], parts[2]))
                        .orElse("");
        return connections(intended.map(Intended::user).orElse("default"), secretPassword, trace);
    }

    private ConnectionFactory connections(String defaultUser, String secretPassword, Trace trace) {
        String password = passwordFromEnvironment();
        return TracedConnections.of(
                new DriverConnections(new Credentials(
                        user != null ? user : defaultUser, password != null ? password : secretPassword)),
                trace);
    }
}
