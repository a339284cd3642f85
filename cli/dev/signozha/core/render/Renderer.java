package dev.signozha.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.InputProblem;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.topology.ClickHouseMode;
import dev.signozha.core.topology.Coordination;
import dev.signozha.core.topology.Topology;
import dev.signozha.core.topology.Topology.Spec;
import dev.signozha.core.versions.ChartKnowledge;
import dev.signozha.core.versions.RemovedKeys;
import dev.signozha.core.yaml.SourcedTree;
import dev.signozha.core.yaml.TreeMerge;
import dev.signozha.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Renders a topology into chart values and manifests from templates. Pure given its template source. */
public final class Renderer {

    private static final String INSTALLATION_MANIFEST = "manifests/external/clickhouse-installation.yaml";

    private final TemplateSource templates;

    public Renderer(TemplateSource templates) {
        this.templates = templates;
    }

    /** The release a topology describes. */
    public RenderedRelease render(Topology topology) {
        Spec spec = topology.spec();
        ChartVersion chart = ChartVersion.parse(spec.chart().version());
        Variables variables = RenderVariables.of(topology);
        JsonNode values = JsonNodeFactory.instance.objectNode();
        for (String path : valueTemplates(spec, chart)) {
            boolean override = templates.isOverride(path);
            for (SourcedTree document : documents(path)) {
                if (override) {
                    requireReadByChart(document, chart);
                }
                values = TreeMerge.overlay(values, TreeTemplate.fill(document, variables));
            }
        }
        List<Manifest> manifests = new ArrayList<>();
        if (spec.clickhouse().mode().ownedByTool()) {
            String coordination = spec.zookeeper().isKeeper()
                    ? "manifests/external/keeper.yaml"
                    : "manifests/external/zookeeper.yaml";
            for (String path : List.of(coordination, INSTALLATION_MANIFEST)) {
                for (SourcedTree document : documents(path)) {
                    manifests.add(manifest(document, TreeTemplate.fill(document, variables), topology));
                }
            }
        }
        manifests.sort(Comparator.comparingInt(Manifest::applyRank).thenComparing(Manifest::name));
        return new RenderedRelease(chart, values, List.copyOf(manifests), notes(spec));
    }

    /**
     * A user's values template may not set a key the chart stopped reading. The shipped ones are held to the
     * chart's reads by ChartKeysTest, so an offline plan does not load the version knowledge for them.
     */
    private static void requireReadByChart(SourcedTree document, ChartVersion chart) {
        List<InputProblem> removed = RemovedKeys.in(document, chart, ChartKnowledge.bundled());
        if (!removed.isEmpty()) {
            throw new InvalidInputException(removed);
        }
    }

    private static List<String> valueTemplates(Spec spec, ChartVersion chart) {
        return List.of(
                "values/common.yaml",
                spec.clickhouse().mode().outsideChart() ? "values/external.yaml" : "values/bundled.yaml",
                chart.usesTelemetryStoreMigrator()
                        ? "values/migrator-telemetrystore.yaml"
                        : "values/migrator-schema.yaml");
    }

    private List<SourcedTree> documents(String path) {
        String text =
                templates.read(path).orElseThrow(() -> new IllegalStateException("template " + path + " is missing"));
        List<SourcedTree> documents = YamlReader.readAll(templates.describe(path), text);
        documents.forEach(SourcedTree::requireClean);
        return documents;
    }

    private static Manifest manifest(SourcedTree template, JsonNode body, Topology topology) {
        Manifest manifest = Manifest.of(body);
        if (manifest.apiVersion().isEmpty()
                || manifest.kind().isEmpty()
                || manifest.name().isEmpty()) {
            throw new InvalidInputException(
                    List.of(template.problem("", "a manifest needs apiVersion, kind and metadata.name")));
        }
        if (manifest.kind().equals("Secret")) {
            // Rendered objects are kept in plans and in the state record, a ConfigMap: never a Secret's data.
            throw new InvalidInputException(List.of(template.problem(
                    "kind",
                    "signoz-ha renders no Secret; create it "
                            + "yourself and name it in the topology (passwordSecret)")));
        }
        ObjectNode labels = ((ObjectNode) body.path("metadata")).withObjectProperty("labels");
        labels.put(ResourceNames.MANAGED_BY_LABEL, ResourceNames.MANAGED_BY_VALUE);
        labels.put(ResourceNames.TOPOLOGY_LABEL, topology.metadata().name());
        return manifest;
    }

    private static List<String> notes(Spec spec) {
        List<String> notes = new ArrayList<>();
        ResourceNames names = new ResourceNames(spec);
        if (spec.zookeeper().isKeeper() && spec.clickhouse().mode() != ClickHouseMode.EXISTING) {
            notes.add("ClickHouseKeeperInstallation/" + spec.namespace() + "/" + names.keeper() + " needs clickhouse-"
                    + "operator " + Coordination.KEEPER_OPERATOR + " or later (0.23's experimental Keeper is not "
                    + "compatible); ClickHouse reaches it through Service " + names.keeperService() + ":"
                    + RenderVariables.ZOOKEEPER_CLIENT_PORT);
        }
        if (spec.clickhouse().mode() == ClickHouseMode.EXISTING) {
            notes.add(existingNote(spec));
        } else if (spec.clickhouse().mode().ownedByTool()) {
            notes.add("clickhouse-operator creates PodDisruptionBudget/" + spec.namespace() + "/"
                    + names.operatorDisruptionBudget()
                    + " (maxUnavailable 1); signoz-ha adds none over ClickHouse pods");
        } else {
            notes.add("bundled mode: clickhouse.password in rendered values is a placeholder; deploy passes the value "
                    + "of Secret " + spec.clickhouse().passwordSecret().name()
                    + " to Helm in a private temporary file");
        }
        return List.copyOf(notes);
    }

    /** The one line that says the installation behind the host is not the tool's. */
    public static String existingNote(Spec spec) {
        return "existing mode: the ClickHouse installation behind host "
                + spec.clickhouse().host() + " is not managed by signoz-ha: nothing renders, changes or deletes it";
    }
}
