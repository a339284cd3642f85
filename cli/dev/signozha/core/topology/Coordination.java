package dev.signozha.core.topology;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The coordination service ClickHouse replicates through: ZooKeeper, or ClickHouse Keeper run by clickhouse-operator
 * as a ClickHouseKeeperInstallation.
 */
public enum Coordination {
    ZOOKEEPER,
    KEEPER;

    /**
     * The first clickhouse-operator whose ClickHouseKeeperInstallation has the layout rendered here (clusters,
     * replicasCount, a StatefulSet per server); 0.23's experimental one is incompatible with it.
     */
    public static final ChartVersion KEEPER_OPERATOR = new ChartVersion(0, 24, 0);

    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
