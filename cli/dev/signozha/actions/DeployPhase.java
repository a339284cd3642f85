package dev.signozha.actions;

import java.time.Duration;

/** The phases of a deploy, in order, each with the timeout it gets unless told otherwise. */
public enum DeployPhase {
    BACKUP("backup", Duration.ofMinutes(60)),
    NAMESPACE("namespace", Duration.ofMinutes(1)),
    OPERATOR("clickhouse-operator", Duration.ofMinutes(5)),
    ZOOKEEPER("zookeeper", Duration.ofMinutes(10)),
    CLICKHOUSE("clickhouse", Duration.ofMinutes(20)),
    SIGNOZ("signoz", Duration.ofMinutes(10)),
    MIGRATION("migration", Duration.ofMinutes(20)),
    COLLECTORS("collectors", Duration.ofMinutes(10)),
    VERIFICATION("verification", Duration.ofMinutes(5));

    private final String label;
    private final Duration defaultTimeout;

    DeployPhase(String label, Duration defaultTimeout) {
        this.label = label;
        this.defaultTimeout = defaultTimeout;
    }

    /** How progress lines and {@code --phase-timeout} name the phase. */
    public String label() {
        return label;
    }

    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** The phase a {@code --phase-timeout} key names, or an error listing the names. */
    public static DeployPhase byLabel(String label) {
        for (DeployPhase phase : values()) {
            if (phase.label.equals(label)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("unknown phase '" + label + "'; expected one of "
                + java.util.Arrays.stream(values()).map(DeployPhase::label).toList());
    }
}
