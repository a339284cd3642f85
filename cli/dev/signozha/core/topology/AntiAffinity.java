package dev.signozha.core.topology;

import com.fasterxml.jackson.annotation.JsonValue;

/** How ClickHouse pods are kept apart by required pod anti-affinity. */
public enum AntiAffinity {
    /** Replicas of one shard never share a failure domain. */
    SHARD("ShardAntiAffinity"),
    /** At most one ClickHouse pod per failure domain. */
    NODE("ClickHouseAntiAffinity"),
    /** No anti-affinity. */
    NONE(null);

    private final String podDistributionType;

    AntiAffinity(String podDistributionType) {
        this.podDistributionType = podDistributionType;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The Altinity podDistribution type this maps to, or null for none. */
    public String podDistributionType() {
        return podDistributionType;
    }
}
