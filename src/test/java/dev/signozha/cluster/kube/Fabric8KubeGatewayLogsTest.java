package dev.signozha.cluster.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.SignozHaException;
import dev.signozha.support.MockCluster;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A failed migration container's log tail, read the way the API server serves it (texts of SigNoz/charts#895). */
class Fabric8KubeGatewayLogsTest {

    private static final String POD = "signoz-ha-schema-migrator-m4qzz";
    private static final String SYNC_LOG = "Error: failed to run migrations up sync: code: 115, message: There was an"
            + " error on [chi-signoz-clickhouse-cluster-0-0:9000]: Code: 115. DB::Exception: Unknown setting"
            + " 'object_serialization_version'. (UNKNOWN_SETTING) (version 25.5.6.14 (official build))\n";

    /**
     * The pod (fabric8 looks it up first) and its log endpoint: sync has logged, async is still PodInitializing
     * (400), any other pod's log is forbidden (403, no pods/log in the Role).
     */
    private static final class LogServer extends Dispatcher {
        final List<String> paths = new CopyOnWriteArrayList<>();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            paths.add(request.getPath());
            String path = request.getPath();
            if (path.startsWith("/api/v1/namespaces/platform/pods?fieldSelector=metadata.name%3D")) {
                String name = path.substring(path.indexOf("%3D") + 3);
                return new MockResponse()
                        .setResponseCode(200)
                        .setBody("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[{\"kind\":"
                                + "\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"" + name
                                + "\",\"namespace\":\"platform\"}}]}");
            }
            if (path.startsWith("/api/v1/namespaces/platform/pods/" + POD + "/log?")) {
                if (path.contains("container=sync")) {
                    return new MockResponse().setResponseCode(200).setBody(SYNC_LOG);
                }
                if (path.contains("container=async")) {
                    return status(
                            400,
                            "container \\\"async\\\" in pod \\\"" + POD + "\\\" is waiting to start: PodInitializing");
                }
            }
            return status(
                    403,
                    "pods \\\"other\\\" is forbidden: User \\\"system:serviceaccount:platform:signoz-ha\\\" cannot get"
                            + " resource \\\"pods/log\\\" in API group \\\"\\\" in the namespace \\\"platform\\\"");
        }

        private static MockResponse status(int code, String message) {
            return new MockResponse()
                    .setResponseCode(code)
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\""
                            + message + "\",\"code\":" + code + "}");
        }
    }

    @Test
    void logTail_asksForTheLastLinesOfTheContainer_andReturnsThemLineByLine() {
        LogServer server = new LogServer();
        try (MockCluster cluster = MockCluster.with(server);
                Fabric8KubeGateway gateway =
                        new Fabric8KubeGateway(cluster.client(), "context:test", Clock.systemUTC())) {
            assertEquals(List.of(SYNC_LOG.strip()), gateway.logTail("platform", POD, "sync", 40));
            assertTrue(
                    server.paths.stream().anyMatch(path -> path.endsWith("container=sync&tailLines=40")),
                    server.paths.toString());
            assertEquals(List.of(), gateway.logTail("platform", POD, "async", 40), "waiting to start: no log yet");
            SignozHaException failure =
                    assertThrows(SignozHaException.class, () -> gateway.logTail("platform", "other", "sync", 40));
            assertTrue(failure.getMessage().contains("read the log of platform/other sync"), failure.getMessage());
        }
    }
}
