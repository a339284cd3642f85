package dev.signozha.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An executable {@code helm} in a test's directory for the real command line's {@code --helm-binary}: it sets up the
 * environment of the helm stand-in ({@code src/test/resources/helm-standin/helm}, see {@link HelmStandIn}) and runs
 * it, so the stand-in answers from {@code revisions} (shared with the test's {@link FakeChart}) and logs every call
 * to {@link #log}.
 */
public record HelmStandInScript(Path binary, Path log) {

    /** The stand-in; with {@code hangInUpgrade} an upgrade of the SigNoz release waits for a signal. */
    public static HelmStandInScript write(Path dir, Path revisions, boolean hangInUpgrade) throws IOException {
        Path log = dir.resolve("helm.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path script = Files.writeString(
                dir.resolve("helm"),
                "#!/usr/bin/env bash\n"
                        + "export HELM_STANDIN_JAVA='" + java + "'\n"
                        + "export HELM_STANDIN_CLASSPATH='" + System.getProperty("java.class.path") + "'\n"
                        + "export HELM_STANDIN_REVISIONS='" + revisions + "'\n"
                        + "export HELM_STANDIN_LOG='" + log + "'\n"
                        + "export HELM_STANDIN_UPGRADE='" + (hangInUpgrade ? "hang" : "") + "'\n"
                        + "exec bash '" + Project.path("src/test/resources/helm-standin/helm") + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new HelmStandInScript(script, log);
    }

    /** Every call so far, one per line. */
    public String calls() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
