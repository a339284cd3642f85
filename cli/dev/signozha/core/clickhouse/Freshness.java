package dev.signozha.core.clickhouse;

import java.time.Instant;

/**
 * The newest row of one signal's distributed table, in the server's clock. {@code newest} is null when the
 * table had no row in the look-back window; {@code tableExists} false when the table is not there at all.
 */
public record Freshness(String signal, String table, boolean tableExists, Instant newest) {}
