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
import java.util.Iterator;
import java.util.Map;

/**
 * Server-side apply for the CRUD mock, which has none: an apply PATCH becomes a create when the object is
 * missing, else an RFC 7386 merge of the applied object into the stored one (maps merged, lists and scalars
 * replaced), written back with PUT. No managed fields, no pruning, no conflicts: enough for apply order,
 * idempotence and updates.
 */
final class SsaDispatcher extends Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String type = String.valueOf(request.getHeader("Content-Type"));
        if (!"PATCH".equals(request.getMethod()) || !type.startsWith("application/apply-patch")) {
            return crud.dispatch(request);
        }
        String path = request.getPath().replaceFirst("\\?.*$", "");
        boolean dryRun = request.getPath().contains("dryRun=All");
        MockResponse existing = crud.handleGet(path);
        ObjectNode applied = (ObjectNode) read(YAML, request.getUtf8Body());
        if (existing.code() == 404) {
            if (dryRun) {
                return new MockResponse().setResponseCode(201).setBody(applied.toString());
            }
            String collection = path.substring(0, path.lastIndexOf('/'));
            return crud.handleCreate(request("POST", collection, applied));
        }
        ObjectNode stored = (ObjectNode) read(JSON, existing.getBody().readUtf8());
        merge(stored, applied);
        return dryRun ? new MockResponse().setResponseCode(200).setBody(stored.toString())
                : crud.handleUpdate(request("PUT", path, stored));
    }

    private static RecordedRequest request(String method, String path, JsonNode body) {
        return new RecordedRequest(method + " " + path + " HTTP/1.1", HttpMethod.valueOf(method), path,
                Headers.builder().add("Content-Type", "application/json").build(), new Buffer().writeUtf8(body.toString()));
    }

    private static void merge(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
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
