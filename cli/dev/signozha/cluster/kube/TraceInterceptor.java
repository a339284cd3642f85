package dev.signozha.cluster.kube;

import dev.signozha.core.Trace;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        long now = System.nanoTime();
        started.compute(describe(request), (key, starts) -> {
            Deque<Long> queue = starts == null ? new ArrayDeque<>() : starts;
            queue.add(now);
            return queue;
        });
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        trace.line(describe(request) + " → " + response.code() + took(request));
    }

    @Override
    public void afterConnectionFailure(HttpRequest request, Throwable failure) {
        trace.line(describe(request) + " → no answer: " + failure.getClass().getSimpleName() + took(request));
    }

    /** The request's duration, forgetting its start (and the key, once no request of it is in flight). */
    private String took(HttpRequest request) {
        long[] start = {-1};
        started.computeIfPresent(describe(request), (key, starts) -> {
            start[0] = starts.removeFirst();
            return starts.isEmpty() ? null : starts;
        });
        return start[0] < 0 ? "" : " (" + Trace.since(start[0]) + ")";
    }

    private static String describe(HttpRequest request) {
        URI uri = request.uri();
        return "k8s " + request.method() + " " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
