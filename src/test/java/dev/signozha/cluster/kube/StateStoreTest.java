package dev.signozha.cluster.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.ExitCode;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.state.StateRecordCodec;
import dev.signozha.support.FaultDispatcher;
import dev.signozha.support.FaultDispatcher.Fault;
import dev.signozha.support.FaultDispatcher.Kind;
import dev.signozha.support.MockCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StateStoreTest {

    private static final String NAMESPACE = "platform";
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String PASSWORD = "pa55-from-clickhouse-credentials";
    private static final String TOPOLOGY = "apiVersion: signoz-ha/v1\nkind: Topology\nspec:\n  namespace: platform\n";

    private MockCluster cluster;
    private KubernetesClient client;
    private StateStore store;

    @BeforeEach
    void startServer() {
        cluster = new MockCluster();
        client = cluster.client();
        store = new StateStore(client, NAMESPACE, new StateRecordCodec(List.of(PASSWORD)));
    }

    @AfterEach
    void stopServer() {
        cluster.close();
    }

    private static HistoryEntry run(int minute, String outcome) {
        return new HistoryEntry(
                T0.plusSeconds(60L * minute), "deploy", "0.88.1", "sha256:ab", outcome, "alice@ci-7", null);
    }

    private ConfigMap stored() {
        return client.configMaps()
                .inNamespace(NAMESPACE)
                .withName(StateRecord.CONFIG_MAP)
                .get();
    }

    @Test
    void read_noConfigMap_isEmpty() {
        assertTrue(store.read().isEmpty());
    }

    @Test
    void update_firstApply_createsLabelledConfigMapThatReadsBack() {
        StateRecord written = store.update(record -> record.applied(TOPOLOGY, "sha256:ab", "0.88.1", "0.1.0", List.of())
                .withEntry(run(0, HistoryEntry.SUCCEEDED)));

        ConfigMap map = stored();
        assertEquals(
                Map.of("app.kubernetes.io/managed-by", "signoz-ha"),
                map.getMetadata().getLabels());
        assertEquals(TOPOLOGY, map.getData().get("topology"), "doctor reads the topology key");
        assertEquals("0.88.1", map.getData().get("chartVersion"));
        assertEquals(written, store.read().orElseThrow());
        assertEquals("ConfigMap/platform/signoz-ha-state", store.source());
    }

    @Test
    void update_twentyFiveRuns_keepsTwentyWithTheSameRequestsEachTime() {
        store.update(record -> record.applied(TOPOLOGY, "sha256:ab", "0.88.1", "0.1.0", List.of()));
        int requestsBefore = cluster.requestCount();
        for (int minute = 0; minute < 25; minute++) {
            int m = minute;
            store.update(record -> record.withEntry(run(m, HistoryEntry.SUCCEEDED)));
        }

        assertEquals(25 * 2, cluster.requestCount() - requestsBefore, "one GET and one PUT per update");
        StateRecord record = store.read().orElseThrow();
        assertEquals(20, record.history().size());
        assertEquals(T0.plusSeconds(5 * 60), record.history().get(0).time());
        assertEquals(TOPOLOGY, record.topology());
    }

    @Test
    void update_writtenByAnotherRunMeanwhile_reReadsAndKeepsBothChanges() {
        store.update(record -> record.withEntry(run(0, HistoryEntry.SUCCEEDED)));
        AtomicInteger calls = new AtomicInteger();

        store.update(record -> {
            if (calls.incrementAndGet() == 1) {
                new StateStore(client, NAMESPACE, new StateRecordCodec(List.of()))
                        .update(other -> other.withEntry(run(1, HistoryEntry.FAILED)));
            }
            return record.withEntry(run(2, HistoryEntry.SUCCEEDED));
        });

        assertEquals(2, calls.get(), "the change is applied again to the re-read record");
        assertEquals(
                List.of(run(0, HistoryEntry.SUCCEEDED), run(1, HistoryEntry.FAILED), run(2, HistoryEntry.SUCCEEDED)),
                store.read().orElseThrow().history());
    }

    @Test
    void update_conflictTwice_failsAsAnotherRunWithoutTheLock() {
        store.update(record -> record.withEntry(run(0, HistoryEntry.SUCCEEDED)));
        StateStore other = new StateStore(client, NAMESPACE, new StateRecordCodec(List.of()));
        AtomicInteger calls = new AtomicInteger();

        SignozHaException failed = assertThrows(
                SignozHaException.class,
                () -> store.update(record -> {
                    other.update(theirs -> theirs.withEntry(run(10 + calls.incrementAndGet(), HistoryEntry.FAILED)));
                    return record.withEntry(run(2, HistoryEntry.SUCCEEDED));
                }));

        assertEquals(ExitCode.LOCKED, failed.exitCode());
        assertTrue(
                failed.getMessage().startsWith("ConfigMap/platform/signoz-ha-state was changed by someone else twice"),
                failed.getMessage());
        assertEquals(3, store.read().orElseThrow().history().size(), "only the other writer's entries were added");
    }

    @Test
    void update_plantedSecret_isRefusedAndNothingIsWritten() {
        store.update(record -> record.applied(TOPOLOGY, "sha256:ab", "0.88.1", "0.1.0", List.of()));
        String before = stored().getMetadata().getResourceVersion();

        SignozHaException refused = assertThrows(
                SignozHaException.class,
                () -> store.update(record -> record.applied(
                        TOPOLOGY + "# clickhouse password: " + PASSWORD + "\n",
                        "sha256:cd",
                        "0.89.0",
                        "0.1.0",
                        List.of())));

        assertEquals(ExitCode.REFUSED, refused.exitCode());
        assertFalse(refused.getMessage().contains(PASSWORD));
        assertEquals(before, stored().getMetadata().getResourceVersion());
        assertFalse(stored().getData().values().stream().anyMatch(value -> value.contains(PASSWORD)));
    }

    @Test
    void update_keysOfALaterVersion_areKept() {
        client.configMaps()
                .inNamespace(NAMESPACE)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(StateRecord.CONFIG_MAP)
                        .endMetadata()
                        .addToData("overrides", "{}")
                        .build())
                .create();

        store.update(record -> record.applied(TOPOLOGY, "sha256:ab", "0.88.1", "0.1.0", List.of()));

        assertEquals("{}", stored().getData().get("overrides"));
        assertEquals(TOPOLOGY, stored().getData().get("topology"));
        assertEquals("signoz-ha", stored().getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
    }

    @Test
    void read_malformedHistory_isBadInputNamingTheConfigMap() {
        client.configMaps()
                .inNamespace(NAMESPACE)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(StateRecord.CONFIG_MAP)
                        .endMetadata()
                        .addToData("history", "not json")
                        .build())
                .create();

        InvalidInputException bad = assertThrows(InvalidInputException.class, store::read);

        assertTrue(
                bad.getMessage().startsWith("ConfigMap/platform/signoz-ha-state: history is not JSON"),
                bad.getMessage());
    }

    @Test
    void update_whoseAnswerTimedOutAfterItLanded_isNotAppliedTwice() {
        FaultDispatcher faults = new FaultDispatcher(java.time.Duration.ofSeconds(2));
        try (MockCluster slow = MockCluster.with(faults);
                KubernetesClient tuned = slow.tunedClient(java.time.Duration.ofMillis(500), 3)) {
            StateStore timing = new StateStore(tuned, NAMESPACE, new StateRecordCodec(List.of(PASSWORD)));
            timing.update(record -> record.applied(TOPOLOGY, "sha256:ab", "0.88.1", "0.1.0", List.of())
                    .withEntry(run(0, HistoryEntry.SUCCEEDED)));
            faults.arm(Fault.of("PUT", "/configmaps/signoz-ha-state$", Kind.TOO_LATE, 1));

            StateRecord written = timing.update(record -> record.withEntry(run(1, HistoryEntry.FAILED)));

            assertEquals(1, faults.injected(), "the first PUT answered too late");
            assertEquals(List.of(run(0, HistoryEntry.SUCCEEDED), run(1, HistoryEntry.FAILED)), written.history());
            assertEquals(written.history(), timing.read().orElseThrow().history(), "one entry, not two");
        }
    }
}
