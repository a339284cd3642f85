package dev.signozha.core.continuity;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Every signal's {@link SignalExtent} at one moment (the server's clock), keyed by signal; absent: no table. */
public record DataSnapshot(Instant at, Map<String, SignalExtent> signals) {

    public DataSnapshot {
        signals = new TreeMap<>(signals);
    }
}
