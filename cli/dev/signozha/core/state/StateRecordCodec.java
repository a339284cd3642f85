package dev.signozha.core.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.ExitCode;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.Secrets;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.inventory.Redaction;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link StateRecord} to and from the string data of the ConfigMap {@code signoz-ha-state}: keys
 * {@value #TOPOLOGY}, {@value #VALUES_HASH}, {@value #CHART_VERSION}, {@value #TOOL_VERSION} (left out while
 * null), {@value #MANIFESTS} (left out while empty) and {@value #HISTORY}, both JSON arrays with one element per
 * line so that {@code kubectl get -o yaml} reads like a log.
 *
 * <p>A ConfigMap is readable by anyone who may read the namespace, so {@link #encode} refuses (exit code
 * {@link ExitCode#REFUSED}, the secret itself never printed) to store
 * <ul>
 *   <li>a key whose name looks secret ({@link Secrets#isSensitiveName});</li>
 *   <li>a value that contains the SigNoz chart's published default password;</li>
 *   <li>a value that contains any of the known secrets the caller passes in: the passwords the run has read
 *       (from a Secret or a {@code --*-password-env} variable). Empty known secrets are ignored.</li>
 * </ul>
 * The topology text is checked by value only: its schema has no field for a literal secret (passwords are
 * Secret references and TopologyLoader rejects unknown fields), while names such as
 * {@code passwordSecret.key} would look secret to a name check. Reading does not check anything.
 */
public final class StateRecordCodec {

    /** The last applied topology file's text. */
    public static final String TOPOLOGY = "topology";
    /** The rendered values' hash. */
    public static final String VALUES_HASH = "valuesHash";
    /** The chart version last applied. */
    public static final String CHART_VERSION = "chartVersion";
    /** The tool version that applied it. */
    public static final String TOOL_VERSION = "toolVersion";
    /** The manifests last applied, a JSON array, one object per line. */
    public static final String MANIFESTS = "manifests";
    /** The history, a JSON array, one entry per line. */
    public static final String HISTORY = "history";
    /** The helm run under way or left unfinished, one JSON object; left out while there is none. */
    public static final String HELM_RUN = "helmRun";
    /** Every key the record writes; the store keeps other keys of the ConfigMap as they are. */
    public static final Set<String> KEYS =
            Set.of(TOPOLOGY, VALUES_HASH, CHART_VERSION, TOOL_VERSION, MANIFESTS, HISTORY, HELM_RUN);

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final List<String> knownSecrets;

    /** A codec that also refuses every value containing one of {@code knownSecrets}. */
    public StateRecordCodec(Collection<String> knownSecrets) {
        this.knownSecrets = knownSecrets.stream()
                .filter(secret -> secret != null && !secret.isEmpty())
                .toList();
    }

    /** The ConfigMap data for a record, keys sorted; throws a {@link SignozHaException} (REFUSED) on a secret. */
    public Map<String, String> encode(StateRecord record) {
        Map<String, String> data = new TreeMap<>();
        putIfPresent(data, TOPOLOGY, record.topology());
        putIfPresent(data, VALUES_HASH, record.valuesHash());
        putIfPresent(data, CHART_VERSION, record.chartVersion());
        putIfPresent(data, TOOL_VERSION, record.toolVersion());
        if (!record.manifests().isEmpty()) {
            data.put(
                    MANIFESTS,
                    lines(record.manifests().stream().map(JsonNode::toString).toList()));
        }
        data.put(HISTORY, history(record.history()));
        record.unfinishedHelmRun()
                .ifPresent(run -> data.put(
                        HELM_RUN,
                        JSON.createObjectNode()
                                .put("run", run.run())
                                .put("runId", run.runId())
                                .put("release", run.release())
                                .put("fromRevision", run.fromRevision())
                                .put("started", run.started().toString())
                                .toString()));
        data.forEach(this::refuseSecrets);
        return data;
    }

    /** The record in ConfigMap data (null or empty: {@link StateRecord#empty()}); {@code source} locates errors. */
    public StateRecord decode(String source, Map<String, String> data) {
        if (data == null) {
            return StateRecord.empty();
        }
        return new StateRecord(
                data.get(TOPOLOGY),
                data.get(VALUES_HASH),
                data.get(CHART_VERSION),
                data.get(TOOL_VERSION),
                manifests(source, data.get(MANIFESTS)),
                history(source, data.get(HISTORY)),
                helmRun(source, data.get(HELM_RUN)));
    }

    private static void putIfPresent(Map<String, String> data, String key, String value) {
        if (value != null) {
            data.put(key, value);
        }
    }

    private void refuseSecrets(String key, String value) {
        if (Secrets.isSensitiveName(key)) {
            throw refusal(key, "its name looks secret");
        }
        int at = value.indexOf(Redaction.CHART_DEFAULT_PASSWORD);
        if (at >= 0) {
            throw refusal(key, "its value contains the SigNoz chart's published default password" + line(value, at));
        }
        for (String secret : knownSecrets) {
            at = value.indexOf(secret);
            if (at >= 0) {
                throw refusal(key, "its value contains a password this run has read" + line(value, at));
            }
        }
    }

    private static String line(String value, int at) {
        long line = 1 + value.substring(0, at).chars().filter(c -> c == '\n').count();
        return value.indexOf('\n') < 0 ? "" : " (line " + line + ")";
    }

    private static SignozHaException refusal(String key, String why) {
        return new SignozHaException(
                ExitCode.REFUSED,
                "refusing to store key '" + key + "' in the state record ConfigMap, which is not a Secret: " + why);
    }

    private static String history(List<HistoryEntry> entries) {
        List<String> lines = new ArrayList<>();
        for (HistoryEntry entry : entries) {
            ObjectNode line =
                    JSON.createObjectNode().put("time", entry.time().toString()).put("command", entry.command());
            putIfPresent(line, "chartVersion", entry.chartVersion());
            putIfPresent(line, "valuesHash", entry.valuesHash());
            line.put("outcome", entry.outcome()).put("user", entry.user());
            putIfPresent(line, "detail", entry.detail());
            lines.add(line.toString());
        }
        return lines(lines);
    }

    private static String lines(List<String> elements) {
        return elements.isEmpty() ? "[]" : "[\n" + String.join(",\n", elements) + "\n]";
    }

    private static void putIfPresent(ObjectNode line, String field, String value) {
        if (value != null) {
            line.put(field, value);
        }
    }

    private static List<JsonNode> manifests(String source, String text) {
        List<JsonNode> objects = new ArrayList<>();
        array(source, MANIFESTS, text).forEach(object -> {
            if (!object.path("kind").isTextual()
                    || !object.path("metadata").path("name").isTextual()) {
                throw malformed(source, MANIFESTS, "entry " + (objects.size() + 1) + " is not a Kubernetes object");
            }
            objects.add(object);
        });
        return objects;
    }

    private static JsonNode array(String source, String key, String text) {
        if (text == null || text.isBlank()) {
            return JSON.createArrayNode();
        }
        JsonNode array;
        try {
            array = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(source, key, "is not JSON: " + e.getOriginalMessage());
        }
        if (!array.isArray()) {
            throw malformed(source, key, "is not a JSON array");
        }
        return array;
    }

    private static List<HistoryEntry> history(String source, String text) {
        JsonNode array = array(source, HISTORY, text);
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            entries.add(entry(source, i + 1, array.get(i)));
        }
        return entries;
    }

    private static HelmRun helmRun(String source, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            for (String required : List.of("run", "runId", "release", "started")) {
                if (!node.path(required).isTextual()) {
                    throw malformed(source, HELM_RUN, "has no " + required);
                }
            }
            if (!node.path("fromRevision").isInt()) {
                throw malformed(source, HELM_RUN, "has no fromRevision");
            }
            return new HelmRun(
                    node.get("run").asText(),
                    node.get("runId").asText(),
                    node.get("release").asText(),
                    node.get("fromRevision").asInt(),
                    Instant.parse(node.get("started").asText()));
        } catch (JsonProcessingException e) {
            throw malformed(source, HELM_RUN, "is not JSON: " + e.getOriginalMessage());
        } catch (DateTimeException e) {
            throw malformed(source, HELM_RUN, "has a start that is not an instant");
        }
    }

    private static HistoryEntry entry(String source, int number, JsonNode node) {
        for (String required : List.of("time", "command", "outcome", "user")) {
            if (!node.path(required).isTextual()) {
                throw malformed(source, "entry " + number + " has no " + required);
            }
        }
        try {
            return new HistoryEntry(
                    Instant.parse(node.get("time").asText()),
                    node.get("command").asText(),
                    text(node, "chartVersion"),
                    text(node, "valuesHash"),
                    node.get("outcome").asText(),
                    node.get("user").asText(),
                    text(node, "detail"));
        } catch (DateTimeException e) {
            throw malformed(
                    source,
                    "entry " + number + " has a time that is not an instant: "
                            + node.get("time").asText());
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    private static InvalidInputException malformed(String source, String what) {
        return malformed(source, HISTORY, what);
    }

    private static InvalidInputException malformed(String source, String key, String what) {
        return InvalidInputException.single(
                source,
                key + " " + what + "; repair the key or remove it ("
                        + switch (key) {
                            case HISTORY -> "the history is informational";
                            case HELM_RUN -> "it only names a helm run of signoz-ha that never finished, for --recover";
                            default -> "a rollback then renders the last topology again";
                        }
                        + ")");
    }
}
