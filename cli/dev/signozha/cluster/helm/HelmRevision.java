package dev.signozha.cluster.helm;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of {@code helm history}: a revision number, its status (deployed, superseded, failed,
 * pending-*, uninstalled), the chart as {@code name-version}, the chart's app version, when it was
 * deployed (absent when helm has no time for it) and helm's description, e.g.
 * {@code Upgrade complete} or the error an upgrade failed with.
 */
public record HelmRevision(
        int revision, String status, String chart, String appVersion, Optional<Instant> updated, String description) {}
