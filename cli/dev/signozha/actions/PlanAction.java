package dev.signozha.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckReport;
import dev.signozha.checks.CheckResult;
import dev.signozha.checks.ReportJson;
import dev.signozha.checks.ReportText;
import dev.signozha.checks.Resilience;
import dev.signozha.cluster.helm.HelmGateway;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.plan.LivePlan;
import dev.signozha.core.plan.LivePlanText;
import dev.signozha.core.plan.OfflinePlan;
import dev.signozha.core.plan.OfflinePlanner;
import dev.signozha.core.plan.PlanText;
import dev.signozha.core.plan.PlannedPlacement;
import dev.signozha.core.plan.SavedPlan;
import dev.signozha.core.plan.Workloads;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.render.Renderer;
import dev.signozha.core.render.TemplateSource;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.text.Style;
import dev.signozha.core.topology.ClickHouseMode;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.Topology;
import dev.signozha.core.topology.Topology.Spec;
import dev.signozha.core.topology.TopologyLoader;
import dev.signozha.core.yaml.CanonicalYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** plan: without a cluster, what an install consists of; against one, what would change and whether it is safe. */
public final class PlanAction {

    private final TemplateSource templates;

    public PlanAction(TemplateSource templates) {
        this.templates = templates;
    }

    /**
     * What an install consists of, and, on declared capacity, doctor's N-1 check (SINGLE_POINT_OF_FAILURE) run on
     * where the pods would be placed.
     */
    public OfflineResult offline(Path topologyFile) {
        LoadedTopology loaded = InputFiles.topology(topologyFile);
        OfflinePlan plan = OfflinePlanner.plan(loaded, new Renderer(templates).render(loaded.topology()));
        Optional<CheckReport> resilience = PlannedPlacement.of(loaded.spec(), Workloads.of(loaded.spec()))
                .map(placed -> new CheckReport(
                        "the planned placement on the declared capacity",
                        List.of(Resilience.judged(placed.nodes(), placed.boundPods(), placed.groups()))));
        return new OfflineResult(plan, loaded.spec().namespace(), resilience);
    }

    /** An offline plan and the N-1 analysis of its placement (none without declared capacity), ready to print. */
    public record OfflineResult(OfflinePlan plan, String namespace, Optional<CheckReport> resilience) {

        public boolean hasErrors() {
            return plan.hasErrors()
                    || resilience.map(report -> report.errors() > 0).orElse(false);
        }

        public String text(Style style) {
            return PlanText.render(plan, style)
                    + resilience
                            .map(report -> "\n"
                                    + ReportText.render(
                                            report,
                                            style.bold(
                                                            "N-1 analysis of the placement (doctor's check, per node and per zone)")
                                                    + "\n",
                                            style))
                            .orElse("");
        }

        public ObjectNode data() {
            ObjectNode root = CanonicalYaml.tree(plan).deepCopy();
            resilience.ifPresent(report -> root.set(
                    "resilience",
                    ReportJson.render(report, namespace, plan.topology().name())));
            return root;
        }
    }

    /**
     * The rendered release compared with the tool's live objects and the release's supplied values, with the
     * doctor's Kubernetes-level checks as preflight.
     */
    public LiveResult live(Path topologyFile, KubeGateway kube, HelmGateway helm) {
        return compute(InputFiles.name(topologyFile), InputFiles.readText(topologyFile), Optional.empty(), kube, helm)
                .result();
    }

    /**
     * The live plan for a topology's text, rendered with {@code chartVersion} when given instead of the file's.
     */
    public Planned compute(
            String source, String topologyText, Optional<String> chartVersion, KubeGateway kube, HelmGateway helm) {
        LoadedTopology file = TopologyLoader.load(source, topologyText);
        LoadedTopology loaded = chartVersion
                .map(version -> file.withChartVersion(version, "--chart-version"))
                .orElse(file);
        Spec spec = loaded.spec();
        RenderedRelease rendered = new Renderer(templates).render(loaded.topology());
        Inventory inventory = kube.inventory(spec.namespace());
        LiveState state = LiveState.read(spec, kube, helm, inventory);
        LivePlan plan = state.plan(rendered, spec);
        DoctorAction.Result preflight = new DoctorAction()
                .run(new DoctorAction.Request(
                        namespace -> inventory,
                        spec.namespace(),
                        loaded,
                        ClickHouseAccess.none("plan's preflight reads Kubernetes objects; signoz-ha doctor "
                                + "also looks inside ClickHouse")));
        Setup setup = Setup.of(spec, kube.namespaceExists(spec.namespace()), preflight.report());
        return new Planned(
                topologyText, loaded, rendered, state, plan, setup.preflight(), kube.describe(), setup.steps());
    }

    /**
     * What a deploy does to the cluster before the release's objects: create the namespace, install
     * clickhouse-operator (external mode, when none watches the namespace). A missing operator the deploy installs is
     * then not a preflight error: its check is shown as skipped, pointing at the step.
     */
    record Setup(List<String> steps, CheckReport preflight) {

        static Setup of(Spec spec, boolean namespaceExists, CheckReport preflight) {
            List<String> steps = new ArrayList<>();
            if (!namespaceExists) {
                steps.add("Namespace/" + spec.namespace() + ": created");
            }
            boolean operator = spec.clickhouse().mode().ownedByTool()
                    && preflight.results().stream()
                            .anyMatch(result -> result.spec() == CheckCatalog.OPERATOR_MISSING && result.isError());
            if (!operator) {
                return new Setup(steps, preflight);
            }
            steps.add("clickhouse-operator " + DeployPhases.OPERATOR_VERSION + ": helm upgrade --install "
                    + PhaseJudges.OPERATOR_RELEASE + " from " + DeployPhases.OPERATOR_REPOSITORY
                    + ", before ZooKeeper and ClickHouse");
            List<CheckResult> results = preflight.results().stream()
                    .map(result -> result.spec() == CheckCatalog.OPERATOR_MISSING
                            ? new CheckResult(
                                    result.spec(),
                                    CheckResult.Status.SKIP,
                                    List.of(),
                                    "deploy installs clickhouse-operator " + DeployPhases.OPERATOR_VERSION
                                            + " first (Cluster setup)",
                                    result.spec().severity())
                            : result)
                    .toList();
            return new Setup(steps, new CheckReport(preflight.source(), results));
        }
    }

    /**
     * A live plan with everything it was computed from, and the cluster setup a deploy does first (namespace,
     * clickhouse-operator).
     */
    public record Planned(
            String topologyText,
            LoadedTopology loaded,
            RenderedRelease rendered,
            LiveState live,
            LivePlan plan,
            CheckReport preflight,
            String cluster,
            List<String> setup) {

        public Topology topology() {
            return loaded.topology();
        }

        public Spec spec() {
            return loaded.spec();
        }

        public LiveResult result() {
            return new LiveResult(
                    topology().metadata().name(),
                    cluster,
                    spec().namespace(),
                    setup,
                    plan,
                    preflight,
                    missingSecret().stream().toList(),
                    spec().clickhouse().mode() == ClickHouseMode.EXISTING
                            ? List.of(Renderer.existingNote(spec()))
                            : List.of());
        }

        /**
         * The error when the topology's password Secret does not exist, with the commands that create it (a
         * placeholder where the password goes: it is never printed).
         */
        public Optional<String> missingSecret() {
            Topology.SecretRef secret = spec().clickhouse().passwordSecret();
            if (secret == null || live.password().isPresent()) {
                return Optional.empty();
            }
            String namespace = spec().namespace();
            return Optional.of("Secret " + namespace + "/" + secret.name() + " with key " + secret.key() + " does "
                    + "not exist; deploy reads the ClickHouse password from it. Create it"
                    + (setup.stream().anyMatch(step -> step.startsWith("Namespace/"))
                            ? " (and the namespace) first:" + " kubectl create namespace " + namespace + "; "
                            : " first: ")
                    + "kubectl create secret generic " + secret.name() + " -n " + namespace + " --from-literal="
                    + secret.key() + "='<password>'");
        }

        /** The rendered objects, as the state record keeps them. */
        public List<JsonNode> manifestBodies() {
            return rendered.manifests().stream().map(Manifest::body).toList();
        }

        /** The hash of the rendered values the state record keeps. */
        public String valuesHash() {
            return StateRecord.hash(CanonicalYaml.yaml(rendered.values()));
        }

        /** A hash of everything rendered: a saved plan is only applied while the topology still renders to it. */
        public String renderHash() {
            ArrayNode all = JsonNodeFactory.instance.arrayNode().add(rendered.values());
            rendered.manifests().forEach(manifest -> all.add(manifest.body()));
            return StateRecord.hash(all.toString());
        }

        /** The plan to save with --out: every object it covers at the resourceVersion it was computed against. */
        public SavedPlan save() {
            Map<String, String> live = this.live.resourceVersions();
            Map<String, String> versions = new TreeMap<>();
            plan.objects().forEach(step -> versions.put(step.id(), live.getOrDefault(step.id(), SavedPlan.ABSENT)));
            return new SavedPlan(
                    SavedPlan.SCHEMA_VERSION,
                    SavedPlan.KIND,
                    topology().metadata().name(),
                    topologyText,
                    rendered.chartVersion().toString(),
                    spec().namespace(),
                    spec().release(),
                    cluster,
                    renderHash(),
                    versions,
                    this.live.revision(),
                    result().data());
        }
    }

    /** A live plan, the cluster setup before it, its errors and its preflight, ready to print. */
    public record LiveResult(
            String topology,
            String cluster,
            String namespace,
            List<String> setup,
            LivePlan plan,
            CheckReport preflight,
            List<String> errors,
            List<String> notes) {

        public boolean hasErrors() {
            return preflight.errors() > 0 || !errors.isEmpty();
        }

        public String text(Style style) {
            StringBuilder text = new StringBuilder(style.bold("Plan for topology " + topology) + " against " + cluster
                    + ", namespace " + namespace + "\n\n");
            if (!setup.isEmpty()) {
                text.append(style.bold("Cluster setup")).append('\n');
                setup.forEach(step ->
                        text.append("  ").append(style.green("+ " + step)).append('\n'));
                text.append('\n');
            }
            text.append(LivePlanText.render(plan, style)).append('\n');
            if (!notes.isEmpty()) {
                notes.forEach(note -> text.append("note: ").append(note).append('\n'));
                text.append('\n');
            }
            if (!errors.isEmpty()) {
                text.append(style.bold("Plan errors")).append('\n');
                errors.forEach(error ->
                        text.append("  ").append(style.red("error: " + error)).append('\n'));
                text.append('\n');
            }
            return text + ReportText.render(preflight, style.bold("Preflight") + "\n", style);
        }

        public ObjectNode data() {
            ObjectNode root = CanonicalYaml.tree(this).deepCopy();
            root.put("schemaVersion", OfflinePlan.SCHEMA_VERSION);
            root.put("mode", "live");
            root.set("preflight", ReportJson.render(preflight, namespace, topology));
            return root;
        }
    }
}
