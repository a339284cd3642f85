package dev.signozha.support;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CRUD mock with server-side apply ({@link SsaDispatcher}) that also serves container logs, which the CRUD mock
 * does not: each log a test registers is answered as the API server answers {@code GET .../pods/NAME/log}; a
 * container with none registered has not started (400, as for a pod still initialising).
 */
public final class PodLogDispatcher extends Dispatcher {

    private static final Pattern LOG =
            Pattern.compile("/api/v1/namespaces/[^/]+/pods/([^/?]+)/log\\?(?:.*&)?container=([^&]+).*");

    private final SsaDispatcher inner = new SsaDispatcher();
    private final Map<String, String> logs = new ConcurrentHashMap<>();

    /** The log of {@code container} in pod {@code pod} from now on. */
    public PodLogDispatcher log(String pod, String container, String text) {
        logs.put(pod + "/" + container, text);
        return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Matcher log = LOG.matcher(request.getPath());
        if (!"GET".equals(request.getMethod()) || !log.matches()) {
            return inner.dispatch(request);
        }
        String text = logs.get(log.group(1) + "/" + log.group(2));
        if (text == null) {
            return new MockResponse()
                    .setResponseCode(400)
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                            + "\"container \\\"" + log.group(2) + "\\\" in pod \\\"" + log.group(1)
                            + "\\\" is waiting to start: PodInitializing\",\"reason\":\"BadRequest\",\"code\":400}");
        }
        return new MockResponse().setResponseCode(200).setBody(text);
    }
}
