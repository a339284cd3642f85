package dev.signozha.cluster.kube;

import dev.signozha.core.state.StateRecord;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where a namespace's state record is kept: what runs read and write, so an action can run on a fake. */
public interface RecordStore {

    /** The record, or empty when none was written yet. */
    Optional<StateRecord> read();

    /**
     * Applies {@code change} to the stored record ({@link StateRecord#empty()} when there is none) and writes
     * the result; returns what was written. A record holding a secret is refused before anything is written.
     */
    StateRecord update(UnaryOperator<StateRecord> change);

    /** Throws what {@link #update} would throw if {@code record} held a secret; writes nothing. */
    void refuseSecrets(StateRecord record);

    /** How messages name the record, e.g. {@code ConfigMap/<namespace>/signoz-ha-state}. */
    String source();
}
