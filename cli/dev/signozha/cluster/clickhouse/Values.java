package dev.signozha.cluster.clickhouse;

import java.time.Instant;

/** Column values as drivers return them (BigInteger, Short, Boolean, String...), read the one way the mappers need. */
final class Values {

    private Values() {}

    static long asLong(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof Boolean bool) {
            return bool ? 1 : 0;
        }
        return value == null ? 0 : Long.parseLong(value.toString().trim());
    }

    static boolean asBoolean(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = value == null ? "0" : value.toString().trim();
        return text.equalsIgnoreCase("true") || !text.equals("0") && !text.equalsIgnoreCase("false") && !text.isEmpty();
    }

    static String asText(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Epoch seconds as an instant; 0 (what max() of no rows gives) as null. */
    static Instant asEpochSecond(Object value) {
        long seconds = asLong(value);
        return seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }
}
