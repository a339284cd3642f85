package dev.signozha.core.endpoint;

/**
 * One ClickHouse address a component will use, and where it was read ({@code source}, e.g. "env
 * SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN" or "exporter clickhousetraces in ConfigMap signoz-otel-collector").
 * {@code protocol} is "native" or "http"; {@code cluster} is null when the source states none. No credentials.
 */
public record ClickHouseEndpoint(String source, String host, int port, String protocol, String cluster) {

    /** Whether the host is an IP address rather than a name. */
    public boolean isAddress() {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    /**
     * Whether the host names a Service of the cluster: a short name, name.ns, name.ns.svc or
     * name.ns.svc.CLUSTER-DOMAIN (what the pod's DNS search path resolves), not an address or an outside name.
     */
    public boolean isService() {
        String[] labels = host.split("\\.");
        return !isAddress() && (labels.length <= 2 || labels[2].equals("svc"));
    }

    /** The Service name: the first label of the host. */
    public String serviceName() {
        return host.split("\\.")[0];
    }

    /** The namespace the host names (name.ns...), or the component's own for a short name. */
    public String namespaceOr(String own) {
        String[] labels = host.split("\\.");
        return labels.length >= 2 ? labels[1] : own;
    }

    @Override
    public String toString() {
        return host + ":" + port + (cluster == null ? "" : " cluster " + cluster);
    }
}
