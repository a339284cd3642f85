package dev.signozha.cluster.helm;

/**
 * Helm's dry-run strategies: {@code NONE} really installs, {@code CLIENT} renders without
 * contacting the cluster, {@code SERVER} renders with the cluster's answers (lookups) but persists
 * nothing.
 */
public enum HelmDryRun {
    NONE,
    CLIENT,
    SERVER
}
