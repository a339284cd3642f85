package dev.signozha.cluster.helm;

/**
 * A release's latest revision. {@code status} is helm's word for it (deployed, failed,
 * pending-upgrade, superseded, uninstalled, ...); {@code chart} is {@code name-version} as helm
 * prints it, e.g. {@code signoz-0.82.0}.
 */
public record HelmRelease(String name, String namespace, int revision, String status, String chart, String appVersion) {

    /** The chart's version: {@code signoz-0.131.0} → {@code 0.131.0}. */
    public String chartVersion() {
        return chart.substring(chart.lastIndexOf('-') + 1);
    }

    /** The release as its newest entry in {@code helm history} describes it. */
    public static HelmRelease of(String namespace, String name, HelmRevision latest) {
        return new HelmRelease(
                name, namespace, latest.revision(), latest.status(), latest.chart(), latest.appVersion());
    }
}
