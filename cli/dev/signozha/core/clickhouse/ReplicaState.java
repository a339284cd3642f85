package dev.signozha.core.clickhouse;

/** One row of system.replicas: a replicated table on one host, and how it keeps up. */
public record ReplicaState(
        String database,
        String table,
        boolean readonly,
        boolean sessionExpired,
        long absoluteDelaySeconds,
        long queueSize,
        int activeReplicas,
        int totalReplicas) {

    public String name() {
        return database + "." + table;
    }
}
