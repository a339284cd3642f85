package dev.signozha.support;

import java.util.Collections;

/** YAML built to hurt a parser: alias bombs and deep nesting. */
public final class HostileYaml {

    private HostileYaml() {}

    /** Billion-laughs: each level is a list of {@code width} aliases of the level below. */
    public static String aliasBomb(int width, int levels) {
        StringBuilder yaml =
                new StringBuilder("l0: &l0 [" + String.join(", ", Collections.nCopies(width, "lol")) + "]\n");
        for (int level = 1; level < levels; level++) {
            yaml.append('l')
                    .append(level)
                    .append(": &l")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", Collections.nCopies(width, "*l" + (level - 1))))
                    .append("]\n");
        }
        return yaml.toString();
    }

    /** Mappings nested {@code depth} levels deep, ending in {@code leaf: 1}. */
    public static String deepMappings(int depth) {
        StringBuilder yaml = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            yaml.append("  ".repeat(level)).append("k").append(level).append(":\n");
        }
        return yaml.append("  ".repeat(depth)).append("leaf: 1\n").toString();
    }
}
