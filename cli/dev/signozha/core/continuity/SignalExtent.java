package dev.signozha.core.continuity;

import java.time.Instant;

/**
 * One signal's distributed table at one moment: its rows, its oldest and newest timestamps ({@code null} when it has
 * no row), and how many of its rows lie in the signal's {@link ProtectedWindow}.
 */
public record SignalExtent(String table, long rows, Instant oldest, Instant newest, long protectedRows) {}
