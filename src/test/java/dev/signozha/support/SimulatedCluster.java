package dev.signozha.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signozha.actions.ClickHouseAccess;
import dev.signozha.actions.ClickHouseData;
import dev.signozha.actions.Confirmer;
import dev.signozha.actions.DeployAction;
import dev.signozha.actions.DeployPhase;
import dev.signozha.actions.IngestionProbe;
import dev.signozha.actions.InputFiles;
import dev.signozha.actions.Progress;
import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.plan.Disruption;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.render.TemplateSource;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.text.Style;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster for whole deploys: the mock API server (with server-side apply) seeded with the healthy fixture's
 * nodes and storage class and the ClickHouse password Secret, the readiness controller, and the fake chart.
 * Builds deploy and upgrade requests for the production example and runs them, capturing what they print.
 */
public final class SimulatedCluster implements AutoCloseable {

    public static final Path PRODUCTION = Path.of("examples/production-2x2.yaml");
    public static final String NAMESPACE = "platform";
    public static final String PASSWORD = "s3cret-Simulated-pw";
    /**
     * What requests here allow unless a test says otherwise: there is no ClickHouse to look inside (see
     * {@link #withClickHouse}), so verification goes without it and an upgrade without an ingestion baseline.
     */
    public static final DeployAction.Safety WITHOUT_CLICKHOUSE = new DeployAction.Safety(false, true, true);

    private final MockCluster cluster;
    private final ReadinessController controller;
    private final FakeChart helm;
    private final KubeSession session;
    private ClickHouseAccess clickhouse = ClickHouseAccess.none("simulated cluster: no ClickHouse to query");
    private ClickHouseData data = ClickHouseData.none("simulated cluster: no ClickHouse to query");
    private final ClientFailures clientFailures = new ClientFailures();
    private ResettingProxy relay;

    public SimulatedCluster(Duration readinessDelay) {
        this(readinessDelay, MockCluster.withServerSideApply(), null, Optional.empty());
    }

    /**
     * A cluster whose fake chart keeps its Helm revisions in {@code helmRevisions}, shared with the fake chart of a
     * deploy in another process (see {@link DeployProcess}), as real helm shares them through the cluster.
     */
    public SimulatedCluster(Duration readinessDelay, Path helmRevisions) {
        this(readinessDelay, MockCluster.withServerSideApply(), null, Optional.of(helmRevisions));
    }

    /**
     * A cluster whose API server answers through {@code dispatcher} (faults, say), and whose deploys use a client
     * tuned as the tool tunes its own, with {@code requestTimeout}, that reaches the server through a
     * {@link ResettingProxy} (so an answer can be a dropped connection) and records what failed
     * ({@link #clientFailures()}).
     */
    public SimulatedCluster(
            Duration readinessDelay, io.fabric8.mockwebserver.http.Dispatcher dispatcher, Duration requestTimeout) {
        this(readinessDelay, MockCluster.with(dispatcher), requestTimeout, Optional.empty());
    }

    private SimulatedCluster(
            Duration readinessDelay, MockCluster cluster, Duration requestTimeout, Optional<Path> helmRevisions) {
        this.cluster = cluster;
        this.helm = helmRevisions
                .map(file -> FakeChart.sharingRevisions(cluster.client(), file))
                .orElseGet(() -> new FakeChart(cluster));
        List<HasMetadata> infrastructure =
                new ArrayList<>(HealthyFixture.copies(HealthyFixture.inventory().nodes(), n -> true));
        infrastructure.addAll(HealthyFixture.copies(HealthyFixture.inventory().storageClasses(), s -> true));
        infrastructure.forEach(object -> object.getMetadata().setResourceVersion(null));
        cluster.seed(infrastructure);
        cluster.client()
                .namespaces()
                .resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NAMESPACE)
                        .endMetadata()
                        .build())
                .create();
        cluster.client()
                .secrets()
                .inNamespace(NAMESPACE)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("clickhouse-credentials")
                        .endMetadata()
                        .addToStringData("password", PASSWORD)
                        .build())
                .create();
        controller = new ReadinessController(cluster, NAMESPACE, readinessDelay);
        session = new KubeSession(
                requestTimeout == null ? cluster.client() : throughRelay(requestTimeout),
                "context:mock",
                Clock.systemUTC());
    }

    private KubernetesClient throughRelay(Duration requestTimeout) {
        relay = new ResettingProxy(URI.create(cluster.client().getMasterUrl().toString()));
        return cluster.tunedClient(relay.url(), requestTimeout, 7, clientFailures);
    }

    /** The failures the deploys' client saw (only with a dispatcher and request timeout given), oldest first. */
    public List<String> clientFailures() {
        return clientFailures.seen();
    }

    /** Upgrade's data questions (continuity, backup) answered by {@code answers}, a hand-written fake. */
    public SimulatedCluster withData(ClickHouseData answers) {
        this.data = answers;
        return this;
    }

    /** Deploys from now on look inside ClickHouse through {@code access} (a real server, say) when they verify. */
    public SimulatedCluster withClickHouse(ClickHouseAccess access) {
        this.clickhouse = access;
        return this;
    }

    /** What the real command line needs to reach a deployed world: a kubeconfig and the recording helm. */
    public record ForTheCli(Path kubeconfig, Path helm) {}

    /** Deploys the production example, then writes the kubeconfig and the recording helm into {@code dir}. */
    public ForTheCli deployedForTheCli(Path dir) throws Exception {
        Run deploy = run(deploy());
        if (deploy.exitCode() != 0) {
            throw new AssertionError("the first deploy failed: " + deploy.all());
        }
        return new ForTheCli(
                Files.writeString(dir.resolve("kubeconfig"), cluster.kubeconfig(NAMESPACE)),
                recordingHelm(dir.resolve("helm")));
    }

    /** The recording helm in a directory of its own, serving the history and values the first deploy left. */
    public Path recordingHelm(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path binary = dir.resolve("helm");
        Files.copy(Path.of("src/test/resources/bin/recording-helm"), binary, StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(
                dir.resolve("history.json"),
                "[{\"revision\":1,\"status\":\"deployed\",\"chart\":\"signoz-"
                        + helm.status(NAMESPACE, "signoz").orElseThrow().chartVersion()
                        + "\",\"app_version\":\"\",\"description\":\"Install complete\"}]");
        Files.writeString(
                dir.resolve("values.json"),
                new ObjectMapper()
                        .writeValueAsString(
                                helm.suppliedValues(NAMESPACE, "signoz").orElseThrow()));
        Files.writeString(dir.resolve("calls"), "");
        Files.writeString(dir.resolve("values-seen"), "");
        return binary;
    }

    /** The state record of the namespace, as a run would read it. */
    public Optional<StateRecord> stateRecord() {
        return session.state(NAMESPACE, List.of()).read();
    }

    /** The Leases of the namespace: signoz-ha's lock, while one is held or left behind. */
    public List<Lease> leases() {
        return session.gateway().inventory(NAMESPACE).leases();
    }

    public MockCluster mock() {
        return cluster;
    }

    public FakeChart helm() {
        return helm;
    }

    public ReadinessController controller() {
        return controller;
    }

    public KubeSession session() {
        return session;
    }

    /** A deploy of the production example, confirmed, with short timeouts. */
    public static DeployAction.Request deploy() {
        return request(DeployAction.Kind.DEPLOY, InputFiles.readText(PRODUCTION), Optional.empty());
    }

    /** The production deploy with another dry-run mode and confirmation. */
    public static DeployAction.Request deploy(DeployAction.DryRun dryRun, boolean yes) {
        return deploy().toBuilder().dryRun(dryRun).yes(yes).build();
    }

    public static DeployAction.Request request(DeployAction.Kind kind, String topology, Optional<String> chartVersion) {
        return DeployAction.Request.builder(kind, PRODUCTION.toString(), topology)
                .chartVersion(chartVersion)
                .allowed(Disruption.SCALE_OUT)
                .yes(true)
                .timeouts(everyPhase(Duration.ofSeconds(20)))
                .safety(WITHOUT_CLICKHOUSE)
                .build();
    }

    /** The same timeout for every phase. */
    public static Map<DeployPhase, Duration> everyPhase(Duration timeout) {
        Map<DeployPhase, Duration> timeouts = new EnumMap<>(DeployPhase.class);
        for (DeployPhase phase : DeployPhase.values()) {
            timeouts.put(phase, timeout);
        }
        return timeouts;
    }

    /** Runs a request with no ClickHouse access and no ingestion probe. */
    public Run run(DeployAction.Request request) throws InterruptedException {
        return run(request, IngestionProbe.none());
    }

    public Run run(DeployAction.Request request, IngestionProbe ingestion) throws InterruptedException {
        return run(request, ingestion, new ClasspathTemplates());
    }

    /** Runs a request with the objects rendered from {@code templates}, as with --templates. */
    public Run run(DeployAction.Request request, IngestionProbe ingestion, TemplateSource templates)
            throws InterruptedException {
        return run(
                new DeployAction.Cluster(session, helm, clickhouse, topology -> ingestion, topology -> data),
                request,
                templates);
    }

    /**
     * The engine's hand-written fakes as the cluster of a run: {@code cluster} in memory, {@code helm}, no ClickHouse
     * to verify with or ingestion probe, and {@code data} answering upgrade's data questions.
     */
    public static DeployAction.Cluster inMemory(InMemoryCluster cluster, FakeChart helm, ClickHouseData data) {
        return inMemory(cluster, helm, data, ClickHouseAccess.none("in-memory cluster: no ClickHouse to query"));
    }

    /** The same, with {@code clickhouse} (a hand-written one, say) to look inside ClickHouse through. */
    public static DeployAction.Cluster inMemory(
            InMemoryCluster cluster, FakeChart helm, ClickHouseData data, ClickHouseAccess clickhouse) {
        return new DeployAction.Cluster(cluster, helm, clickhouse, topology -> IngestionProbe.none(), topology -> data);
    }

    /** Runs a request against {@code target}, capturing what it prints and how it ends. */
    public static Run run(DeployAction.Cluster target, DeployAction.Request request, TemplateSource templates)
            throws InterruptedException {
        StringWriter out = new StringWriter();
        StringWriter progress = new StringWriter();
        DeployAction.Console console = new DeployAction.Console(
                new PrintWriter(out, true),
                Progress.log(new PrintWriter(progress, true), Clock.systemUTC()),
                Confirmer.nobody(),
                Style.PLAIN);
        DeployAction action = new DeployAction(templates, "test", Clock.systemUTC(), LeaseLock.Timing.system());
        long start = System.nanoTime();
        try {
            int code = action.run(request, target, console);
            return new Run(
                    code, out.toString(), progress.toString(), null, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            return new Run(-1, out.toString(), progress.toString(), e, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** What a run printed and how it ended: an exit code, or the exception it ended with. */
    public record Run(int code, String out, String progress, RuntimeException failure, Duration wall) {

        public int exitCode() {
            return failure instanceof dev.signozha.core.SignozHaException known
                    ? known.exitCode().code()
                    : failure == null ? code : 1;
        }

        public String all() {
            return out + "\n--- progress\n" + progress
                    + (failure == null
                            ? ""
                            : "\n--- failure\n" + failure
                                    + (failure.getCause() == null ? "" : "\ncaused by " + failure.getCause()));
        }
    }

    @Override
    public void close() {
        controller.close();
        session.close();
        if (relay != null) {
            relay.close();
        }
        cluster.close();
    }
}
