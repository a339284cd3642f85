package dev.signozha.support;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Server-side apply and CRUD (see {@link SsaDispatcher}), plus one armed fault: the next {@code times} requests
 * whose method and path (with its query) match are answered with the fault instead. Faults are what a real API
 * server or the network does: an error status with a Kubernetes Status body (500, 503, 409, 410 on a watch),
 * 429 with Retry-After, an answer that comes too late for the client's timeout, a connection reset before the
 * request was answered (through the {@link ResettingProxy} the client must reach the server by; the request is not
 * carried out).
 */
public final class FaultDispatcher extends Dispatcher {

    /** How the matched request is answered. */
    public enum Kind {
        STATUS,
        TOO_LATE,
        DROPPED
    }

    /** A fault: which requests, how, and for how many of them ({@link Integer#MAX_VALUE}: all). */
    public record Fault(String method, Pattern path, Kind kind, int status, int times) {

        public static Fault status(String method, String pathRegex, int status, int times) {
            return new Fault(method, Pattern.compile(pathRegex), Kind.STATUS, status, times);
        }

        public static Fault of(String method, String pathRegex, Kind kind, int times) {
            return new Fault(method, Pattern.compile(pathRegex), kind, 0, times);
        }
    }

    private final SsaDispatcher inner = new SsaDispatcher();
    private final AtomicInteger left = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private final Duration late;
    private volatile Fault armed;

    /** {@code late}: how long a TOO_LATE answer waits (longer than the client's request timeout). */
    public FaultDispatcher(Duration late) {
        this.late = late;
    }

    public void arm(Fault fault) {
        left.set(fault.times());
        injected.set(0);
        armed = fault;
    }

    /** How many requests the armed fault answered. */
    public int injected() {
        return injected.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Fault fault = armed;
        if (fault != null
                && fault.method().equals(request.getMethod())
                && fault.path().matcher(request.getPath()).find()
                && left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            injected.incrementAndGet();
            return switch (fault.kind()) {
                case STATUS -> status(fault.status());
                case TOO_LATE -> tooLate(request);
                case DROPPED -> new MockResponse().setResponseCode(ResettingProxy.RESET_STATUS);
            };
        }
        return inner.dispatch(request);
    }

    /**
     * The answer, after the client's request timeout. The mock sends a WebSocket upgrade (a watch) at once whatever
     * the delay, so a watch gets an error answer that late instead; a watch has no request timeout, so its client
     * waits for that answer and then starts the watch again.
     */
    private MockResponse tooLate(RecordedRequest request) {
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        return (upgrade ? status(504) : inner.dispatch(request)).setBodyDelay(late);
    }

    private static MockResponse status(int code) {
        MockResponse response = new MockResponse()
                .setResponseCode(code)
                .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                        + "\"status\":\"Failure\",\"message\":\"injected fault " + code + "\",\"code\":" + code + "}");
        return code == 429 ? response.setHeader("Retry-After", "1") : response;
    }
}
