package dev.signozha.core.continuity;

import java.time.Duration;

/** How long a SigNoz table keeps a row ({@link TableTtl} reads it from the table's definition). */
public sealed interface Retention {

    /** The table has no delete TTL: its rows are kept until someone deletes them. */
    record Forever() implements Retention {}

    /** Rows are deleted once {@code ttl} older than their timestamp. */
    record Expires(Duration ttl) implements Retention {}

    /** A TTL the reader does not understand; the signal is not judged, and the report says why. */
    record Unreadable(String why) implements Retention {}
}
