package dev.signozha.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CRUD dispatcher, plus what a real API server does and the plain one does not: a DELETE whose
 * DeleteOptions carry {@code preconditions.resourceVersion} answers 409 Conflict when the object has moved on
 * (the plain dispatcher reads only the path and deletes anyway). Requests are judged one at a time, so the
 * check and the delete are atomic.
 *
 * <p>To stage races and failures: {@link #beforeNext} runs a hook after a request arrived and before it is
 * judged. Hooks run on the server's event loop, so they must not call the server over HTTP (that
 * deadlocks); they write through {@link #put} instead. {@link #answerEverythingWith} stands for an API
 * server that refuses every request from now on.
 */
public final class PreconditionDispatcher extends KubernetesCrudDispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Runnable> beforeNext = new ConcurrentHashMap<>();
    private volatile int refuseWith;

    /** Runs {@code hook} when the next request with this method (PUT, DELETE...) arrives, before it is judged. */
    public void beforeNext(String method, Runnable hook) {
        beforeNext.put(method, hook);
    }

    /** Answers every later request with this HTTP status (e.g. 403) and a Kubernetes Status body. */
    public void answerEverythingWith(int status) {
        refuseWith = status;
    }

    /** Handles a PUT of {@code json} to {@code path} as if it had come over HTTP; returns the response code. */
    public int put(String path, String json) {
        Headers headers = Headers.builder().build();
        return dispatch(new RecordedRequest(
                        "HTTP/1.1", HttpMethod.PUT, path, headers, new Buffer(json.getBytes(StandardCharsets.UTF_8))))
                .code();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (refuseWith != 0) {
            return status(refuseWith, "Forbidden", "refused by the test");
        }
        Runnable hook = beforeNext.remove(request.getMethod());
        if (hook != null) {
            hook.run();
        }
        synchronized (this) {
            if ("DELETE".equals(request.getMethod())) {
                String wanted = read(request.getUtf8Body())
                        .path("preconditions")
                        .path("resourceVersion")
                        .asText("");
                MockResponse current = handleGet(request.getPath());
                if (!wanted.isEmpty() && current.code() == 200) {
                    String actual = read(current.getBody().readUtf8())
                            .path("metadata")
                            .path("resourceVersion")
                            .asText();
                    if (!wanted.equals(actual)) {
                        return status(
                                409,
                                "Conflict",
                                "Precondition failed: ResourceVersion in precondition: " + wanted
                                        + ", ResourceVersion in object meta: " + actual);
                    }
                }
            }
            return super.dispatch(request);
        }
    }

    private static JsonNode read(String json) {
        try {
            return json == null || json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse status(int code, String reason, String message) {
        return new MockResponse()
                .setResponseCode(code)
                .setBody("{\"apiVersion\":\"v1\",\"kind\":\"Status\","
                        + "\"status\":\"Failure\",\"reason\":\"" + reason + "\",\"code\":" + code + ",\"message\":\""
                        + message
                        + "\"}");
    }
}
