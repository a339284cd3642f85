package dev.signozha.core.topology;

import com.fasterxml.jackson.annotation.JsonValue;

/** Sets of defaults for the topology file; production is the one HA installs run on. */
public enum Profile {
    DEV,
    STAGING,
    PRODUCTION;

    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
