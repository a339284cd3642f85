package dev.signozha.core.yaml;

/** A 1-based line and column in a source text. */
public record Location(int line, int column) {
    public static final Location UNKNOWN = new Location(0, 0);
}
