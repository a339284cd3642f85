package dev.signozha.support;

import dev.signozha.cluster.kube.RecordStore;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.state.StateRecordCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The state record in memory, kept as the ConfigMap's data the codec writes, so a record holding a secret is
 * refused and what is read back is what a real store would give.
 */
final class InMemoryRecordStore implements RecordStore {

    private final String source;
    private Map<String, String> data;
    private StateRecordCodec codec = new StateRecordCodec(List.of());

    InMemoryRecordStore(String namespace) {
        this.source = StateRecord.source(namespace);
    }

    /** This store, refusing what {@code codec} refuses from now on. */
    synchronized InMemoryRecordStore refusing(StateRecordCodec codec) {
        this.codec = codec;
        return this;
    }

    @Override
    public synchronized Optional<StateRecord> read() {
        return Optional.ofNullable(data).map(stored -> codec.decode(source, stored));
    }

    @Override
    public synchronized StateRecord update(UnaryOperator<StateRecord> change) {
        StateRecord after = change.apply(read().orElseGet(StateRecord::empty));
        data = encoded(after);
        return after;
    }

    @Override
    public void refuseSecrets(StateRecord record) {
        encoded(record);
    }

    @Override
    public String source() {
        return source;
    }

    private synchronized Map<String, String> encoded(StateRecord record) {
        return codec.encode(record);
    }
}
