package dev.signozha.cluster.helm;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Helm, as narrow as signoz-ha needs it: read a release, install or upgrade it, roll it back.
 * Never waits for workloads ({@code --wait}) and never rolls back by itself ({@code --atomic}):
 * signoz-ha waits with its own checks and decides on compensation itself. Never creates
 * namespaces. Failures are {@link HelmException}s carrying helm's own error line.
 */
public interface HelmGateway {

    /** The helm client's version as {@code helm version --short} prints it, e.g. {@code v3.18.0+gcc58e3f}. */
    String version();

    /** The release's latest revision, or empty when no release of that name exists in the namespace. */
    Optional<HelmRelease> status(String namespace, String release);

    /**
     * The values supplied to the release's latest revision ({@code helm get values -o json}; an empty mapping
     * when none were), or empty when the release does not exist. They may hold the bundled-mode password:
     * compare them, never print them.
     */
    Optional<JsonNode> suppliedValues(String namespace, String release);

    /**
     * The values in effect for the release's latest revision: the supplied ones with the chart's defaults
     * ({@code helm get values --all -o json}), or empty when the release does not exist. As above: compare, never
     * print.
     */
    Optional<JsonNode> computedValues(String namespace, String release);

    /** The values supplied to one revision of the release ({@code helm get values --revision}); as above. */
    Optional<JsonNode> suppliedValues(String namespace, String release, int revision);

    /** Every revision helm keeps for the release, oldest first; empty when the release does not exist. */
    List<HelmRevision> history(String namespace, String release);

    /** {@code helm upgrade --install}: installs the release or upgrades it to the request's chart and values. */
    void upgradeInstall(UpgradeRequest request);

    /** Rolls the release back to {@code revision} (at least 1), waiting for nothing but helm's own hooks. */
    void rollback(String namespace, String release, int revision, Duration timeout);

    /** Renders the chart client-side ({@code helm template}), without contacting a cluster; returns the manifests. */
    String template(String namespace, String release, ChartReference chart, List<Path> valuesFiles);
}
