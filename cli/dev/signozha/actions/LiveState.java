package dev.signozha.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.checks.ClusterView;
import dev.signozha.cluster.helm.HelmGateway;
import dev.signozha.cluster.helm.HelmRelease;
import dev.signozha.cluster.helm.HelmRevision;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.plan.LivePlan;
import dev.signozha.core.plan.LivePlanner;
import dev.signozha.core.plan.ValuesInEffect;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.topology.ClickHouseMode;
import dev.signozha.core.topology.Topology.Spec;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What is live for one release, read once: the tool's objects, the Helm release and its supplied values, the
 * objects as the tool last applied them (from the state record, for the three-way diff), and (bundled mode) the
 * ClickHouse password from its Secret, so the rendered placeholder is compared with the real value instead of
 * showing as a change on every run. {@link #versions} reads again only what says whether that is still so.
 * The password is only ever handed to the planner, which hides any change of it, and to the private values file
 * of a deploy.
 */
public final class LiveState {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> owned;
    private final List<JsonNode> others;
    private final Optional<HelmRelease> release;
    private final Optional<HelmRevision> deployed;
    private final Optional<JsonNode> values;
    private final Optional<JsonNode> valuesInEffect;
    private final Optional<String> password;
    private final List<String> installations;
    private final Map<String, JsonNode> lastApplied;

    private LiveState(
            List<JsonNode> owned,
            List<JsonNode> others,
            Optional<HelmRelease> release,
            Optional<HelmRevision> deployed,
            Optional<JsonNode> values,
            Optional<JsonNode> valuesInEffect,
            Optional<String> password,
            List<String> installations,
            Map<String, JsonNode> lastApplied) {
        this.valuesInEffect = valuesInEffect;
        this.deployed = deployed;
        this.owned = owned;
        this.others = others;
        this.lastApplied = lastApplied;
        this.installations = installations;
        this.release = release;
        this.values = values;
        this.password = password;
    }

    /** Reads the release of {@code spec}; {@code inventory} is the namespace as already read for the preflight. */
    public static LiveState read(Spec spec, KubeGateway kube, HelmGateway helm, Inventory inventory) {
        Optional<String> password = Optional.ofNullable(spec.clickhouse().passwordSecret())
                .flatMap(ref -> kube.secretValue(spec.namespace(), ref.name(), ref.key()));
        Optional<HelmRelease> latest = helm.status(spec.namespace(), spec.release());
        Optional<HelmRevision> deployed = latest.flatMap(release -> lastDeployed(helm, release));
        boolean latestDeployed =
                latest.isEmpty() || deployed.map(HelmRevision::revision).equals(latest.map(HelmRelease::revision));
        Optional<JsonNode> values = latestDeployed
                ? helm.suppliedValues(spec.namespace(), spec.release())
                : deployed.flatMap(
                        revision -> helm.suppliedValues(spec.namespace(), spec.release(), revision.revision()));
        // Only the latest revision's are read: a plan against an older one compares the supplied values alone.
        Optional<JsonNode> valuesInEffect = latestDeployed && latest.isPresent()
                ? helm.computedValues(spec.namespace(), spec.release())
                        .map(computed -> ValuesInEffect.of(computed, spec.release()))
                : Optional.empty();
        List<JsonNode> owned = kube.ownedObjects(spec.namespace());
        return new LiveState(
                owned,
                others(inventory, owned),
                latest,
                deployed,
                values,
                valuesInEffect,
                password,
                inventory.clickHouseInstallations().stream()
                        .map(Inventory::id)
                        .sorted()
                        .toList(),
                lastApplied(new ClusterView(inventory, spec.namespace())));
    }

    /**
     * The namespace's objects of the kinds the tool renders that are not the tool's own: a rendered object with one's id
     * would take it over.
     */
    private static List<JsonNode> others(Inventory inventory, List<JsonNode> owned) {
        Set<String> own = owned.stream().map(LivePlanner::id).collect(Collectors.toSet());
        return Stream.of(
                        inventory.configMaps(),
                        inventory.services(),
                        inventory.disruptionBudgets(),
                        inventory.statefulSets(),
                        inventory.clickHouseInstallations())
                .flatMap(List::stream)
                .map(object -> JSON.<JsonNode>valueToTree(object))
                .filter(object -> !own.contains(LivePlanner.id(object)))
                .toList();
    }

    /**
     * The revision a plan compares with: the latest one when it is deployed, else the newest deployed one before it
     * (helm keeps the revision a failed upgrade started from as deployed); empty when none ever was.
     */
    private static Optional<HelmRevision> lastDeployed(HelmGateway helm, HelmRelease latest) {
        if (latest.status().equals(LivePlanner.Release.DEPLOYED)) {
            return Optional.of(new HelmRevision(
                    latest.revision(), latest.status(), latest.chart(), latest.appVersion(), Optional.empty(), ""));
        }
        return helm.history(latest.namespace(), latest.name()).stream()
                .filter(revision -> revision.status().equals(LivePlanner.Release.DEPLOYED))
                .max(Comparator.comparingInt(HelmRevision::revision));
    }

    /** The objects as the tool last applied them, by id, from the state record; none before the first apply. */
    private static Map<String, JsonNode> lastApplied(ClusterView view) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        view.decodedStateRecord()
                .ifPresent(record -> record.manifests()
                        .forEach(body -> byId.put(Manifest.of(body).id(), body)));
        return byId;
    }

    /** Every ClickHouseInstallation in the namespace, the tool's or not, by id. */
    public List<String> installations() {
        return installations;
    }

    public LivePlan plan(RenderedRelease rendered, Spec spec) {
        RenderedRelease supplied = new RenderedRelease(
                rendered.chartVersion(), suppliedValues(rendered, spec), rendered.manifests(), rendered.notes());
        return LivePlanner.plan(
                supplied,
                deletable(spec),
                others,
                values.orElse(null),
                valuesInEffect.orElse(null),
                release.map(live -> new LivePlanner.Release(
                                deployed.map(revision -> HelmRelease.of(live.namespace(), live.name(), revision)
                                                .chartVersion())
                                        .orElse(null),
                                live.status(),
                                live.revision(),
                                deployed.map(HelmRevision::revision).orElse(0)))
                        .orElse(null),
                lastApplied);
    }

    /**
     * The tool's objects a plan may delete when it no longer renders them. Existing mode renders no ClickHouse, yet an
     * installation and ZooKeeper an earlier external-mode deploy labelled may be the very ones the host leads to: they
     * hold the data and the replication metadata, so they are never deleted.
     */
    private List<JsonNode> deletable(Spec spec) {
        if (spec.clickhouse().mode() != ClickHouseMode.EXISTING) {
            return owned;
        }
        String zookeeper = new ResourceNames(spec).zookeeper();
        return owned.stream()
                .filter(object -> !object.path("kind").asText().equals("ClickHouseInstallation"))
                .filter(object -> !object.path("metadata").path("name").asText().startsWith(zookeeper))
                .toList();
    }

    /** The values a deploy hands helm: the rendered ones, with the real password in bundled mode. */
    public JsonNode suppliedValues(RenderedRelease rendered, Spec spec) {
        if (spec.clickhouse().mode() != ClickHouseMode.BUNDLED || password.isEmpty()) {
            return rendered.values();
        }
        ObjectNode copy = rendered.values().deepCopy();
        ((ObjectNode) copy.path("clickhouse")).put("password", password.get());
        return copy;
    }

    /** The Secret's password, when the topology names one and it exists. */
    public Optional<String> password() {
        return password;
    }

    /** helm's status of the release's latest revision (deployed, failed, pending-upgrade...), if installed. */
    public Optional<String> releaseStatus() {
        return release.map(HelmRelease::status);
    }

    /** The chart version of the release's latest revision, if installed. */
    public Optional<ChartVersion> installedChart() {
        return release.map(live -> ChartVersion.parse(live.chartVersion()));
    }

    /** The release's latest revision; 0 before the first install. */
    public int revision() {
        return release.map(HelmRelease::revision).orElse(0);
    }

    /** The resourceVersion of every live object of the tool's, by id. */
    public Map<String, String> resourceVersions() {
        return resourceVersions(owned);
    }

    /**
     * What a plan was computed against: the tool's objects' resourceVersions, and the release's revision and its
     * status (helm keeps the revision number while an upgrade moves it from pending-upgrade to deployed).
     */
    public record Versions(Map<String, String> objects, int revision, String status) {}

    /** The versions live now, read without the rest of a plan's reads. */
    public static Versions versions(Spec spec, KubeGateway kube, HelmGateway helm) {
        return versions(kube.ownedObjects(spec.namespace()), helm.status(spec.namespace(), spec.release()));
    }

    /** Whether nothing the plan was computed from has changed since, as far as {@code now} tells. */
    public boolean sameAs(Versions now) {
        return now.equals(versions(owned, release));
    }

    private static Versions versions(List<JsonNode> objects, Optional<HelmRelease> release) {
        return new Versions(
                resourceVersions(objects),
                release.map(HelmRelease::revision).orElse(0),
                release.map(HelmRelease::status).orElse(""));
    }

    private static Map<String, String> resourceVersions(List<JsonNode> objects) {
        Map<String, String> versions = new LinkedHashMap<>();
        objects.forEach(object -> versions.put(
                LivePlanner.id(object),
                object.path("metadata").path("resourceVersion").asText("")));
        return versions;
    }
}
