package dev.signozha.cluster.kube;

import java.util.logging.LogManager;

/**
 * The tool's stderr carries only its own words. Libraries that log through SLF4J reach slf4j-nop; Vert.x, the
 * Kubernetes client's HTTP stack, takes slf4j-nop for absent and logs through java.util.logging instead, whose
 * console handler would print its warnings (BlockedThreadChecker when a loaded machine stalls an event loop).
 * Removing java.util.logging's handlers silences it and any other library logging that way.
 */
final class LibraryLogging {

    private LibraryLogging() {}

    static void silence() {
        LogManager.getLogManager().reset();
    }
}
