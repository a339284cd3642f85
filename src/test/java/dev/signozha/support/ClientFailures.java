package dev.signozha.support;

import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a Kubernetes client saw when a request got no answer (a reset, a timeout): each failure as the request and
 * the exception's chain, one {@code Class: message} per cause, so a test can tell a dropped connection from one
 * that only went quiet.
 */
public final class ClientFailures implements Interceptor {

    static final String NAME = "test-client-failures";

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void afterConnectionFailure(HttpRequest request, Throwable failure) {
        List<String> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && chain.size() < 10; cause = cause.getCause()) {
            chain.add(cause.getClass().getName() + ": " + cause.getMessage());
        }
        seen.add(request.method() + " " + request.uri().getRawPath() + " -> " + String.join(" <- ", chain));
    }

    /** Every failure seen so far, oldest first. */
    public List<String> seen() {
        return List.copyOf(seen);
    }
}
