package dev.signozha.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.ExitCode;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.SignozHaException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StateRecordCodecTest {

    static final String CHART_DEFAULT_PASSWORD = "27ff0399-0d3a-4bd8-919d-17c2181e6fb9";
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String TOPOLOGY = """
            apiVersion: signoz-ha/v1
            kind: Topology
            spec:
              namespace: platform
              clickhouse:
                passwordSecret: {name: clickhouse-credentials, key: password}
            """;
    private static final String HASH = StateRecord.hash("clickhouse:\n  replicas: 2\n");

    private final StateRecordCodec codec = new StateRecordCodec(List.of("s3cr3t-from-the-secret", ""));

    private static HistoryEntry entry(int minute, String outcome) {
        return new HistoryEntry(T0.plusSeconds(60L * minute), "deploy", "0.88.1", HASH, outcome, "alice@ci-7", null);
    }

    private static StateRecord applied() {
        return StateRecord.empty()
                .applied(TOPOLOGY, HASH, "0.88.1", "0.1.0", List.of())
                .withEntry(entry(0, HistoryEntry.FAILED))
                .withEntry(new HistoryEntry(
                        T0.plusSeconds(60),
                        "deploy",
                        "0.88.1",
                        HASH,
                        HistoryEntry.FORCE_UNLOCKED,
                        "bob@laptop",
                        "reason: \"CI job killed\", line 1\nline 2"))
                .withEntry(new HistoryEntry(
                        T0.plusSeconds(120), "upgrade", null, null, "some-future-outcome", "bob@laptop", null));
    }

    @Test
    void encodeDecode_fullRecord_roundTrips() {
        StateRecord record = applied();

        Map<String, String> data = codec.encode(record);

        assertEquals(
                List.of("chartVersion", "history", "toolVersion", "topology", "valuesHash"),
                List.copyOf(data.keySet()));
        assertEquals(TOPOLOGY, data.get("topology"));
        assertEquals(record, codec.decode("ConfigMap/platform/signoz-ha-state", data));
    }

    @Test
    void encodeDecode_appliedManifests_roundTrip_oneObjectPerLine() {
        ObjectNode configMap =
                JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        configMap
                .putObject("metadata")
                .put("name", "signoz-ha-zookeeper-scripts")
                .put("namespace", "platform");
        configMap.putObject("data").put("setup.sh", "#!/bin/bash\nexec /run.sh\n");
        ObjectNode service = configMap.deepCopy().put("kind", "Service");
        StateRecord record =
                StateRecord.empty().applied(TOPOLOGY, HASH, "0.88.1", "0.1.0", List.of(configMap, service));

        Map<String, String> data = codec.encode(record);

        assertEquals(4, data.get("manifests").lines().count(), data.get("manifests"));
        assertEquals(record, codec.decode("ConfigMap/platform/signoz-ha-state", data));
    }

    @Test
    void decode_manifestsThatAreNotObjects_isBadInputNamingTheKey() {
        Map<String, String> data = Map.of("manifests", "[\n{\"kind\": \"ConfigMap\"}\n]", "history", "[]");
        InvalidInputException bad = assertThrows(
                InvalidInputException.class, () -> codec.decode("ConfigMap/platform/signoz-ha-state", data));
        assertTrue(bad.getMessage().contains("manifests entry 1 is not a Kubernetes object"), bad.getMessage());
    }

    @Test
    void encode_history_isAJsonArrayWithOneEntryPerLine() {
        String history = codec.encode(applied()).get("history");

        List<String> lines = history.lines().toList();
        assertEquals(5, lines.size(), history);
        assertEquals("[", lines.get(0));
        assertEquals(
                "{\"time\":\"2026-11-20T10:00:00Z\",\"command\":\"deploy\",\"chartVersion\":\"0.88.1\",\"valuesHash\":\""
                        + HASH + "\",\"outcome\":\"failed\",\"user\":\"alice@ci-7\"},",
                lines.get(1));
        assertEquals("]", lines.get(4));
    }

    @Test
    void encode_emptyRecord_writesOnlyAnEmptyHistory() {
        assertEquals(Map.of("history", "[]"), codec.encode(StateRecord.empty()));
        assertEquals(StateRecord.empty(), codec.decode("x", Map.of("history", "[]")));
        assertEquals(StateRecord.empty(), codec.decode("x", null));
        assertTrue(codec.decode("x", Map.of()).neverApplied());
    }

    @Test
    void withEntry_twentyFiveRuns_keepsTheLastTwenty() {
        StateRecord record = StateRecord.empty();
        for (int minute = 0; minute < 25; minute++) {
            record = record.withEntry(entry(minute, HistoryEntry.SUCCEEDED));
        }

        assertEquals(StateRecord.MAX_HISTORY, record.history().size());
        assertEquals(T0.plusSeconds(5 * 60), record.history().get(0).time());
        assertEquals(T0.plusSeconds(24 * 60), record.lastEntry().orElseThrow().time());
    }

    @Test
    void decode_historyLongerThanTwenty_keepsTheLastTwenty() {
        List<HistoryEntry> many = new ArrayList<>();
        IntStream.range(0, 30).forEach(minute -> many.add(entry(minute, HistoryEntry.SUCCEEDED)));
        StringBuilder json = new StringBuilder("[");
        for (HistoryEntry e : many) {
            json.append(json.length() > 1 ? "," : "")
                    .append("{\"time\":\"")
                    .append(e.time())
                    .append("\",\"command\":\"deploy\",\"outcome\":\"succeeded\",\"user\":\"alice@ci-7\"}");
        }

        StateRecord record =
                codec.decode("x", Map.of("history", json.append("]").toString()));

        assertEquals(20, record.history().size());
        assertEquals(T0.plusSeconds(10 * 60), record.history().get(0).time());
    }

    @Test
    void encode_topologyWithChartDefaultPassword_refusesWithoutEchoingIt() {
        StateRecord record = StateRecord.empty()
                .applied(TOPOLOGY + "# was " + CHART_DEFAULT_PASSWORD + "\n", HASH, "0.88.1", "0.1.0", List.of());

        SignozHaException refused = assertThrows(SignozHaException.class, () -> codec.encode(record));

        assertEquals(ExitCode.REFUSED, refused.exitCode());
        assertEquals(
                "refusing to store key 'topology' in the state record ConfigMap, which is not a Secret: its value "
                        + "contains the SigNoz chart's published default password (line 7)",
                refused.getMessage());
    }

    @Test
    void encode_knownSecretInAHistoryEntry_refusesWithoutEchoingIt() {
        StateRecord record = applied()
                .withEntry(new HistoryEntry(
                        T0,
                        "deploy",
                        null,
                        null,
                        HistoryEntry.FORCE_UNLOCKED,
                        "bob@laptop",
                        "reason: the password is s3cr3t-from-the-secret"));

        SignozHaException refused = assertThrows(SignozHaException.class, () -> codec.encode(record));

        assertEquals(ExitCode.REFUSED, refused.exitCode());
        assertTrue(refused.getMessage().startsWith("refusing to store key 'history'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("a password this run has read (line 5)"), refused.getMessage());
        assertFalse(refused.getMessage().contains("s3cr3t"), refused.getMessage());
    }

    @Test
    void encode_knownSecretAsChartVersion_refuses() {
        StateRecord record = StateRecord.empty().applied(TOPOLOGY, HASH, "s3cr3t-from-the-secret", "0.1.0", List.of());

        SignozHaException refused = assertThrows(SignozHaException.class, () -> codec.encode(record));

        assertEquals(
                "refusing to store key 'chartVersion' in the state record ConfigMap, which is not a Secret: its "
                        + "value contains a password this run has read",
                refused.getMessage());
    }

    @Test
    void decode_malformedHistory_isBadInputLocatedAtTheConfigMap() {
        InvalidInputException notJson = assertThrows(
                InvalidInputException.class,
                () -> codec.decode("ConfigMap/platform/signoz-ha-state", Map.of("history", "[{")));
        InvalidInputException noTime = assertThrows(
                InvalidInputException.class,
                () -> codec.decode(
                        "ConfigMap/platform/signoz-ha-state",
                        Map.of("history", "[{\"command\":\"deploy\",\"outcome\":\"failed\",\"user\":\"a@b\"}]")));

        assertEquals(ExitCode.BAD_INPUT, notJson.exitCode());
        assertTrue(
                notJson.getMessage().startsWith("ConfigMap/platform/signoz-ha-state: history is not JSON"),
                notJson.getMessage());
        assertEquals(
                "ConfigMap/platform/signoz-ha-state: history entry 1 has no time; repair the key or remove it "
                        + "(the history is informational)",
                noTime.getMessage());
    }

    @Test
    void hash_renderedValues_isSha256InHex() {
        assertEquals(
                "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", StateRecord.hash("abc"));
    }
}
