package dev.signozha.core.schedule;

/**
 * A pod toleration. An empty key with {@code Exists} tolerates every taint; a null effect tolerates
 * every effect.
 */
public record Toleration(String key, Operator operator, String value, Taint.Effect effect) {

    /** How the value is compared: Equal (the default in the API) or Exists. */
    public enum Operator {
        EQUAL,
        EXISTS
    }

    /** Null key and value are the empty string, as in the API. */
    public Toleration {
        key = key == null ? "" : key;
        value = value == null ? "" : value;
    }

    /** Tolerates {@code key} with any value and the given effect (null: any effect). */
    public static Toleration exists(String key, Taint.Effect effect) {
        return new Toleration(key, Operator.EXISTS, "", effect);
    }

    /** Tolerates {@code key=value} with the given effect (null: any effect). */
    public static Toleration equal(String key, String value, Taint.Effect effect) {
        return new Toleration(key, Operator.EQUAL, value, effect);
    }

    /** Tolerates every taint (empty key, Exists). */
    public static Toleration everything() {
        return new Toleration("", Operator.EXISTS, "", null);
    }

    /** The API's ToleratesTaint: effect, then key, then value unless Exists. */
    boolean tolerates(Taint taint) {
        if (effect != null && effect != taint.effect()) {
            return false;
        }
        if (!key.isEmpty() && !key.equals(taint.key())) {
            return false;
        }
        return operator == Operator.EXISTS || value.equals(taint.value());
    }
}
