package dev.signozha.actions;

import java.util.Optional;

/** Asks a person to confirm a change. */
@FunctionalInterface
public interface Confirmer {

    /** The answer, or empty when there is nobody to ask (no terminal). */
    Optional<Boolean> confirm(String question);

    /** Nobody to ask: CI, a pipe, a cron job. */
    static Confirmer nobody() {
        return question -> Optional.empty();
    }
}
