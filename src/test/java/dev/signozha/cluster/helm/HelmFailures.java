package dev.signozha.cluster.helm;

/** Helm failures as the real client reports them, for fakes outside this package. */
public final class HelmFailures {

    private HelmFailures() {}

    /** What {@code helm <command>} exiting 1 with {@code stderr} is reported as. */
    public static HelmException failed(String command, String stderr) {
        return HelmException.failed(command, new ProcessResult(1, "", stderr, false));
    }
}
