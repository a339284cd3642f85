package dev.signozha.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt keys and values: the closest known word within a few edits. */
public final class Suggestions {

    private Suggestions() {}

    /** The known word closest to the typed one, when it is close enough to be a typo. */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String lowered = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, typed.length() / 3);
        return known.stream()
                .filter(word -> distance(lowered, word.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt((String word) -> distance(lowered, word.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
