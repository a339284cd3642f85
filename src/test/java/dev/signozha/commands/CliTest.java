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
    @ValueSource(
            strings = {
                "",
                "plan",
                "deploy",
                "upgrade",
                "cleanup",
                "adopt",
                "render",
                "doctor",
                "snapshot",
                "runbook",
                "rbac",
                "schema",
                "completion"
            })
    void help_everyCommand_matchesGolden(String command) {
        CliRun run = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");
        assertEquals(0, run.exitCode());
        Golden.assertMatches(run.out(), "cli/help-" + (command.isEmpty() ? "root" : command) + ".txt");
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"plan", "deploy", "upgrade", "cleanup", "adopt", "doctor", "snapshot"})
    void help_neverBreaksThePathOfTheKubeconfig(String command) {
        String help = CliRun.of(command, "--help").out();
        assertTrue(help.contains("~/.kube/config"), help);
    }

    @Test
    void help_root_documentsEveryExitCode() {
        String help = CliRun.of("--help").out();
        for (int code = 0; code <= 7; code++) {
            assertTrue(help.contains("\n  " + String.format("%2d", code) + " "), "exit code " + code + " missing");
        }
    }

    @Test
    void version_printsVersionCommitChartsHelmAndJava() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run.out());
        assertTrue(lines.get(0).matches("signoz-ha \\d+\\.\\d+\\.\\d+"), run.out());
        assertTrue(lines.get(1).matches("commit:  ([0-9a-f]{12}|unknown)"), run.out());
        assertEquals(
                "charts:  SigNoz chart 0.74.0 and later; rendered values checked against 0.112.1 and 0.131.0",
                lines.get(2));
        assertEquals("helm:    Helm 3.13+ or 4", lines.get(3));
        assertEquals(
                "java:    " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor")
                        + ", " + System.getProperty("java.vm.name") + ")",
                lines.get(4));
    }

    @ParameterizedTest(name = "{0} --version")
    @ValueSource(
            strings = {
                "plan",
                "deploy",
                "upgrade",
                "cleanup",
                "adopt",
                "render",
                "doctor",
                "snapshot",
                "runbook",
                "schema",
                "completion"
            })
    void version_onAnyCommand_printsWhatTheRootPrints(String command) {
        CliRun run = CliRun.of(command, "--version");
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(CliRun.of("--version").out(), run.out());
    }

    @Test
    void version_chartsNamed_areTheOnesWhoseKeysTheTestsCheck() throws Exception {
        try (var files = Files.list(Path.of("src/test/resources/chart-keys"))) {
            List<String> checked = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("template-reads-signoz-"))
                    .map(name -> name.replaceAll("^template-reads-signoz-|\\.txt$", ""))
                    .sorted()
                    .toList();
            assertEquals(
                    checked,
                    dev.signozha.core.topology.ChartVersion.KEYS_CHECKED.stream()
                            .map(Object::toString)
                            .toList());
        }
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
        assertEquals(
                java.util.Set.of("plan"),
                Cli.forArguments("plan", "--offline").getSubcommands().keySet());
        assertEquals(12, Cli.forArguments("-v", "plan").getSubcommands().size());
        assertEquals(12, Cli.forArguments("completion", "bash").getSubcommands().size());
        assertEquals(12, Cli.forArguments().getSubcommands().size());
        assertEquals(0, Cli.forArguments("--version").getSubcommands().size());
        assertEquals(
                Cli.create().getSubcommands().keySet().stream().toList(),
                List.of(
                        "plan",
                        "deploy",
                        "upgrade",
                        "cleanup",
                        "adopt",
                        "render",
                        "doctor",
                        "snapshot",
                        "runbook",
                        "rbac",
                        "schema",
                        "completion"));
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
        assertEquals(2, CliRun.of("completion", "powershell").exitCode());
    }

    @Test
    void completion_bash_offersTheSpellingsTheHelpDocumentsRunbookCodesAndFiles() {
        String script = CliRun.of("completion", "bash").out();
        assertTrue(
                script.contains("local LEVEL_option_args=(\"none\" \"config-reload\" \"rolling-restart\" "
                        + "\"scale-out\" \"destructive\") # --allow-disruption values"),
                "lowercase levels");
        assertTrue(script.contains("local MODE_option_args=(\"client\" \"server\") # --dry-run values"));
        assertFalse(script.contains("CONFIG_RELOAD"), "the enum constants the help never shows");
        assertTrue(script.contains("\"DUPLICATE_CLICKHOUSE\" \"CLICKHOUSE_NOT_READY\""), "runbook codes");
        assertTrue(script.contains("COMPREPLY=( $( compgen -f -- \"${curr_word}\" ) ) # files"), "file names");
    }

    @Test
    void completion_fish_matchesGolden() {
        CliRun run = CliRun.of("completion", "fish");
        assertEquals(0, run.exitCode(), run.all());
        Golden.assertMatches(run.out(), "cli/completion.fish");
    }

    @Test
    void completion_fish_offersOnlyVisibleOptionsAndEveryRunbookCode() {
        String script = CliRun.of("completion", "fish").out();
        assertTrue(
                script.contains("complete -c signoz-ha -n '__fish_seen_subcommand_from render' -l output-dir -r -F"));
        assertFalse(script.contains("-l out "), "a deprecated spelling is not offered");
        assertTrue(script.contains(
                "-l allow-disruption -x -a 'none config-reload rolling-restart scale-out destructive'"));
        String codes = script.lines()
                .filter(line ->
                        line.startsWith("complete -c signoz-ha -n " + "'__fish_seen_subcommand_from runbook' -a "))
                .findFirst()
                .orElseThrow();
        assertEquals(
                dev.signozha.checks.CheckCatalog.all().stream()
                        .map(check -> check.code())
                        .toList(),
                List.of(codes.substring(codes.indexOf("-a '") + 4, codes.length() - 1)
                        .split(" ")));
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
        Path renamed = Files.writeString(
                out.resolve("renamed.yaml"),
                Files.readString(Path.of("examples/production-2x2.yaml"))
                        .replace("host: clickhouse-signoz-clickhouse-ha", "host: clickhouse-renamed"));
        CliRun run = CliRun.of("render", "-f", renamed.toString(), "--output-dir", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(out.resolve("manifests/clickhouseinstallation-clickhouse-signoz-clickhouse-ha.yaml")));
        assertTrue(Files.exists(foreign), "a file the tool did not write must survive");
        assertTrue(run.err().contains("removed stale"), run.err());
    }

    @Test
    void render_bundledMode_isRefusedAndWritesNothing_neverAPlaceholderPassword(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("render", "-f", "examples/bundled-2x2.yaml", "--output-dir", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(
                run.err().contains("examples/bundled-2x2.yaml: spec.clickhouse.mode: bundled cannot be rendered"),
                run.err());
        assertTrue(run.err().contains("mode: external"), run.err());
        assertEquals("", run.out());
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void render_outIsAFile_isBadInput(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        CliRun run = CliRun.of("render", "-f", "examples/production-2x2.yaml", "--output-dir", file.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: " + file), run.err());
    }

    @Test
    void templatesOverride_replacesOneFileAndKeepsTheRest(@TempDir Path templates) throws Exception {
        Files.createDirectories(templates.resolve("values"));
        Files.writeString(
                templates.resolve("values/common.yaml"),
                "otelCollector:\n  replicaCount: ${otelCollector.replicas}\n  priorityClassName: observability\n");
        CliRun run = CliRun.of(
                "plan", "--offline", "-f", "examples/dev.yaml", "-o", "yaml", "--templates", templates.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("priorityClassName: observability"));
        assertTrue(run.out().contains("enableReplication: false"), "built-in migrator template still used");
    }

    @Test
    void templatesOverride_unknownVariable_isLocatedBadInput(@TempDir Path templates) throws Exception {
        Files.createDirectories(templates.resolve("values"));
        Files.writeString(
                templates.resolve("values/common.yaml"), "otelCollector:\n  replicaCount: ${otelCollector.replica}\n");
        CliRun run = CliRun.of("plan", "--offline", "-f", "examples/dev.yaml", "--templates", templates.toString());
        assertEquals(2, run.exitCode());
        assertTrue(
                run.err()
                        .contains("common.yaml:2:3 otelCollector.replicaCount: unknown variable "
                                + "${otelCollector.replica}, did you mean 'otelCollector.replicas'?"),
                run.err());
    }
}
