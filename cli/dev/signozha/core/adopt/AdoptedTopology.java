package dev.signozha.core.adopt;

import java.util.List;

/**
 * A topology file that reproduces an installed release, the supplied values it could not map (each
 * {@code key.path: why}, never dropped silently), and what the operator must do before the tool acts on it.
 */
public record AdoptedTopology(String yaml, List<String> unmapped, List<String> notes) {}
