package dev.signozha.cluster.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * A stand-in Kubernetes API serving only what helm's default storage driver reads: {@code GET
 * /version} and the release Secrets of a namespace by label selector, as JSON. So the real helm
 * binary can run {@code helm history} against releases stored the way helm stores them (release
 * JSON, gzipped, base64; the API shows Secret data base64-encoded once more). The fabric8 mock
 * server cannot stand in here: helm asks for protobuf and cannot read its answers. Anything else
 * is answered 404, and every request is recorded, so a test can show helm only read.
 */
final class HelmStorageServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRETS = Pattern.compile("/api/v1/namespaces/([^/]+)/secrets");

    private final HttpServer server;
    private final List<ObjectNode> secrets = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    HelmStorageServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Stores one revision of a release, with these user-supplied values, as helm's Secret driver would. */
    void store(String namespace, String release, HelmRevision revision, Map<String, Object> values) throws IOException {
        String chart = revision.chart();
        ObjectNode stored = JSON.createObjectNode().put("name", release);
        String deployed = revision.updated().orElseThrow().toString();
        stored.putObject("info")
                .put("first_deployed", deployed)
                .put("last_deployed", deployed)
                .put("deleted", "")
                .put("description", revision.description())
                .put("status", revision.status())
                .put("notes", "");
        stored.putObject("chart")
                .putObject("metadata")
                .put("apiVersion", "v2")
                .put("name", chart.substring(0, chart.lastIndexOf('-')))
                .put("version", chart.substring(chart.lastIndexOf('-') + 1))
                .put("appVersion", revision.appVersion());
        stored.set("config", JSON.valueToTree(values));
        stored.put("manifest", "").put("version", revision.revision()).put("namespace", namespace);

        ObjectNode secret = JSON.createObjectNode()
                .put("apiVersion", "v1")
                .put("kind", "Secret")
                .put("type", "helm.sh/release.v1");
        secret.putObject("metadata")
                .put("name", "sh.helm.release.v1." + release + ".v" + revision.revision())
                .put("namespace", namespace)
                .putObject("labels")
                .put("name", release)
                .put("owner", "helm")
                .put("status", revision.status())
                .put("version", Integer.toString(revision.revision()));
        String helmEncoded = Base64.getEncoder().encodeToString(gzip(JSON.writeValueAsBytes(stored)));
        secret.putObject("data")
                .put("release", Base64.getEncoder().encodeToString(helmEncoded.getBytes(StandardCharsets.US_ASCII)));
        secrets.add(secret);
    }

    /** A kubeconfig whose current context is this server. */
    Path writeKubeconfig(Path dir) throws IOException {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Files.writeString(
                dir.resolve("kubeconfig"),
                "apiVersion: v1\nkind: Config\n"
                        + "clusters: [{name: storage, cluster: {server: '" + url + "'}}]\n"
                        + "users: [{name: tester, user: {token: test-token}}]\n"
                        + "contexts: [{name: storage, context: {cluster: storage, user: tester, namespace: default}}]\n"
                        + "current-context: storage\n");
    }

    /** Every request as "METHOD path", in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        Matcher list = SECRETS.matcher(path);
        if (exchange.getRequestMethod().equals("GET") && path.equals("/version")) {
            send(
                    exchange,
                    200,
                    JSON.createObjectNode().put("major", "1").put("minor", "33").put("gitVersion", "v1.33.0"));
        } else if (exchange.getRequestMethod().equals("GET") && list.matches()) {
            ObjectNode body = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "SecretList");
            body.putObject("metadata").put("resourceVersion", "1");
            Map<String, String> selector = selector(exchange.getRequestURI().getRawQuery());
            ArrayNode items = body.putArray("items");
            secrets.stream()
                    .filter(secret -> matches(secret, list.group(1), selector))
                    .forEach(items::add);
            send(exchange, 200, body);
        } else {
            send(
                    exchange,
                    404,
                    JSON.createObjectNode()
                            .put("apiVersion", "v1")
                            .put("kind", "Status")
                            .put("status", "Failure")
                            .put("reason", "NotFound")
                            .put("code", 404)
                            .put("message", "not served by HelmStorageServer"));
        }
    }

    private static boolean matches(ObjectNode secret, String namespace, Map<String, String> selector) {
        return secret.path("metadata").path("namespace").asText().equals(namespace)
                && selector.entrySet().stream()
                        .allMatch(e -> secret.path("metadata")
                                .path("labels")
                                .path(e.getKey())
                                .asText()
                                .equals(e.getValue()));
    }

    /** Equality selectors only ({@code name=signoz,owner=helm}), which is what helm sends. */
    private static Map<String, String> selector(String rawQuery) {
        Map<String, String> labels = new HashMap<>();
        for (String parameter : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (parameter.startsWith("labelSelector=")) {
                String value =
                        URLDecoder.decode(parameter.substring("labelSelector=".length()), StandardCharsets.UTF_8);
                for (String requirement : value.split(",")) {
                    String[] pair = requirement.split("=", 2);
                    labels.put(pair[0], pair.length > 1 ? pair[1] : "");
                }
            }
        }
        return labels;
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (exchange) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        }
        return out.toByteArray();
    }
}
