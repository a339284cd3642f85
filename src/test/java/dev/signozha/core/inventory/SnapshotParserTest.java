package dev.signozha.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnapshotParserTest {

    private static final String LIST = """
            apiVersion: v1
            kind: List
            metadata:
              annotations: {signoz-ha/observed-at: "2026-11-20T10:00:00Z"}
            items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: p, namespace: platform, creationTimestamp: "2026-11-19T10:00:00Z"}
              spec: {containers: [{name: c, image: x}]}
            - apiVersion: v1
              kind: Secret
              metadata: {name: s, namespace: platform}
              data: {password: aHVudGVyMg==}
            - apiVersion: clickhouse.altinity.com/v1
              kind: ClickHouseInstallation
              metadata: {name: chi, namespace: platform}
              spec: {configuration: {clusters: [{name: prod}]}}
            """;

    @Test
    void parse_kubectlList_readsKnownKindsAndSkipsSecrets() {
        Inventory inventory = SnapshotParser.parse("s.yaml", LIST);
        assertEquals(1, inventory.pods().size());
        assertEquals(1, inventory.clickHouseInstallations().size());
        assertEquals(2, inventory.all().size(), "the Secret is not kept");
        assertEquals(Instant.parse("2026-11-19T10:00:00Z"), inventory.observedAt(), "the newest timestamp it holds");
        assertEquals(java.util.List.of("platform"), inventory.namespaces());
    }

    @Test
    void parse_nowIsTheClusterClock_aNodeHeartbeatNewerThanTheDeclaredTime() {
        String text = """
                apiVersion: v1
                kind: List
                metadata:
                  annotations: {signoz-ha/observed-at: "2026-11-20T09:46:00Z"}
                items:
                - apiVersion: batch/v1
                  kind: Job
                  metadata: {name: signoz-schema-migrator-sync, namespace: platform}
                  spec: {template: {spec: {containers: [{name: m, image: x}]}}}
                  status: {startTime: "2026-11-20T09:26:00Z", active: 1}
                - apiVersion: v1
                  kind: Node
                  metadata: {name: a, creationTimestamp: "2026-01-01T00:00:00Z"}
                  status:
                    conditions:
                    - {type: Ready, status: "True", lastHeartbeatTime: "2026-11-20T10:00:00Z",
                       lastTransitionTime: "2026-08-14T07:03:56Z"}
                """;
        Inventory inventory = SnapshotParser.parse("s.yaml", text);
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), inventory.observedAt());
        String written = SnapshotWriter.write(inventory);
        assertTrue(
                java.util.regex.Pattern.compile("signoz-ha/observed-at: [\"']?2026-11-20T10:00:00Z")
                        .matcher(written)
                        .find(),
                "snapshot records the cluster's now");
    }

    @Test
    void parse_noTimestampAtAll_takesTheDeclaredTime() {
        Inventory inventory = SnapshotParser.parse("s.yaml", """
                apiVersion: v1
                kind: List
                metadata:
                  annotations: {signoz-ha/observed-at: "2026-11-20T09:46:00Z"}
                items:
                - {apiVersion: v1, kind: Node, metadata: {name: a}}
                """);
        assertEquals(Instant.parse("2026-11-20T09:46:00Z"), inventory.observedAt());
    }

    @Test
    void parse_multiDocumentYamlWithoutObservedAt_usesTheNewestTimestamp() {
        String text = """
                apiVersion: v1
                kind: Node
                metadata: {name: a, creationTimestamp: "2026-01-01T00:00:00Z"}
                ---
                apiVersion: v1
                kind: Event
                metadata: {name: e, namespace: platform}
                lastTimestamp: "2026-03-04T05:06:07Z"
                """;
        Inventory inventory = SnapshotParser.parse("s.yaml", text);
        assertEquals(Instant.parse("2026-03-04T05:06:07Z"), inventory.observedAt());
        assertEquals(1, inventory.nodes().size());
        assertEquals(1, inventory.events().size());
    }

    @Test
    void parse_json_isReadToo() {
        Inventory inventory = SnapshotParser.parse(
                "s.json",
                "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"a\"}}]}");
        assertEquals(1, inventory.nodes().size());
    }

    @Test
    void parse_badItem_isLocatedByLineAndKeyPath() {
        String text = LIST.replace("spec: {containers: [{name: c, image: x}]}", "spec: {containers: {name: c}}");
        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> SnapshotParser.parse("s.yaml", text));
        String message = error.problems().get(0).toString();
        assertTrue(message.startsWith("s.yaml:6:3 items[0].spec.containers: not a valid Pod"), message);
    }

    @Test
    void parse_brokenYaml_isLocated() {
        InvalidInputException error = assertThrows(
                InvalidInputException.class,
                () -> SnapshotParser.parse("s.yaml", "apiVersion: v1\nkind: List\nitems: [\n  {a: 1\n"));
        assertTrue(
                error.problems().get(0).toString().matches("s\\.yaml:\\d+:\\d+: not valid YAML: .*"),
                error.problems().get(0).toString());
    }

    @Test
    void parse_noObjects_isBadInput() {
        InvalidInputException error = assertThrows(
                InvalidInputException.class,
                () -> SnapshotParser.parse("s.yaml", "apiVersion: v1\nkind: List\nitems: []\n"));
        assertTrue(error.getMessage().contains("holds no Kubernetes objects"));
    }

    @Test
    void parse_scalarDocument_isBadInput() {
        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> SnapshotParser.parse("s.yaml", "hello\n"));
        assertTrue(
                error.getMessage().contains("expected a Kubernetes object or List, got a scalar"), error.getMessage());
    }

    @Test
    void writeThenParse_roundTripsAndRedacts() {
        Inventory inventory = SnapshotParser.parse("s.yaml", LIST);
        String written = SnapshotWriter.write(inventory);
        Inventory again = SnapshotParser.parse("again.yaml", written);
        assertEquals(inventory.all().size(), again.all().size());
        assertEquals(inventory.observedAt(), again.observedAt());
    }
}
