package dev.signozha.checks;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ClickHouse endpoint a component connects to, read from its environment: CLICKHOUSE_HOST/PORT/CLUSTER,
 * or a DSN (tcp://user:pass@host:port/db, legacy ClickHouseUrl host:port/?...), with Kubernetes $(VAR)
 * references expanded. Null fields are not known.
 */
public record Endpoint(String host, Integer port, String cluster) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final String[] DSN_VARIABLES = {"SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN",
            "SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_DSN", "ClickHouseUrl", "CLICKHOUSE_DSN"};
    private static final String[] CLUSTER_VARIABLES = {"CLICKHOUSE_CLUSTER", "SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_CLUSTER",
            "SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_CLUSTER"};

    /** The endpoint in an environment (plain values only), or null when it names no ClickHouse host. */
    public static Endpoint fromEnvironment(Map<String, String> env, String clusterArgument) {
        String host = expand(env.get("CLICKHOUSE_HOST"), env);
        Integer port = parsePort(expand(env.get("CLICKHOUSE_PORT"), env));
        for (String name : DSN_VARIABLES) {
            String dsn = expand(env.get(name), env);
            if (host == null && dsn != null) {
                String[] hostPort = hostAndPort(dsn);
                host = hostPort[0];
                port = port != null ? port : parsePort(hostPort[1]);
            }
        }
        if (host == null || host.isBlank()) {
            return null;
        }
        String cluster = clusterArgument;
        for (String name : CLUSTER_VARIABLES) {
            cluster = cluster != null ? cluster : expand(env.get(name), env);
        }
        return new Endpoint(host, port, cluster);
    }

    /** Kubernetes-style $(VAR) expansion against the same container's environment. */
    static String expand(String value, Map<String, String> env) {
        if (value == null) {
            return null;
        }
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = env.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? matcher.group() : replacement));
        }
        return matcher.appendTail(out).toString();
    }

    /** host and port of a DSN: scheme, user info, path and query removed. */
    static String[] hostAndPort(String dsn) {
        String rest = dsn.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        int question = authority.indexOf('?');
        authority = question < 0 ? authority : authority.substring(0, question);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? new String[] {authority, null}
                : new String[] {authority.substring(0, colon), authority.substring(colon + 1)};
    }

    private static Integer parsePort(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Service name the host refers to: the first label of a cluster DNS name. */
    public String serviceName() {
        return host.split("\\.")[0];
    }

    /** Namespace a cluster DNS name names (svc.ns[.svc[.cluster.local]]), or the caller's. */
    public String namespaceOr(String own) {
        String[] labels = host.split("\\.");
        return labels.length >= 2 && !labels[1].equals("svc") ? labels[1] : own;
    }

    /** Whether the host is an IP address rather than a Service name. */
    public boolean isAddress() {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    @Override
    public String toString() {
        return host + (port == null ? "" : ":" + port) + (cluster == null ? "" : " cluster " + cluster);
    }
}
