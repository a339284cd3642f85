package dev.signozha.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.plan.OfflinePlan.HelmRelease;
import dev.signozha.core.plan.OfflinePlan.PlacementReport;
import dev.signozha.core.plan.OfflinePlan.PlannedObject;
import dev.signozha.core.plan.OfflinePlan.ResourceRow;
import dev.signozha.core.plan.OfflinePlan.Setting;
import dev.signozha.core.plan.Workloads.Component;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.schedule.Placement;
import dev.signozha.core.schedule.SimNode;
import dev.signozha.core.topology.KubeQuantity;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.Topology.Spec;
import dev.signozha.core.yaml.CanonicalYaml;
import dev.signozha.core.yaml.TreePath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Builds the offline plan of a loaded and rendered topology. Pure. */
public final class OfflinePlanner {

    private OfflinePlanner() {}

    public static OfflinePlan plan(LoadedTopology loaded, RenderedRelease release) {
        Spec spec = loaded.spec();
        List<Component> components = Workloads.of(spec);
        return new OfflinePlan(
                OfflinePlan.SCHEMA_VERSION,
                "offline",
                loaded.source(),
                new OfflinePlan.Resolved(
                        loaded.topology().metadata().name(), spec.profile().id(), settings(loaded)),
                objects(spec, release),
                helm(spec, release),
                resources(components),
                placement(spec, components),
                release.notes(),
                loaded.warnings());
    }

    private static List<Setting> settings(LoadedTopology loaded) {
        List<Setting> settings = new ArrayList<>();
        flatten(CanonicalYaml.tree(loaded.spec()), "spec", loaded, settings);
        return settings;
    }

    private static void flatten(JsonNode node, String path, LoadedTopology loaded, List<Setting> settings) {
        if (node.isObject()) {
            node.properties()
                    .forEach(field -> flatten(field.getValue(), TreePath.key(path, field.getKey()), loaded, settings));
        } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), TreePath.index(path, i), loaded, settings);
            }
        } else if (!node.isNull()) {
            String origin = loaded.origin(path).name().toLowerCase(Locale.ROOT);
            settings.add(new Setting(path.substring("spec.".length()), node, origin));
        }
    }

    private static List<PlannedObject> objects(Spec spec, RenderedRelease release) {
        List<PlannedObject> objects = new ArrayList<>();
        for (Manifest manifest : release.manifests()) {
            objects.add(new PlannedObject("create", manifest.id(), "signoz-ha"));
        }
        objects.add(new PlannedObject("install", "HelmRelease/" + spec.namespace() + "/" + spec.release(), "helm"));
        if (spec.clickhouse().mode().ownedByTool()) {
            ResourceNames names = new ResourceNames(spec);
            String prefix = "/" + spec.namespace() + "/";
            objects.add(new PlannedObject(
                    "create", "Service" + prefix + spec.clickhouse().host(), "clickhouse-operator"));
            objects.add(new PlannedObject(
                    "create",
                    "PodDisruptionBudget" + prefix + names.operatorDisruptionBudget(),
                    "clickhouse-operator"));
            for (int shard = 0; shard < spec.clickhouse().shards(); shard++) {
                for (int replica = 0; replica < spec.clickhouse().replicas(); replica++) {
                    objects.add(new PlannedObject(
                            "create",
                            "StatefulSet" + prefix + names.clickhouseHost(shard, replica),
                            "clickhouse-operator"));
                }
            }
        }
        return objects;
    }

    private static HelmRelease helm(Spec spec, RenderedRelease release) {
        return new HelmRelease(
                spec.namespace(),
                spec.release(),
                spec.chart().name(),
                spec.chart().repository(),
                spec.chart().version(),
                release.chartVersion().usesTelemetryStoreMigrator() ? "telemetryStoreMigrator" : "schemaMigrator",
                release.values());
    }

    private static List<ResourceRow> resources(List<Component> components) {
        List<ResourceRow> rows = new ArrayList<>();
        Totals total = new Totals();
        for (Component component : components) {
            Totals totals = Totals.of(component);
            total.add(totals);
            rows.add(totals.row(component.name(), component.sizedBy()));
        }
        rows.add(total.row("total", ""));
        return rows;
    }

    private static PlacementReport placement(Spec spec, List<Component> components) {
        return PlannedPlacement.of(spec, components)
                .map(planned -> report(planned.nodes(), planned.placement()))
                .orElse(null);
    }

    private static PlacementReport report(List<SimNode> nodes, Placement placement) {
        return new PlacementReport(
                nodes.size(),
                placement.assignments().stream()
                        .map(a -> new OfflinePlan.PodPlacement(
                                a.pod().name(),
                                a.pod().component(),
                                a.node().name(),
                                a.node().label("topology.kubernetes.io/zone")))
                        .toList(),
                placement.unplaced().stream()
                        .map(u -> new OfflinePlan.UnplacedPod(
                                u.pod().name(), u.pod().component(), u.reason()))
                        .toList());
    }

    /** Sums of one component or of everything. */
    private static final class Totals {
        private int pods;
        private BigDecimal cpu = BigDecimal.ZERO;
        private BigDecimal memory = BigDecimal.ZERO;
        private BigDecimal limits = BigDecimal.ZERO;
        private BigDecimal storage = BigDecimal.ZERO;

        static Totals of(Component component) {
            Totals totals = new Totals();
            int count = component.pods().size();
            BigDecimal n = BigDecimal.valueOf(count);
            totals.pods = count;
            totals.cpu = amount(Workloads.effectiveRequest(component.resources(), true))
                    .multiply(n);
            totals.memory = amount(Workloads.effectiveRequest(component.resources(), false))
                    .multiply(n);
            totals.limits = amount(Workloads.pick(component.resources().limits(), false))
                    .multiply(n);
            totals.storage = amount(component.volumePerPod()).multiply(n);
            return totals;
        }

        void add(Totals other) {
            pods += other.pods;
            cpu = cpu.add(other.cpu);
            memory = memory.add(other.memory);
            limits = limits.add(other.limits);
            storage = storage.add(other.storage);
        }

        ResourceRow row(String name, String sizedBy) {
            return new ResourceRow(
                    name,
                    pods,
                    format(cpu, Amounts::cores),
                    format(memory, Amounts::bytes),
                    format(limits, Amounts::bytes),
                    format(storage, Amounts::bytes),
                    sizedBy);
        }

        private static String format(BigDecimal value, Function<BigDecimal, String> formatter) {
            return value.signum() == 0 ? null : formatter.apply(value);
        }

        private static BigDecimal amount(KubeQuantity quantity) {
            return quantity == null ? BigDecimal.ZERO : quantity.amount();
        }
    }
}
