package dev.signozha.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.yaml.CanonicalYaml;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the tool remembers about an installation between runs, kept in the ConfigMap
 * {@code signoz-ha-state}: the topology file last applied, the hash of the values rendered from it, the
 * chart version, the version of the tool that applied it, the manifests it applied (what a rollback puts back),
 * and the last {@value #MAX_HISTORY} runs.
 * It holds no secrets (see {@link StateRecordCodec}). Fields are null until the first apply.
 *
 * @param topology     the text of the topology file last applied
 * @param valuesHash   {@link #hash(String)} of the values rendered from it
 * @param chartVersion the chart version last applied
 * @param toolVersion  the signoz-ha version that applied it
 * @param manifests    the objects it applied, as rendered; empty until the first apply (and in records written
 *                     before the tool kept them)
 * @param history      the last runs, oldest first, at most {@value #MAX_HISTORY}
 * @param helmRun      the helm run of signoz-ha under way, or left unfinished by a run that died (null: none)
 */
public record StateRecord(
        String topology,
        String valuesHash,
        String chartVersion,
        String toolVersion,
        List<JsonNode> manifests,
        List<HistoryEntry> history,
        HelmRun helmRun) {

    /** The ConfigMap the record lives in, in the release's namespace. */
    public static final String CONFIG_MAP = "signoz-ha-state";

    /** {@code ConfigMap/<namespace>/signoz-ha-state}, as messages and findings name the record. */
    public static String source(String namespace) {
        return "ConfigMap/" + namespace + "/" + CONFIG_MAP;
    }
    /** How many runs the history keeps; older ones are dropped. */
    public static final int MAX_HISTORY = 20;

    public StateRecord {
        manifests = List.copyOf(Objects.requireNonNull(manifests, "manifests"));
        List<HistoryEntry> all = List.copyOf(Objects.requireNonNull(history, "history"));
        history = all.subList(Math.max(0, all.size() - MAX_HISTORY), all.size());
    }

    /** Nothing applied yet. */
    public static StateRecord empty() {
        return new StateRecord(null, null, null, null, List.of(), List.of(), null);
    }

    /** Whether nothing was ever applied (the history may still hold failed runs or force-unlocks). */
    public boolean neverApplied() {
        return topology == null;
    }

    /** This record after a successful apply of the given topology, values, chart and manifests. */
    public StateRecord applied(
            String topologyText,
            String renderedValuesHash,
            String chart,
            String tool,
            List<JsonNode> appliedManifests) {
        return new StateRecord(topologyText, renderedValuesHash, chart, tool, appliedManifests, history, helmRun);
    }

    /** This record with one more run in its history, dropping the oldest beyond {@value #MAX_HISTORY}. */
    public StateRecord withEntry(HistoryEntry entry) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(Objects.requireNonNull(entry, "entry"));
        return new StateRecord(topology, valuesHash, chartVersion, toolVersion, manifests, longer, helmRun);
    }

    /** This record with {@code run} as the helm run under way ({@code null}: none). */
    public StateRecord withHelmRun(HelmRun run) {
        return new StateRecord(topology, valuesHash, chartVersion, toolVersion, manifests, history, run);
    }

    /** The helm run of signoz-ha under way, or left unfinished by a run that died. */
    public Optional<HelmRun> unfinishedHelmRun() {
        return Optional.ofNullable(helmRun);
    }

    /**
     * Whether these values (hashed), chart and objects are what the last deploy or upgrade applied, verified and
     * recorded as succeeded: a run that finds the cluster so has nothing to do. A run killed, failed or rolled back
     * after its writes leaves them unverified and unrecorded, for the next run to finish.
     */
    public boolean settledAt(String renderedValuesHash, String chart, List<JsonNode> renderedManifests) {
        return !neverApplied()
                && renderedValuesHash.equals(valuesHash)
                && chart.equals(chartVersion)
                && CanonicalYaml.json(renderedManifests).equals(CanonicalYaml.json(manifests))
                && lastApply()
                        .map(entry -> entry.outcome().equals(HistoryEntry.SUCCEEDED))
                        .orElse(false);
    }

    /** The most recent deploy or upgrade that ran (a forced unlock is not one). */
    public Optional<HistoryEntry> lastApply() {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            boolean apply = entry.command().equals("deploy") || entry.command().equals("upgrade");
            if (apply && !entry.outcome().equals(HistoryEntry.FORCE_UNLOCKED)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The most recent run, if any. */
    public Optional<HistoryEntry> lastEntry() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /** {@code sha256:<64 hex digits>} of the rendered values text (canonical YAML, so equal values hash equally). */
    public static String hash(String renderedValues) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(renderedValues.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
