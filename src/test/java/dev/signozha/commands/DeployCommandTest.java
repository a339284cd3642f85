package dev.signozha.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy's command line: bad input is exit 2 with one clear line, before any cluster is contacted. */
class DeployCommandTest {

    private static final String EXAMPLE = "examples/production-2x2.yaml";

    @Test
    void neitherFileNorPlan_isBadInput() {
        CliRun run = CliRun.of("deploy");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("Missing required argument"), run.err());
    }

    @Test
    void fileAndPlanTogether_isBadInput() {
        CliRun run = CliRun.of("deploy", "-f", EXAMPLE, "--plan", "plan.json");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("mutually exclusive"), run.err());
    }

    @Test
    void unknownPhaseInATimeout_namesThePhases() {
        CliRun run =
                CliRun.of("deploy", "-f", EXAMPLE, "--phase-timeout", "clikhouse=30m", "--kubeconfig", "/nonexistent");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(
                run.err()
                        .contains(
                                "--phase-timeout: clikhouse=30m: unknown phase 'clikhouse'; expected one of "
                                        + "[backup, namespace, clickhouse-operator, zookeeper, clickhouse, signoz, migration, collectors, verification]"),
                run.err());
    }

    @Test
    void unknownDryRunMode_andDisruptionLevel_areBadInput() {
        assertEquals(2, CliRun.of("deploy", "-f", EXAMPLE, "--dry-run=maybe").exitCode());
        CliRun level = CliRun.of("upgrade", "-f", EXAMPLE, "--allow-disruption=everything");
        assertEquals(2, level.exitCode(), level.all());
        assertTrue(level.err().contains("unknown disruption level 'everything'"), level.err());
    }

    @Test
    void aFileThatIsNotASavedPlan_isBadInputNamingIt(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"kind\": \"Topology\"}");
        CliRun run = CliRun.of("deploy", "--plan", plan.toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().startsWith("error: " + plan), run.err());
    }
}
