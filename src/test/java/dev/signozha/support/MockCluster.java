package dev.signozha.support;

import dev.signozha.cluster.kube.KubeConnections;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Random;

/** The fabric8 mock API server in CRUD mode (real HTTP, the real client, objects stored and listed). */
public final class MockCluster implements AutoCloseable {

    /** The token of {@link #kubeconfig}: how the mock tells signoz-ha's requests from the test's own. */
    public static final String TOKEN = "mock-token";

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    public MockCluster() {
        this(new KubernetesCrudDispatcher());
    }

    /** A mock that also answers server-side apply (emulated, see {@link SsaDispatcher}). */
    public static MockCluster withServerSideApply() {
        return new MockCluster(new SsaDispatcher());
    }

    /** A mock answering through any dispatcher, e.g. one that injects faults. */
    public static MockCluster with(io.fabric8.mockwebserver.http.Dispatcher dispatcher) {
        return new MockCluster(dispatcher);
    }

    /** A mock that also honours DELETE preconditions and can stage races (see {@link PreconditionDispatcher}). */
    public static MockCluster withDeletePreconditions(PreconditionDispatcher dispatcher) {
        return new MockCluster(dispatcher);
    }

    private MockCluster(io.fabric8.mockwebserver.http.Dispatcher dispatcher) {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        client = server.createClient();
    }

    public KubernetesClient client() {
        return client;
    }

    /**
     * Creates every object, writing a custom resource's status the way its operator would: through the status
     * subresource, because the API drops status on create.
     */
    public void seed(List<HasMetadata> objects) {
        for (HasMetadata item : objects) {
            HasMetadata created = client.resource(item).create();
            if (item instanceof GenericKubernetesResource custom
                    && custom.getAdditionalProperties().containsKey("status")) {
                ((GenericKubernetesResource) created)
                        .setAdditionalProperty(
                                "status", custom.getAdditionalProperties().get("status"));
                client.resource(created).updateStatus();
            }
        }
    }

    /** Registers the ClickHouseInstallation CRD, as installing clickhouse-operator does. */
    public void installClickHouseCrd() {
        installClickHouseCrd(client);
    }

    /** Registers the ClickHouseInstallation CRD through any client of the mock. */
    public static void installClickHouseCrd(KubernetesClient client) {
        client.resource(clickHouseCrd()).create();
    }

    /** The ClickHouseInstallation CRD as clickhouse-operator's chart installs it. */
    public static CustomResourceDefinition clickHouseCrd() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("clickhouseinstallations.clickhouse.altinity.com")
                .endMetadata()
                .withNewSpec()
                .withGroup("clickhouse.altinity.com")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("ClickHouseInstallation")
                .withPlural("clickhouseinstallations")
                .withSingular("clickhouseinstallation")
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .build();
    }

    /** A kubeconfig pointing at this server, for running the real command line against it. */
    public String kubeconfig(String namespace) {
        return """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s"}}]
                contexts: [{name: mock, context: {cluster: mock, user: mock, namespace: %s}}]
                current-context: mock
                users: [{name: mock, user: {token: %s}}]
                """.formatted(client.getMasterUrl().toString(), namespace, TOKEN);
    }

    /**
     * A second client of this server, tuned as the tool tunes its own, with {@code requestTimeout} and a retry
     * jitter drawn from {@code seed}; the caller closes it.
     */
    public KubernetesClient tunedClient(Duration requestTimeout, long seed) {
        return tunedBuilder(client.getMasterUrl().toString(), requestTimeout, seed)
                .build();
    }

    /**
     * {@link #tunedClient(Duration, long)} reaching this server through {@code masterUrl} (a relay in front of it),
     * the connection failures it sees recorded in {@code failures}.
     */
    public KubernetesClient tunedClient(String masterUrl, Duration requestTimeout, long seed, ClientFailures failures) {
        return tunedBuilder(masterUrl, requestTimeout, seed)
                .withHttpClientBuilderConsumer(
                        builder -> builder.addOrReplaceInterceptor(ClientFailures.NAME, failures))
                .build();
    }

    private KubernetesClientBuilder tunedBuilder(String masterUrl, Duration requestTimeout, long seed) {
        return new KubernetesClientBuilder()
                .withConfig(KubeConnections.tune(
                        new ConfigBuilder(client.getConfiguration())
                                .withMasterUrl(masterUrl)
                                .build(),
                        requestTimeout,
                        new Random(seed)));
    }

    /** Requests the server has answered so far. */
    public int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
