package dev.signozha.cluster.kube;

import dev.signozha.core.Trace;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Traces every API request the client sends, each retry included: method, path and query, status, duration.
 * Headers (the bearer token) and bodies (Secrets) are never read.
 */
final class TraceInterceptor implements Interceptor {

    static final String NAME = "signoz-ha-trace";

    private final Trace trace;
    // By method and URI: the request handed to before() is a copy with another id than the one sent.
    private final Map<String, Deque<Long>> started = new ConcurrentHashMap<>();

    TraceInterceptor(Trace trace) {
        this.trace = trace;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        started.computeIfAbsent(describe(request), key -> new ConcurrentLinkedDeque<>()).add(System.nanoTime());
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        trace.line(describe(request) + " → " + response.code() + took(request));
    }

    @Override
    public void afterConnectionFailure(HttpRequest request, Throwable failure) {
        trace.line(describe(request) + " → no answer: " + failure.getClass().getSimpleName() + took(request));
    }

    private String took(HttpRequest request) {
        Deque<Long> starts = started.get(describe(request));
        Long start = starts == null ? null : starts.pollFirst();
        return start == null ? "" : " (" + Trace.took(Duration.ofNanos(System.nanoTime() - start)) + ")";
    }

    private static String describe(HttpRequest request) {
        URI uri = request.uri();
        return "k8s " + request.method() + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
