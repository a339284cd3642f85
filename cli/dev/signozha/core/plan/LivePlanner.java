package dev.signozha.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.signozha.core.plan.DisruptionRules.Verdict;
import dev.signozha.core.plan.LivePlan.Action;
import dev.signozha.core.plan.LivePlan.ObjectStep;
import dev.signozha.core.plan.LivePlan.ValuesStep;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.versions.ChartKnowledge;
import dev.signozha.core.versions.UpgradePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Plans a rendered release against what is live. Pure: the caller reads the cluster and Helm. */
public final class LivePlanner {

    /** How a chart version change is named among the values' changes. */
    public static final String CHART_VERSION = "(chart version)";
    /** How a release left failed by its last helm run is named among the values' changes. */
    public static final String RELEASE_STATUS = "(release status)";

    private static final String NO_CHANGES = "no changes";
    private static final String NOTHING_DISTURBED = "nothing running is disturbed";

    private LivePlanner() {}

    /**
     * The Helm release as a plan sees it: helm's status of its latest revision, and the chart version of the revision
     * the plan compares with, the last deployed one ({@code deployedRevision}; 0 when none ever was), which is the
     * latest one ({@code latestRevision}) unless that one failed or is pending.
     */
    public record Release(String chartVersion, String status, int latestRevision, int deployedRevision) {

        /** The status helm gives a revision that installed or upgraded cleanly. */
        public static final String DEPLOYED = "deployed";

        /** A release whose latest revision is the one compared with. */
        public Release(String chartVersion, String status) {
            this(chartVersion, status, 0, 0);
        }

        private String comparedWith() {
            if (latestRevision == 0 || latestRevision == deployedRevision) {
                return "";
            }
            return deployedRevision == 0
                    ? " (revision " + latestRevision + "; no revision was ever deployed, so " + "every value is new)"
                    : " (revision " + latestRevision + "; values and chart version are " + "compared with revision "
                            + deployedRevision + ", the last deployed)";
        }
    }

    /**
     * The plan for applying {@code desired}. {@code liveObjects} are the tool's objects as the API returns
     * them; only those labelled {@code app.kubernetes.io/managed-by: signoz-ha} and no longer rendered are
     * deleted. {@code otherObjects} are the namespace's objects the tool did not make (Helm's, a person's): one
     * with a rendered object's id is no creation but a take-over, diffed like an update. {@code liveValues} are the release's supplied values, {@code null} when it is not installed;
     * {@code valuesInEffect} the same with the chart's defaults ({@code null} when unknown), so a value the tool sets
     * to what already runs is no change.
     * For the live {@code release} ({@code null} when not installed or unknown), another chart version
     * is a values change (helm rolls the chart's pods to it), and so is a release whose last helm run did not end
     * deployed (helm runs it again). {@code lastApplied} holds the objects as the tool last applied them, by id:
     * a field they set that is no longer rendered is a change too (see {@link ObjectDiff#removals}).
     */
    public static LivePlan plan(
            RenderedRelease desired,
            List<JsonNode> liveObjects,
            List<JsonNode> otherObjects,
            JsonNode liveValues,
            JsonNode valuesInEffect,
            Release release,
            Map<String, JsonNode> lastApplied) {
        Map<String, JsonNode> live = new LinkedHashMap<>();
        liveObjects.forEach(object -> live.putIfAbsent(id(object), object));
        Map<String, JsonNode> others = new LinkedHashMap<>();
        otherObjects.forEach(object -> others.putIfAbsent(id(object), object));
        List<ObjectStep> steps = new ArrayList<>();
        for (Manifest manifest : desired.manifests()) {
            JsonNode current = live.remove(manifest.id());
            JsonNode other = others.get(manifest.id());
            if (current != null) {
                steps.add(update(manifest, current, lastApplied.get(manifest.id())));
            } else if (other != null) {
                steps.add(takeOver(manifest, other));
            } else {
                steps.add(new ObjectStep(Action.CREATE, manifest.id(), List.of(), Disruption.NONE, "new object"));
            }
        }
        steps.addAll(deletions(desired.manifests(), liveObjects));
        ValuesStep values = values(desired, liveValues, valuesInEffect, release);
        return overall(steps, values);
    }

    private static ObjectStep update(Manifest manifest, JsonNode current, JsonNode lastApplied) {
        List<Change> diff = new ArrayList<>(ObjectDiff.diff(manifest.body(), current));
        if (lastApplied != null) {
            diff.addAll(ObjectDiff.removals(lastApplied, manifest.body(), current));
        }
        List<ClassifiedChange> changes = DisruptionRules.classify(manifest.kind(), diff);
        Verdict verdict = worst(changes);
        return new ObjectStep(
                changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE,
                manifest.id(),
                changes,
                verdict.disruption(),
                verdict.reason());
    }

    /**
     * An object someone else made that the tool would apply over: every field it sets is a change, and the reason says
     * whose the object is, since a deploy would take it from them.
     */
    private static ObjectStep takeOver(Manifest manifest, JsonNode other) {
        List<ClassifiedChange> changes =
                DisruptionRules.classify(manifest.kind(), ObjectDiff.diff(manifest.body(), other));
        Verdict verdict = worst(changes);
        String maker = other.path("metadata")
                .path("labels")
                .path(ResourceNames.MANAGED_BY_LABEL)
                .asText("a person or another tool");
        return new ObjectStep(
                Action.UPDATE,
                manifest.id(),
                changes,
                verdict.disruption(),
                "exists, made by " + maker + ", not by signoz-ha: a deploy takes it over; " + verdict.reason());
    }

    /**
     * The DELETE steps for {@code liveObjects} the tool labelled that {@code desired} does not hold, by id, each with
     * the disruption of deleting its kind.
     */
    public static List<ObjectStep> deletions(List<Manifest> desired, List<JsonNode> liveObjects) {
        Set<String> kept = desired.stream().map(Manifest::id).collect(Collectors.toSet());
        return liveObjects.stream()
                .filter(LivePlanner::ownedByTool)
                .filter(object -> !kept.contains(id(object)))
                .sorted(Comparator.comparing(LivePlanner::id))
                .map(LivePlanner::deletion)
                .toList();
    }

    private static ObjectStep deletion(JsonNode object) {
        Verdict verdict = DisruptionRules.deletion(object.path("kind").asText());
        return new ObjectStep(Action.DELETE, id(object), List.of(), verdict.disruption(), verdict.reason());
    }

    private static List<ClassifiedChange> releaseChanges(RenderedRelease desired, Release release) {
        List<ClassifiedChange> changes = new ArrayList<>();
        if (release == null) {
            return changes;
        }
        String wanted = desired.chartVersion().toString();
        if (release.chartVersion() != null && !release.chartVersion().equals(wanted)) {
            changes.add(new ClassifiedChange(
                    new Change(CHART_VERSION, TextNode.valueOf(release.chartVersion()), TextNode.valueOf(wanted)),
                    Disruption.ROLLING_RESTART,
                    chartChangeReason(release, desired)));
        }
        if (release.status() != null && !release.status().equals(Release.DEPLOYED)) {
            changes.add(new ClassifiedChange(
                    new Change(RELEASE_STATUS, TextNode.valueOf(release.status()), TextNode.valueOf(Release.DEPLOYED)),
                    Disruption.ROLLING_RESTART,
                    release.status().startsWith("pending-")
                            ? "a helm run on the release has not finished" + release.comparedWith()
                                    + "; deploy refuses to " + "run over it while it is pending"
                            : "the release's last helm run ended " + release.status() + release.comparedWith()
                                    + "; helm runs the upgrade again"));
        }
        return changes;
    }

    private static List<ClassifiedChange> renamesExplained(
            List<ClassifiedChange> changes, RenderedRelease desired, Release release) {
        if (release == null || release.chartVersion() == null) {
            return changes;
        }
        return RenamedValues.explain(
                changes, ChartVersion.parse(release.chartVersion()), desired.chartVersion(), ChartKnowledge.bundled());
    }

    private static String chartChangeReason(Release release, RenderedRelease desired) {
        UpgradePath path = UpgradePath.between(
                ChartVersion.parse(release.chartVersion()), desired.chartVersion(), ChartKnowledge.bundled());
        return path.hasIntermediateStops()
                ? "a new chart version rolls the chart's pods; it crosses mandatory stops, which upgrade installs and "
                        + "verifies in turn: " + path.describe()
                : "a new chart version rolls the chart's pods";
    }

    private static ValuesStep values(RenderedRelease desired, JsonNode live, JsonNode inEffect, Release release) {
        if (live == null || live.isNull() || live.isMissingNode()) {
            return new ValuesStep(Action.CREATE, List.of(), Disruption.NONE, "first install of the SigNoz chart");
        }
        List<ClassifiedChange> changes = new ArrayList<>(releaseChanges(desired, release));
        changes.addAll(renamesExplained(
                DisruptionRules.classify(
                        DisruptionRules.HELM_VALUES, ValuesDiff.diff(desired.values(), live, inEffect)),
                desired,
                release));
        Verdict verdict = worst(changes);
        return new ValuesStep(
                changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE, changes, verdict.disruption(), verdict.reason());
    }

    /**
     * The most disruptive step, objects before values, the first of equals; when that is NONE, a summary
     * instead of one harmless step's reason.
     */
    private static LivePlan overall(List<ObjectStep> steps, ValuesStep values) {
        Verdict worst = null;
        for (ObjectStep step : steps) {
            if (step.action() != Action.UNCHANGED
                    && (worst == null || step.disruption().exceeds(worst.disruption()))) {
                worst = new Verdict(step.disruption(), step.id() + ": " + step.reason());
            }
        }
        if (values.action() != Action.UNCHANGED
                && (worst == null || values.disruption().exceeds(worst.disruption()))) {
            worst = new Verdict(values.disruption(), "Helm values: " + values.reason());
        }
        Verdict verdict = worst == null
                ? new Verdict(Disruption.NONE, NO_CHANGES)
                : worst.disruption() == Disruption.NONE ? new Verdict(Disruption.NONE, NOTHING_DISTURBED) : worst;
        return new LivePlan(steps, values, verdict.disruption(), verdict.reason());
    }

    /** The most disruptive change and its reason (the first of equals). */
    private static Verdict worst(List<ClassifiedChange> changes) {
        ClassifiedChange worst = null;
        for (ClassifiedChange change : changes) {
            if (worst == null || change.disruption().exceeds(worst.disruption())) {
                worst = change;
            }
        }
        return worst == null
                ? new Verdict(Disruption.NONE, NO_CHANGES)
                : new Verdict(worst.disruption(), worst.reason());
    }

    private static boolean ownedByTool(JsonNode object) {
        return ResourceNames.MANAGED_BY_VALUE.equals(object.path("metadata")
                .path("labels")
                .path(ResourceNames.MANAGED_BY_LABEL)
                .asText(null));
    }

    /** {@code Kind/namespace/name} of an object as the API returns it. */
    public static String id(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return object.path("kind").asText() + "/" + metadata.path("namespace").asText() + "/"
                + metadata.path("name").asText();
    }
}
