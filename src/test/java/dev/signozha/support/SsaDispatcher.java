package dev.signozha.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side apply for the CRUD mock, which has none: an apply PATCH becomes a create when the object is
 * missing, else an RFC 7386 merge of the applied object into the stored one (maps merged, lists and scalars
 * replaced), written back with PUT. Fields the last apply set and this one does not are removed first, as the API
 * server removes fields the applying manager owned and no longer applies. No managed fields, no conflicts: enough
 * for apply order, idempotence, updates and removals. What the tool must send is checked, though, so every test that applies proves it: an
 * apply without {@code fieldManager=signoz-ha} or without {@code force=true} is refused with 422, as the API
 * server refuses an apply without a field manager. {@code dryRun=All} stores nothing.
 */
final class SsaDispatcher extends Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    /** The field manager signoz-ha applies as: a contract, seen in every object's managedFields. */
    static final String FIELD_MANAGER = "signoz-ha";

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    /** What the field manager applied last, by object path: the fields it owns. */
    private final Map<String, JsonNode> lastApplied = new ConcurrentHashMap<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String type = String.valueOf(request.getHeader("Content-Type"));
        if (!"PATCH".equals(request.getMethod()) || !type.startsWith("application/apply-patch")) {
            return crud.dispatch(request);
        }
        String path = request.getPath().replaceFirst("\\?.*$", "");
        Map<String, String> query = query(request.getPath());
        Optional<String> refusal = refusal(query);
        if (refusal.isPresent()) {
            return invalid(refusal.get());
        }
        boolean dryRun = "All".equals(query.get("dryRun"));
        MockResponse existing = crud.handleGet(path);
        ObjectNode applied = (ObjectNode) read(YAML, request.getUtf8Body());
        if (existing.code() == 404) {
            if (dryRun) {
                return new MockResponse().setResponseCode(201).setBody(applied.toString());
            }
            lastApplied.put(path, applied);
            String collection = path.substring(0, path.lastIndexOf('/'));
            return crud.handleCreate(request("POST", collection, applied));
        }
        ObjectNode stored = (ObjectNode) read(JSON, existing.getBody().readUtf8());
        Optional.ofNullable(lastApplied.get(path)).ifPresent(before -> prune(stored, before, applied));
        merge(stored, applied);
        if (dryRun) {
            return new MockResponse().setResponseCode(200).setBody(stored.toString());
        }
        lastApplied.put(path, applied);
        return crud.handleUpdate(request("PUT", path, stored));
    }

    /** Removes from {@code stored} the map fields {@code before} applied and {@code now} no longer does. */
    private static void prune(ObjectNode stored, JsonNode before, JsonNode now) {
        before.fieldNames().forEachRemaining(name -> {
            JsonNode still = now.get(name);
            if (still == null) {
                stored.remove(name);
            } else if (before.get(name).isObject()
                    && still.isObject()
                    && stored.get(name) instanceof ObjectNode inner) {
                prune(inner, before.get(name), still);
            }
        });
    }

    /** Why the apply is refused: it does not say signoz-ha owns the fields, or does not force that ownership. */
    private static Optional<String> refusal(Map<String, String> query) {
        if (!FIELD_MANAGER.equals(query.get("fieldManager"))) {
            return Optional.of("fieldManager: Required value: an apply must name its field manager " + FIELD_MANAGER
                    + " (got fieldManager=" + query.getOrDefault("fieldManager", "<none>") + ")");
        }
        if (!"true".equals(query.get("force"))) {
            return Optional.of("force: Required value: signoz-ha owns the fields it renders, so it applies with "
                    + "force=true (got force=" + query.getOrDefault("force", "<none>") + ")");
        }
        return Optional.empty();
    }

    /** The query parameters of a request path, decoded. */
    private static Map<String, String> query(String path) {
        int start = path.indexOf('?');
        Map<String, String> query = new HashMap<>();
        if (start >= 0) {
            for (String pair : path.substring(start + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(decode(parts[0]), parts.length == 2 ? decode(parts[1]) : "");
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** 422 with a Kubernetes Status, as the API server answers an invalid apply. */
    private static MockResponse invalid(String message) {
        ObjectNode status = JSON.createObjectNode()
                .put("kind", "Status")
                .put("apiVersion", "v1")
                .put("status", "Failure")
                .put("message", "apply refused by the emulated API server: " + message)
                .put("reason", "Invalid")
                .put("code", 422);
        return new MockResponse().setResponseCode(422).setBody(status.toString());
    }

    private static RecordedRequest request(String method, String path, JsonNode body) {
        return new RecordedRequest(
                method + " " + path + " HTTP/1.1",
                HttpMethod.valueOf(method),
                path,
                Headers.builder().add("Content-Type", "application/json").build(),
                new Buffer().writeUtf8(body.toString()));
    }

    private static void merge(ObjectNode target, JsonNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode current = target.get(field.getKey());
            if (field.getValue().isNull()) {
                target.remove(field.getKey());
            } else if (current instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static JsonNode read(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
