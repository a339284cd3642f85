package dev.signozha.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.CliRun;
import dev.signozha.support.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"", "plan", "deploy", "upgrade", "cleanup", "render", "doctor", "snapshot", "runbook", "schema", "completion"})
    void help_everyCommand_matchesGolden(String command) {
        CliRun run = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");
        assertEquals(0, run.exitCode());
        Golden.assertMatches(run.out(), "cli/help-" + (command.isEmpty() ? "root" : command) + ".txt");
    }

    @Test
    void help_root_documentsEveryExitCode() {
        String help = CliRun.of("--help").out();
        for (int code = 0; code <= 7; code++) {
            assertTrue(help.contains("\n  " + String.format("%2d", code) + " "), "exit code " + code + " missing");
        }
    }

    @Test
    void version_printsTheProjectVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("signoz-ha \\d+\\.\\d+\\.\\d+.*\\n"), run.out());
    }

    @Test
    void noSubcommand_printsUsageToStderrAndExitsTwo() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("Usage: signoz-ha"));
    }

    @Test
    void unknownOption_isBadInputWithASuggestion() {
        CliRun run = CliRun.of("plan", "--offline", "-f", "examples/dev.yaml", "--ofline");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown option: '--ofline'"), run.err());
        assertTrue(run.err().contains("--offline"), run.err());
    }

    @Test
    void mistypedCommand_isBadInputSuggestingTheCommand() {
        CliRun run = CliRun.of("plna", "-f", "examples/dev.yaml");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("Did you mean: signoz-ha plan"), run.err());
    }

    @Test
    void aRunBuildsOnlyItsCommand_whileHelpOptionsFirstAndCompletionBuildEveryOne() {
        assertEquals(java.util.Set.of("plan"), Cli.forArguments("plan", "--offline").getSubcommands().keySet());
        assertEquals(10, Cli.forArguments("-v", "plan").getSubcommands().size());
        assertEquals(10, Cli.forArguments("completion", "bash").getSubcommands().size());
        assertEquals(10, Cli.forArguments().getSubcommands().size());
        assertEquals(0, Cli.forArguments("--version").getSubcommands().size());
        assertEquals(Cli.create().getSubcommands().keySet().stream().toList(), List.of("plan", "deploy", "upgrade",
                "cleanup", "render", "doctor", "snapshot", "runbook", "schema", "completion"));
    }

    @Test
    void unknownOutputFormat_isBadInput() {
        CliRun run = CliRun.of("plan", "--offline", "-f", "examples/dev.yaml", "-o", "xml");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("text, json, yaml"), run.err());
    }

    @ParameterizedTest(name = "completion {0}")
    @ValueSource(strings = {"bash", "zsh"})
    void completion_supportedShell_printsAScriptCompletingSubcommands(String shell) {
        CliRun run = CliRun.of("completion", shell);
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("complete -F"), "bash completion function missing");
        assertTrue(run.out().contains("plan") && run.out().contains("render"));
    }

    @Test
    void completion_unknownShell_isBadInput() {
        assertEquals(2, CliRun.of("completion", "fish").exitCode());
    }

    @Test
    void schema_printsTheJsonSchema() {
        CliRun run = CliRun.of("schema");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("\"$schema\" : \"https://json-schema.org/draft/2020-12/schema\""));
    }

    @Test
    void render_writesValuesManifestsAndKustomization(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("render", "-f", "examples/production-2x2.yaml", "--output-dir", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(out.resolve("values.yaml")).contains("externalClickhouse:"));
        assertTrue(Files.exists(out.resolve("manifests/statefulset-signoz-ha-zookeeper.yaml")));
        assertTrue(Files.readString(out.resolve("manifests/kustomization.yaml"))
                .contains("clickhouseinstallation-clickhouse-signoz-clickhouse-ha.yaml"));
        assertEquals(8, run.out().lines().count(), "values.yaml, 6 manifests and the kustomization");
    }

    @Test
    void render_again_removesOnlyStaleFilesItWroteItself(@TempDir Path out) throws Exception {
        CliRun.of("render", "-f", "examples/production-2x2.yaml", "--output-dir", out.toString());
        Path foreign = Files.writeString(out.resolve("manifests/team-owned.yaml"), "kind: ConfigMap\n");
        CliRun run = CliRun.of("render", "-f", "examples/dev.yaml", "--output-dir", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(out.resolve("manifests/statefulset-signoz-ha-zookeeper.yaml")));
        assertTrue(Files.exists(foreign), "a file the tool did not write must survive");
        assertTrue(run.err().contains("removed stale"), run.err());
    }

    @Test
    void render_outIsAFile_isBadInput(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        CliRun run = CliRun.of("render", "-f", "examples/dev.yaml", "--output-dir", file.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: " + file), run.err());
    }

    @Test
    void templatesOverride_replacesOneFileAndKeepsTheRest(@TempDir Path templates) throws Exception {
        Files.createDirectories(templates.resolve("values"));
        Files.writeString(templates.resolve("values/common.yaml"),
                "otelCollector:\n  replicaCount: ${otelCollector.replicas}\n  priorityClassName: observability\n");
        CliRun run = CliRun.of("plan", "--offline", "-f", "examples/dev.yaml", "-o", "yaml", "--templates", templates.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("priorityClassName: observability"));
        assertTrue(run.out().contains("enableReplication: false"), "built-in migrator template still used");
    }

    @Test
    void templatesOverride_unknownVariable_isLocatedBadInput(@TempDir Path templates) throws Exception {
        Files.createDirectories(templates.resolve("values"));
        Files.writeString(templates.resolve("values/common.yaml"), "otelCollector:\n  replicaCount: ${otelCollector.replica}\n");
        CliRun run = CliRun.of("plan", "--offline", "-f", "examples/dev.yaml", "--templates", templates.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("common.yaml:2:3 otelCollector.replicaCount: unknown variable "
                + "${otelCollector.replica}, did you mean 'otelCollector.replicas'?"), run.err());
    }
}
