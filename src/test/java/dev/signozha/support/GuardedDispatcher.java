package dev.signozha.support;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An API server with authentication and RBAC in front of the CRUD mock (with server-side apply), for the requests
 * signoz-ha sends with the token of {@link MockCluster#kubeconfig} (the test's own client, the stand-in controller
 * and helm pass unguarded and unrecorded): each is recorded as RBAC sees it; with {@link #rejectCredentials()} each
 * is answered 401, and each one {@link #deny} matches is answered 403, both with the bodies kube-apiserver sends.
 */
public final class GuardedDispatcher extends Dispatcher {

    public static final String USER = "system:serviceaccount:platform:signoz-ha";

    private final SsaDispatcher inner = new SsaDispatcher();
    private final List<ApiRequest> requests = new CopyOnWriteArrayList<>();
    private volatile boolean rejectCredentials;
    private volatile Predicate<ApiRequest> denied = request -> false;

    public GuardedDispatcher rejectCredentials() {
        rejectCredentials = true;
        return this;
    }

    /** Denies the requests matching, on top of those denied already. */
    public GuardedDispatcher deny(Predicate<ApiRequest> rule) {
        denied = denied.or(rule);
        return this;
    }

    /** What a Role in namespace {@code namespace} cannot do: any cluster-scoped or other-namespace request. */
    public static Predicate<ApiRequest> outsideNamespace(String namespace) {
        return request -> !namespace.equals(request.namespace());
    }

    /** Every resource request answered so far, denied ones included. */
    public List<ApiRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests that would have changed something, whether or not they were let through. */
    public List<ApiRequest> writes() {
        return requests.stream().filter(ApiRequest::writes).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!("Bearer " + MockCluster.TOKEN).equals(request.getHeader("Authorization"))) {
            return inner.dispatch(request);
        }
        if (rejectCredentials) {
            return status(401, "Unauthorized", "Unauthorized", null);
        }
        ApiRequest api = ApiRequest.of(request.getMethod(), request.getPath());
        if (api != null) {
            requests.add(api);
            if (denied.test(api)) {
                return status(403, "Forbidden", api.forbiddenMessage(USER), api.resource());
            }
        }
        return inner.dispatch(request);
    }

    private static MockResponse status(int code, String reason, String message, String kind) {
        String details = kind == null ? "" : ",\"details\":{\"kind\":\"" + kind + "\"}";
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(
                        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                                + "\"" + message.replace("\"", "\\\"") + "\",\"reason\":\"" + reason + "\"" + details
                                + ",\"code\":"
                                + code + "}");
    }
}
