package dev.signozha.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.signozha.cluster.helm.ChartReference;
import dev.signozha.cluster.helm.HelmFailures;
import dev.signozha.cluster.helm.HelmGateway;
import dev.signozha.cluster.helm.HelmRelease;
import dev.signozha.cluster.helm.HelmRevision;
import dev.signozha.cluster.helm.UpgradeRequest;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.yaml.TreeMerge;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Helm behind its interface for simulated deploys: installing the SigNoz chart (re)creates the chart's
 * workloads of the healthy fixture, not ready (the readiness controller makes them so); installing the operator
 * chart registers the CRD and creates the operator's Deployment. Keeps revisions with their supplied values
 * (read from the values files, as helm does), rolls back, and can be told to fail. Every call is recorded.
 * Revisions live in memory, or, for fake charts of several processes (a killed deploy and the run after it),
 * in a file they share: real helm keeps them in the cluster, so they outlive the process that made them.
 */
public final class FakeChart implements HelmGateway {

    /** The Deployment the clickhouse-operator chart brings here, named after its release. */
    public static final String OPERATOR_DEPLOYMENT = "altinity-clickhouse-operator";

    private static final YAMLMapper YAML = new YAMLMapper();
    /** The fixture's workloads the chart's bundled ClickHouse subchart is made of, renamed as the chart names them. */
    private static final String FIXTURE_ZOOKEEPER = "signoz-ha-zookeeper";

    private static final String FIXTURE_INSTALLATION = "clickhouse-signoz-clickhouse-ha";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final Objects objects;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Optional<Path> revisionsFile;
    private List<Revision> revisions = List.of();
    private volatile boolean failUpgrades;
    private volatile boolean failRollbacks;
    private volatile Duration upgradeTime = Duration.ZERO;
    private volatile String passwordSeen;
    private volatile Runnable midRun;
    private volatile JsonNode chartDefaults = YAML.createObjectNode();
    private final List<Path> valuesFiles = new CopyOnWriteArrayList<>();

    /** One stored revision: its chart version and the values it was given. */
    private record Revision(int number, String chartVersion, JsonNode values, String status) {}

    /**
     * Where the chart's objects go: the mock API server ({@link ClientObjects}) or an in-memory cluster. Objects
     * are created fresh, as helm leaves them: no status, nothing ready yet.
     */
    public interface Objects {

        /** Deletes {@code object} if it is there and waits until it is gone. */
        void delete(String namespace, HasMetadata object);

        /** Creates {@code object}, or replaces the one of its name. */
        void create(String namespace, HasMetadata object);

        /** Whether the ClickHouseInstallation CRD is installed. */
        boolean hasClickHouseCrd();

        /** Installs the ClickHouseInstallation CRD, as the operator chart does. */
        void installClickHouseCrd();
    }

    public FakeChart(MockCluster cluster) {
        this(cluster.client());
    }

    /** A chart writing through {@code client}, e.g. one of another process connected to the same mock. */
    public FakeChart(KubernetesClient client) {
        this(new ClientObjects(client), Optional.empty());
    }

    /** A chart writing into {@code objects}, with its revisions in memory. */
    public FakeChart(Objects objects) {
        this(objects, Optional.empty());
    }

    private FakeChart(Objects objects, Optional<Path> revisionsFile) {
        this.objects = objects;
        this.revisionsFile = revisionsFile;
    }

    /** A chart keeping its revisions in {@code file}, which every fake chart given that file shares. */
    public static FakeChart sharingRevisions(KubernetesClient client, Path file) {
        return new FakeChart(new ClientObjects(client), Optional.of(file));
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Each chart upgrade takes this long, as a real helm run pulling the chart and rendering it does. */
    public void upgradesTake(Duration time) {
        upgradeTime = time;
    }

    public void failUpgrades(boolean fail) {
        failUpgrades = fail;
    }

    public void failRollbacks(boolean fail) {
        failRollbacks = fail;
    }

    /**
     * The next install or upgrade of the SigNoz chart runs {@code stop} halfway: its revision pending and the first
     * of its workloads made, the rest not, as a helm process leaves them when it is killed there. {@code stop} is
     * expected not to return (it waits for the kill).
     */
    public void stopMidRun(Runnable stop) {
        midRun = stop;
    }

    /** Every values file helm was handed, so a test can see they are gone afterwards. */
    public List<Path> valuesFiles() {
        return List.copyOf(valuesFiles);
    }

    /** The bundled-mode password the last install's values carried, if any. */
    public Optional<String> passwordSeen() {
        return Optional.ofNullable(passwordSeen);
    }

    @Override
    public String version() {
        return "v3.18.0+fake";
    }

    @Override
    public Optional<HelmRelease> status(String namespace, String release) {
        return latest().map(r ->
                new HelmRelease(release, namespace, r.number(), r.status(), "signoz-" + r.chartVersion(), ""));
    }

    @Override
    public Optional<JsonNode> suppliedValues(String namespace, String release) {
        return latest().map(Revision::values);
    }

    /** What the chart's values.yaml files hold, for {@link #computedValues}; none unless set. */
    public void chartDefaults(JsonNode defaults) {
        chartDefaults = defaults;
    }

    @Override
    public Optional<JsonNode> computedValues(String namespace, String release) {
        return latest().map(r -> TreeMerge.overlay(chartDefaults, r.values()));
    }

    @Override
    public Optional<JsonNode> suppliedValues(String namespace, String release, int revision) {
        return revisions().stream()
                .filter(r -> r.number() == revision)
                .findFirst()
                .map(Revision::values);
    }

    /** A revision as an earlier helm run left it, with no workload made for it. */
    public void recordRevision(String chartVersion, JsonNode values, String status) {
        addRevision(chartVersion, values, status);
    }

    @Override
    public List<HelmRevision> history(String namespace, String release) {
        return revisions().stream()
                .map(r -> new HelmRevision(
                        r.number(), r.status(), "signoz-" + r.chartVersion(), "", Optional.of(Instant.now()), ""))
                .toList();
    }

    @Override
    public void upgradeInstall(UpgradeRequest request) {
        calls.add("upgrade --install " + request.release() + " "
                + request.chart().version().orElse("") + " " + request.dryRun());
        if (request.release().equals("altinity-clickhouse-operator")) {
            installOperator(request.namespace());
            return;
        }
        valuesFiles.addAll(request.valuesFiles());
        JsonNode values = read(request.valuesFiles());
        passwordSeen = values.path("clickhouse").path("password").asText(null);
        if (request.dryRun() != dev.signozha.cluster.helm.HelmDryRun.NONE) {
            return;
        }
        try {
            Thread.sleep(upgradeTime.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HelmFailures.failed("upgrade", "Error: interrupted");
        }
        if (midRun != null) {
            addRevision(
                    request.chart().version().orElseThrow(),
                    values,
                    revisions().isEmpty() ? "pending-install" : "pending-upgrade");
            recreate(
                    request.namespace(), chartObjects(values, request.release()).subList(0, 1));
            midRun.run();
        }
        if (failUpgrades) {
            // As helm does without --atomic: the failed upgrade stays in the history as a failed revision.
            addRevision(request.chart().version().orElseThrow(), values, "failed");
            throw HelmFailures.failed("upgrade", "Error: UPGRADE FAILED: simulated");
        }
        addRevision(request.chart().version().orElseThrow(), values, "deployed");
        recreate(request.namespace(), chartObjects(values, request.release()));
    }

    @Override
    public void rollback(String namespace, String release, int revision, Duration timeout) {
        calls.add("rollback " + release + " " + revision);
        if (failRollbacks) {
            throw HelmFailures.failed("rollback", "Error: simulated rollback failure");
        }
        Revision target = revisions().get(revision - 1);
        addRevision(target.chartVersion(), target.values(), "deployed");
        recreate(namespace, chartObjects(target.values(), release));
    }

    @Override
    public String template(String namespace, String release, ChartReference chart, List<Path> valuesFiles) {
        throw new UnsupportedOperationException("not used by deploy");
    }

    private Optional<Revision> latest() {
        List<Revision> all = revisions();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private synchronized List<Revision> revisions() {
        revisionsFile.filter(Files::exists).ifPresent(file -> revisions = readRevisions(file));
        return revisions;
    }

    /** A new revision; a new deployed one supersedes the one deployed before, as in helm's history. */
    private synchronized void addRevision(String chartVersion, JsonNode values, String status) {
        List<Revision> all = new ArrayList<>(revisions());
        if (status.equals("deployed")) {
            all.replaceAll(old -> old.status().equals("deployed")
                    ? new Revision(old.number(), old.chartVersion(), old.values(), "superseded")
                    : old);
        }
        all.add(new Revision(all.size() + 1, chartVersion, values, status));
        store(all);
    }

    /**
     * Starts an upgrade to {@code chartVersion} as helm does before it touches any object: a new revision,
     * pending-upgrade, with the latest revision's values. A helm killed now leaves it so.
     */
    public synchronized void addPending(String chartVersion) {
        addRevision(chartVersion, latest().map(Revision::values).orElseGet(YAML::createObjectNode), "pending-upgrade");
    }

    /** Leaves the latest revision in {@code status}, as a helm process killed mid-run leaves pending-upgrade. */
    public synchronized void markLatest(String status) {
        List<Revision> all = new ArrayList<>(revisions());
        Revision latest = all.remove(all.size() - 1);
        all.add(new Revision(latest.number(), latest.chartVersion(), latest.values(), status));
        store(all);
    }

    private void store(List<Revision> all) {
        revisions = List.copyOf(all);
        revisionsFile.ifPresent(this::writeRevisions);
    }

    private static List<Revision> readRevisions(Path file) {
        List<Revision> read = new ArrayList<>();
        try {
            for (JsonNode revision : YAML.readTree(Files.readString(file))) {
                read.add(new Revision(
                        revision.path("number").asInt(),
                        revision.path("chartVersion").asText(),
                        revision.path("values"),
                        revision.path("status").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    /** Written whole and moved into place, so a process killed while writing leaves the previous file. */
    private void writeRevisions(Path file) {
        ArrayNode all = YAML.createArrayNode();
        revisions.forEach(revision -> all.addObject()
                .put("number", revision.number())
                .put("chartVersion", revision.chartVersion())
                .put("status", revision.status())
                .set("values", revision.values()));
        try {
            Path partial = Files.writeString(file.resolveSibling(file.getFileName() + ".partial"), all.toString());
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void installOperator(String namespace) {
        if (!objects.hasClickHouseCrd()) {
            objects.installClickHouseCrd();
        }
        HealthyFixture.copies(
                        HealthyFixture.inventory().deployments(),
                        d -> d.getMetadata().getName().equals("clickhouse-operator"))
                .forEach(operator -> {
                    operator.getMetadata().setName(OPERATOR_DEPLOYMENT);
                    create(namespace, operator);
                });
    }

    /**
     * As {@code helm uninstall} does: the release's history and the chart's workloads are gone (the operator and
     * its CRD are another release's).
     */
    public synchronized void uninstall(String namespace) {
        calls.add("uninstall");
        chartObjects(YAML.createObjectNode(), "signoz").forEach(object -> objects.delete(namespace, object));
        store(List.of());
    }

    /** The chart's workloads as helm leaves them after an install: new objects, nothing ready yet. */
    private void recreate(String namespace, List<HasMetadata> chart) {
        for (HasMetadata object : chart) {
            objects.delete(namespace, object);
            create(namespace, object);
        }
    }

    /**
     * The chart's workloads for {@code values}, connecting to the ClickHouse cluster they name
     * (externalClickhouse.cluster), as the chart's templates do; with the bundled subchart enabled, also its
     * ZooKeeper and ClickHouseInstallation, named as the chart names them, and the cluster and host it gives.
     */
    private List<HasMetadata> chartObjects(JsonNode values, String release) {
        Inventory fixture = HealthyFixture.inventory();
        List<HasMetadata> chart = new ArrayList<>();
        chart.addAll(HealthyFixture.copies(
                fixture.statefulSets(), s -> s.getMetadata().getName().equals("signoz")));
        chart.addAll(HealthyFixture.copies(
                fixture.deployments(), d -> d.getMetadata().getName().equals("signoz-otel-collector")));
        chart.addAll(HealthyFixture.copies(
                fixture.jobs(), j -> j.getMetadata().getName().contains("migrator")));
        JsonNode bundled = values.path("clickhouse");
        if (bundled.path("enabled").asBoolean(false)) {
            // The chart's containers reach the bundled ClickHouse by the subchart's service name.
            String host = bundled.path("fullnameOverride").asText();
            chart.replaceAll(object -> ControllerEffects.rename(object, FIXTURE_INSTALLATION, host));
            // The clickhouse subchart brings the operator, and with it the CRD.
            if (!objects.hasClickHouseCrd()) {
                objects.installClickHouseCrd();
            }
            chart.addAll(HealthyFixture.copies(
                    fixture.deployments(), d -> d.getMetadata().getName().equals("clickhouse-operator")));
            chart.add(ControllerEffects.copyOf(
                    HealthyFixture.copies(
                                    fixture.statefulSets(),
                                    s -> s.getMetadata().getName().equals(FIXTURE_ZOOKEEPER))
                            .get(0),
                    FIXTURE_ZOOKEEPER,
                    release + "-zookeeper"));
            chart.add(ControllerEffects.copyOf(
                    HealthyFixture.copies(fixture.clickHouseInstallations(), chi -> true)
                            .get(0),
                    FIXTURE_INSTALLATION,
                    host));
        }
        // The chart tells its containers the bundled subchart's cluster, or the external one's.
        String cluster = bundled.path("enabled").asBoolean(false)
                ? bundled.path("cluster").asText("")
                : values.path("externalClickhouse").path("cluster").asText("");
        return cluster.isEmpty()
                ? chart
                : chart.stream().map(original -> connectedTo(original, cluster)).toList();
    }

    /** The chart's ways of telling a container its ClickHouse cluster: env variables and the migrator's argument. */
    private static final List<String> CLUSTER_VARIABLES = List.of(
            "CLICKHOUSE_CLUSTER",
            "SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_CLUSTER",
            "SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_CLUSTER");

    private static final String CLUSTER_ARGUMENT = "--cluster-name";

    /** {@code object} with every container told ClickHouse cluster {@code cluster}, wherever the fixture tells one. */
    private static HasMetadata connectedTo(HasMetadata object, String cluster) {
        JsonNode tree = SERIALIZATION.convertValue(object, JsonNode.class);
        JsonNode pod = tree.path("spec").path("template").path("spec");
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode container : pod.path(list)) {
                container.path("env").forEach(variable -> {
                    if (CLUSTER_VARIABLES.contains(variable.path("name").asText())) {
                        ((ObjectNode) variable).put("value", cluster);
                    }
                });
                ArrayNode args = container.path("args").isArray() ? (ArrayNode) container.get("args") : null;
                for (int i = 0; args != null && i < args.size(); i++) {
                    if (args.get(i).asText().startsWith(CLUSTER_ARGUMENT + "=")) {
                        args.set(i, CLUSTER_ARGUMENT + "=" + cluster);
                    } else if (args.get(i).asText().equals(CLUSTER_ARGUMENT) && i + 1 < args.size()) {
                        args.set(i + 1, cluster);
                    }
                }
            }
        }
        return SERIALIZATION.convertValue(tree, object.getClass());
    }

    private void create(String namespace, HasMetadata object) {
        ReadinessController.clearStatus(object);
        object.getMetadata().setNamespace(namespace);
        object.getMetadata().setResourceVersion(null);
        object.getMetadata().setUid(null);
        objects.create(namespace, object);
    }

    /** The chart's objects on the mock API server, through a client. */
    private record ClientObjects(KubernetesClient client) implements Objects {

        @Override
        public void delete(String namespace, HasMetadata object) {
            client.resource(object).inNamespace(namespace).delete();
            for (int i = 0;
                    i < 100 && client.resource(object).inNamespace(namespace).get() != null;
                    i++) {
                Thread.onSpinWait();
            }
        }

        @Override
        public void create(String namespace, HasMetadata object) {
            client.resource(object).inNamespace(namespace).createOr(existing -> existing.update());
        }

        @Override
        public boolean hasClickHouseCrd() {
            return client.apiextensions()
                            .v1()
                            .customResourceDefinitions()
                            .withName(Inventory.CHI_CRD)
                            .get()
                    != null;
        }

        @Override
        public void installClickHouseCrd() {
            MockCluster.installClickHouseCrd(client);
        }
    }

    private static JsonNode read(List<Path> files) {
        try {
            JsonNode merged = YAML.createObjectNode();
            for (Path file : files) {
                merged = YAML.readerForUpdating(merged).readValue(Files.readString(file));
            }
            return merged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
