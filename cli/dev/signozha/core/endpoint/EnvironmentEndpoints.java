package dev.signozha.core.endpoint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ClickHouse addresses in a container's environment and arguments: CLICKHOUSE_HOST with CLICKHOUSE_PORT and
 * CLICKHOUSE_CLUSTER; every *CLICKHOUSE_DSN variable (SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN,
 * SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_DSN...) and the legacy ClickHouseUrl, each with its *_CLUSTER; the
 * migrators' --dsn and --clickhouse-dsn arguments with --cluster-name or --clickhouse-cluster.
 */
final class EnvironmentEndpoints {

    private static final List<String> DSN_ARGUMENTS = List.of("--dsn", "--clickhouse-dsn");
    private static final List<String> CLUSTER_ARGUMENTS = List.of("--cluster-name", "--clickhouse-cluster");

    private EnvironmentEndpoints() {}

    static void read(ContainerEnvironment env, List<String> arguments, EndpointSink sink) {
        Map<String, String> values = env.values();
        String clusterArgument = argument(arguments, CLUSTER_ARGUMENTS).orElse(null);
        String defaultCluster = Optional.ofNullable(clusterArgument).orElse(values.get("CLICKHOUSE_CLUSTER"));
        if (values.containsKey("CLICKHOUSE_HOST")) {
            sink.address(
                    "env CLICKHOUSE_HOST",
                    "tcp://" + values.get("CLICKHOUSE_HOST")
                            + Optional.ofNullable(values.get("CLICKHOUSE_PORT"))
                                    .map(port -> ":" + port)
                                    .orElse(""),
                    defaultCluster);
        } else {
            opaque(env, "CLICKHOUSE_HOST", sink);
        }
        for (String name : values.keySet()) {
            if (isDsnVariable(name)) {
                String cluster = values.get(name.substring(0, name.length() - "DSN".length()) + "CLUSTER");
                sink.address(
                        "env " + name,
                        values.get(name),
                        Optional.ofNullable(cluster).orElse(defaultCluster));
            }
        }
        env.opaque().keySet().stream()
                .filter(EnvironmentEndpoints::isDsnVariable)
                .forEach(name -> opaque(env, name, sink));
        boolean clickHouseClient =
                values.keySet().stream().anyMatch(name -> name.toUpperCase().contains("CLICKHOUSE"));
        env.opaque().keySet().stream()
                .filter(name -> name.endsWith("*") && clickHouseClient)
                .findFirst()
                .ifPresent(name -> sink.unreadable(new UnreadableEndpoint(
                        "envFrom",
                        env.opaque().get(name),
                        "its variables are not read, and may set the ClickHouse address")));
        for (String flag : DSN_ARGUMENTS) {
            argument(arguments, List.of(flag)).ifPresent(dsn -> sink.address("argument " + flag, dsn, defaultCluster));
        }
    }

    private static boolean isDsnVariable(String name) {
        return name.endsWith("CLICKHOUSE_DSN") || name.equals("ClickHouseUrl");
    }

    private static void opaque(ContainerEnvironment env, String name, EndpointSink sink) {
        if (env.opaque().containsKey(name)) {
            sink.unreadable(new UnreadableEndpoint(
                    "env " + name, "from " + env.opaque().get(name), "signoz-ha does not read that value"));
        }
    }

    /** The value of the first of the flags, given as "--flag=value" or "--flag value". */
    static Optional<String> argument(List<String> arguments, List<String> flags) {
        for (int i = 0; i < arguments.size(); i++) {
            for (String flag : flags) {
                if (arguments.get(i).startsWith(flag + "=")) {
                    return Optional.of(arguments.get(i).substring(flag.length() + 1));
                }
                if (arguments.get(i).equals(flag) && i + 1 < arguments.size()) {
                    return Optional.of(arguments.get(i + 1));
                }
            }
        }
        return Optional.empty();
    }
}
