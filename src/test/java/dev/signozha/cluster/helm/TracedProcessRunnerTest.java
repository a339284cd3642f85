package dev.signozha.cluster.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracedProcessRunnerTest {

    private final List<String> lines = new ArrayList<>();
    private final RecordingProcessRunner processes = new RecordingProcessRunner();

    @Test
    void eachRun_isTracedWithItsCommandLineExitCodeAndDuration_notItsEnvironment() throws Exception {
        processes.fails(1, "Error: UPGRADE FAILED").timesOut();
        TracedProcessRunner runner = new TracedProcessRunner(processes, lines::add);

        ProcessResult failed = runner.run(
                List.of("helm", "upgrade", "--install", "signoz"),
                Map.of("HELM_REGISTRY_PASSWORD", "never-shown"),
                Duration.ofMinutes(1));
        runner.run(List.of("helm", "history", "signoz"), Map.of(), Duration.ofSeconds(1));

        assertEquals(1, failed.exitCode(), "the result passes through");
        assertTrue(lines.get(0).matches("helm upgrade --install signoz → exit 1 \\(\\d+ ms\\)"), lines.get(0));
        assertTrue(lines.get(1).matches("helm history signoz → timed out \\(\\d+ ms\\)"), lines.get(1));
        assertTrue(lines.stream().noneMatch(line -> line.contains("never-shown")));
    }

    @Test
    void aProgramThatCannotStart_isTraced_andTheErrorReachesTheCaller() {
        TracedProcessRunner runner = new TracedProcessRunner(
                (argv, env, timeout) -> {
                    throw new IOException("Cannot run program \"helm\": error=2, No such file or directory");
                },
                lines::add);

        assertThrows(IOException.class, () -> runner.run(List.of("helm", "version"), Map.of(), Duration.ofSeconds(1)));

        assertEquals(
                List.of("helm version → cannot start: Cannot run program \"helm\": error=2, No such file or directory"),
                lines);
    }
}
