package dev.signozha.cluster.kube;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.state.StateRecordCodec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The state record in the ConfigMap {@code signoz-ha-state} of the release's namespace, labelled
 * {@code app.kubernetes.io/managed-by: signoz-ha}. Writes are read-modify-write with the read
 * resourceVersion, so a concurrent writer is never overwritten: a 409 re-reads and applies the change once
 * more, and so does a write whose answer timed out, unless it landed. Keys the record does not know (written
 * by a later version) are kept. A read is one GET; an update is a GET and a PUT (a POST the first time).
 */
public final class StateStore implements RecordStore {

    static final Map<String, String> LABELS = Map.of("app.kubernetes.io/managed-by", "signoz-ha");
    private static final int CONFLICT = 409;

    private final KubernetesClient client;
    private final String namespace;
    private final StateRecordCodec codec;

    /** The record of the release in {@code namespace}; {@code codec} knows which secrets to refuse. */
    public StateStore(KubernetesClient client, String namespace, StateRecordCodec codec) {
        this.client = client;
        this.namespace = namespace;
        this.codec = codec;
    }

    /** The record, or empty when the ConfigMap does not exist. */
    @Override
    public Optional<StateRecord> read() {
        try {
            return Optional.ofNullable(configMap().get()).map(map -> codec.decode(source(), map.getData()));
        } catch (KubernetesClientException e) {
            throw failure("read", e);
        }
    }

    /**
     * Applies {@code change} to the stored record ({@link StateRecord#empty()} when there is none) and writes
     * the result; returns what was written. A record holding a secret is refused before anything is written.
     */
    @Override
    public StateRecord update(UnaryOperator<StateRecord> change) {
        AtomicReference<Map<String, String>> tried = new AtomicReference<>();
        try {
            return attempt(change, tried);
        } catch (KubernetesClientException e) {
            if (e.getCode() != CONFLICT && !Retries.timedOut(e)) {
                throw failure("write", e);
            }
        }
        try {
            return attempt(change, tried);
        } catch (KubernetesClientException e) {
            if (e.getCode() == CONFLICT) {
                throw new SignozHaException(
                        ExitCode.LOCKED,
                        source() + " was changed by someone else twice while this"
                                + " run wrote it; is another signoz-ha run going on without the lock?",
                        e);
            }
            throw failure("write", e);
        }
    }

    @Override
    public void refuseSecrets(StateRecord record) {
        codec.encode(record);
    }

    /** {@code ConfigMap/<namespace>/signoz-ha-state}. */
    @Override
    public String source() {
        return StateRecord.source(namespace);
    }

    /**
     * One read-modify-write. {@code tried} holds what an earlier attempt wrote: when its answer timed out the
     * write may still have landed, and then the record already is that, so the change is not applied twice.
     */
    private StateRecord attempt(UnaryOperator<StateRecord> change, AtomicReference<Map<String, String>> tried) {
        ConfigMap current = configMap().get();
        StateRecord before = current == null ? StateRecord.empty() : codec.decode(source(), current.getData());
        if (tried.get() != null && tried.get().equals(codec.encode(before))) {
            return before;
        }
        StateRecord after = change.apply(before);
        Map<String, String> data = codec.encode(after);
        tried.set(data);
        if (current == null) {
            client.configMaps()
                    .inNamespace(namespace)
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName(StateRecord.CONFIG_MAP)
                            .withNamespace(namespace)
                            .withLabels(LABELS)
                            .endMetadata()
                            .withData(data)
                            .build())
                    .create();
        } else {
            Map<String, String> merged = new HashMap<>(current.getData() == null ? Map.of() : current.getData());
            merged.keySet().removeAll(StateRecordCodec.KEYS);
            merged.putAll(data);
            client.configMaps()
                    .inNamespace(namespace)
                    .resource(new ConfigMapBuilder(current)
                            .editMetadata()
                            .addToLabels(LABELS)
                            .endMetadata()
                            .withData(merged)
                            .build())
                    .update();
        }
        return after;
    }

    private Resource<ConfigMap> configMap() {
        return client.configMaps().inNamespace(namespace).withName(StateRecord.CONFIG_MAP);
    }

    private SignozHaException failure(String verb, KubernetesClientException e) {
        return KubeFailures.cannot(verb + " " + source(), e);
    }
}
