package dev.signozha.cluster.helm;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs an external program to completion and hands back what it printed. The seam between
 * {@link HelmCli} and the operating system: tests replace it with a recording fake, so no helm
 * binary is needed to check which command lines are built.
 */
public interface ProcessRunner {

    /**
     * Runs {@code argv} with the current environment plus {@code extraEnv}, stdin closed, and waits
     * at most {@code timeout}; a process still running then is stopped and reported as timed out.
     *
     * @throws IOException when the process cannot be started at all (no such binary, not executable)
     */
    ProcessResult run(List<String> argv, Map<String, String> extraEnv, Duration timeout) throws IOException;
}
