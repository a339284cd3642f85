package dev.signozha.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.text.Messages;
import dev.signozha.core.yaml.CanonicalYaml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/**
 * A live plan saved with {@code plan --output-file}: what it was rendered from (the topology text, the chart version and
 * a hash of everything rendered) and what it was computed against (the resourceVersion of every object it
 * covers, empty for one it creates, and the Helm release's revision, 0 before the first install). {@code deploy
 * --plan} applies it only while that is still so, but for objects whose resourceVersion moved where the plan made
 * again does the very same to them (see {@link #changesSince}). {@code plan} is the plan itself, for people; it holds
 * no secret (hidden changes are already masked) and neither does the topology text (passwords are Secret
 * references).
 */
public record SavedPlan(
        int schemaVersion,
        String kind,
        String topologyName,
        String topology,
        String chartVersion,
        String namespace,
        String release,
        String cluster,
        String renderHash,
        Map<String, String> resourceVersions,
        int helmRevision,
        JsonNode plan) {

    public static final String KIND = "SavedPlan";
    public static final int SCHEMA_VERSION = 1;
    /** How {@link #resourceVersions} marks an object the plan creates: it must still be absent. */
    public static final String ABSENT = "";

    public SavedPlan {
        Objects.requireNonNull(topology, "topology");
        resourceVersions = new TreeMap<>(resourceVersions);
    }

    /** The saved plan in {@code text} (the file {@code source}), or bad input naming the file. */
    public static SavedPlan parse(String source, String text) {
        recognizeOtherDocuments(source, text);
        try {
            SavedPlan plan = JsonMapper.builder().build().readValue(text, SavedPlan.class);
            if (!KIND.equals(plan.kind()) || plan.schemaVersion() != SCHEMA_VERSION) {
                throw InvalidInputException.single(
                        source,
                        "not a saved plan of schema version " + SCHEMA_VERSION
                                + " (make one with signoz-ha plan --output-file)");
            }
            return plan;
        } catch (IOException e) {
            throw InvalidInputException.single(
                    source, "not a saved plan: " + Messages.firstLine(e.getMessage(), "unreadable"));
        }
    }

    /**
     * The documents people hand to {@code deploy --plan} by mistake, named with the command that makes the right
     * one: what {@code plan -o json|yaml} prints is for reading, and a topology file goes to {@code -f}.
     */
    private static void recognizeOtherDocuments(String source, String text) {
        JsonNode document = readable(text);
        if (document == null
                || document.has("kind") && KIND.equals(document.path("kind").asText())) {
            return;
        }
        if (document.has("mode") && document.has("schemaVersion")) {
            throw InvalidInputException.single(
                    source,
                    "is the output of signoz-ha plan -o json|yaml, which is for "
                            + "reading; save a plan deploy can apply with signoz-ha plan -f FILE --output-file PLAN");
        }
        if ("Topology".equals(document.path("kind").asText())) {
            throw InvalidInputException.single(
                    source,
                    "is a topology file; deploy it with signoz-ha deploy -f " + source
                            + ", or save a plan from it with signoz-ha plan -f FILE --output-file PLAN");
        }
    }

    /** The document as a tree, read as JSON or YAML; null when it is neither. */
    private static JsonNode readable(String text) {
        for (ObjectMapper mapper : List.of(JsonMapper.builder().build(), new YAMLMapper())) {
            try {
                JsonNode tree = mapper.readTree(text);
                if (tree != null && tree.isObject()) {
                    return tree;
                }
            } catch (IOException e) {
                // not this syntax; try the next
            }
        }
        return null;
    }

    /**
     * Why the plan no longer describes the cluster, one line per difference: an object changed, appeared or
     * disappeared, the release moved to another revision, or the same topology now renders differently (another
     * signoz-ha version or templates). An object whose resourceVersion moved only counts when {@code now}, the plan
     * made again, does something else to it than this plan: a status update or a server-managed field is not
     * covered by the plan. Empty while the plan still holds.
     */
    public List<String> changesSince(
            Map<String, String> liveVersions, int liveHelmRevision, String liveRenderHash, LivePlan now) {
        List<String> reasons = new ArrayList<>();
        if (!renderHash.equals(liveRenderHash)) {
            reasons.add("the topology now renders differently (another signoz-ha version or --templates)");
        }
        resourceVersions.forEach((id, saved) -> {
            String live = liveVersions.getOrDefault(id, ABSENT);
            if (saved.equals(ABSENT) && !live.equals(ABSENT)) {
                reasons.add(id + " was created since the plan was made");
            } else if (!saved.equals(ABSENT) && live.equals(ABSENT)) {
                reasons.add(id + " was deleted since the plan was made");
            } else if (!saved.equals(live) && !sameStep(id, now)) {
                reasons.add(id + " changed since the plan was made (resourceVersion " + saved + " → " + live + ")");
            }
        });
        liveVersions.keySet().stream()
                .filter(id -> !resourceVersions.containsKey(id))
                .sorted()
                .forEach(id -> reasons.add(id + " appeared since the plan was made"));
        if (helmRevision != liveHelmRevision) {
            reasons.add("Helm release " + release + " is at revision " + liveHelmRevision + ", the plan was made at "
                    + helmRevision);
        }
        return reasons;
    }

    /** Whether {@code now} plans for object {@code id} exactly what this plan does. */
    private boolean sameStep(String id, LivePlan now) {
        Optional<String> saved = StreamSupport.stream(
                        plan.path("plan").path("objects").spliterator(), false)
                .filter(step -> id.equals(step.path("id").asText()))
                .findFirst()
                .map(CanonicalYaml::json);
        Optional<String> planned = now.objects().stream()
                .filter(step -> step.id().equals(id))
                .findFirst()
                .map(step -> CanonicalYaml.json(CanonicalYaml.tree(step)));
        return saved.isPresent() && saved.equals(planned);
    }
}
