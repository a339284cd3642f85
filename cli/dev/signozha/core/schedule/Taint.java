package dev.signozha.core.schedule;

/** A node taint. Only {@code NoSchedule} and {@code NoExecute} keep an untolerating pod off the node. */
public record Taint(String key, String value, Effect effect) {

    /** The taint effects, as Kubernetes names them: NoSchedule, PreferNoSchedule, NoExecute. */
    public enum Effect {
        NO_SCHEDULE,
        PREFER_NO_SCHEDULE,
        NO_EXECUTE
    }

    /** A null value is the empty value, as in the API. */
    public Taint {
        value = value == null ? "" : value;
    }

    boolean blocksScheduling() {
        return effect != Effect.PREFER_NO_SCHEDULE;
    }

    /** kube-scheduler's rendering of a taint in its reasons: {@code {key: value}}. */
    String describe() {
        return "{" + key + ": " + value + "}";
    }
}
