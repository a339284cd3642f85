package dev.signozha.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.checks.CheckReport;
import dev.signozha.checks.ReportJson;
import dev.signozha.checks.ReportText;
import dev.signozha.cluster.helm.HelmGateway;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.plan.LivePlan;
import dev.signozha.core.plan.LivePlanText;
import dev.signozha.core.plan.LivePlanner;
import dev.signozha.core.plan.OfflinePlan;
import dev.signozha.core.plan.OfflinePlanner;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.render.Renderer;
import dev.signozha.core.render.TemplateSource;
import dev.signozha.core.text.Style;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.Topology.Spec;
import dev.signozha.core.topology.TopologyLoader;
import dev.signozha.core.yaml.CanonicalYaml;
import java.nio.file.Path;

/** plan: without a cluster, what an install consists of; against one, what would change and whether it is safe. */
public final class PlanAction {

    private final TemplateSource templates;

    public PlanAction(TemplateSource templates) {
        this.templates = templates;
    }

    public OfflinePlan offline(Path topologyFile) {
        LoadedTopology loaded = load(topologyFile);
        return OfflinePlanner.plan(loaded, new Renderer(templates).render(loaded.topology()));
    }

    /**
     * The rendered release compared with the tool's live objects and the release's supplied values, with the
     * doctor's Kubernetes-level checks as preflight.
     */
    public LiveResult live(Path topologyFile, KubeGateway kube, HelmGateway helm) {
        LoadedTopology loaded = load(topologyFile);
        Spec spec = loaded.spec();
        RenderedRelease release = new Renderer(templates).render(loaded.topology());
        LivePlan plan = LivePlanner.plan(release, kube.ownedObjects(spec.namespace()),
                helm.suppliedValues(spec.namespace(), spec.release()).orElse(null));
        DoctorAction.Result preflight = new DoctorAction().run(new DoctorAction.Request(kube::inventory, spec.namespace(),
                topologyFile, ClickHouseAccess.none("plan's preflight reads Kubernetes objects; signoz-ha doctor "
                + "also looks inside ClickHouse")));
        return new LiveResult(loaded.topology().metadata().name(), kube.describe(), spec.namespace(), plan,
                preflight.report());
    }

    private static LoadedTopology load(Path topologyFile) {
        return TopologyLoader.load(topologyFile.toString(), InputFiles.readText(topologyFile));
    }

    /** A live plan and its preflight, ready to print. */
    public record LiveResult(String topology, String cluster, String namespace, LivePlan plan, CheckReport preflight) {

        public boolean hasErrors() {
            return preflight.errors() > 0;
        }

        public String text(Style style) {
            return style.bold("Plan for topology " + topology) + " against " + cluster + ", namespace " + namespace
                    + "\n\n" + LivePlanText.render(plan, style) + "\n" + ReportText.render(preflight,
                    style.bold("Preflight") + "\n", style);
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
