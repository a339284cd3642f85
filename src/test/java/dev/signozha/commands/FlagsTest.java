package dev.signozha.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.CliRun;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One meaning per flag, the old spellings for one release, and standard input as a topology file. */
class FlagsTest {

    private static final String DEPRECATED = "is deprecated and will be removed in the next release";

    @Test
    void render_outputDir_writesFilesReadableByAll(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("render", "-f", "examples/production-2x2.yaml", "--output-dir", out.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertEquals("", run.err());
        assertEquals(
                "rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("values.yaml"))));
        assertEquals(
                "rw-r--r--",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(out.resolve("manifests/kustomization.yaml"))));
    }

    @Test
    void render_oldOutSpelling_stillWritesAndWarnsOnStderr(@TempDir Path out) {
        CliRun run = CliRun.of("render", "-f", "examples/production-2x2.yaml", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.err().startsWith("warning: --out " + DEPRECATED + "; use --output-dir"), run.err());
        assertTrue(Files.exists(out.resolve("values.yaml")));
        assertFalse(run.out().contains("warning"), "stdout carries only the paths written");
    }

    @Test
    void render_bothSpellings_isBadInput(@TempDir Path out) {
        CliRun run = CliRun.of(
                "render",
                "-f",
                "examples/production-2x2.yaml",
                "--out",
                out.toString(),
                "--output-dir",
                out.toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(
                run.err().contains("error: --out and --output-dir are the same option; give --output-dir only"),
                run.err());
    }

    @Test
    void render_noDirectory_namesTheNewOption() {
        CliRun run = CliRun.of("render", "-f", "examples/production-2x2.yaml");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("Missing required option: '--output-dir=DIR'"), run.err());
    }

    @Test
    void plan_oldOutSpelling_warnsThenSaysASavedPlanNeedsACluster(@TempDir Path dir) {
        CliRun run = CliRun.of(
                "plan",
                "--offline",
                "-f",
                "examples/dev.yaml",
                "--out",
                dir.resolve("p.json").toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().startsWith("warning: --out " + DEPRECATED + "; use --output-file"), run.err());
        assertTrue(
                run.err().contains("error: --output-file saves a plan against a cluster; none was found (--offline)"),
                run.err());
    }

    @Test
    void deploy_fileAndPlan_saysMutuallyExclusiveWithOneErrorPrefix() {
        CliRun run = CliRun.of("deploy", "-f", "x.yaml", "--plan", "y.json");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: --file=FILE, --plan=FILE are mutually exclusive"), run.err());
        assertFalse(run.err().contains("Error:"), run.err());
    }

    @Test
    void plan_topologyOnStdin_isTheSamePlanAsFromTheFile() throws Exception {
        String fromFile = CliRun.of("plan", "--offline", "-f", "examples/production-2x2.yaml")
                .out();
        CliRun fromStdin = withStdin(
                Files.readString(Path.of("examples/production-2x2.yaml")),
                () -> CliRun.of("plan", "--offline", "-f", "-"));
        assertEquals(0, fromStdin.exitCode(), fromStdin.all());
        assertEquals(fromFile.replace("(examples/production-2x2.yaml)", "(<stdin>)"), fromStdin.out());
    }

    @Test
    void plan_badTopologyOnStdin_namesStdinWithLineAndKey() {
        String text = "apiVersion: signoz-ha/v1\nkind: Topology\nmetadata: {name: x}\nspec:\n  namespace: platform\n"
                + "  clickhouse:\n    shards: \"2\"\n";
        CliRun run = withStdin(text, () -> CliRun.of("plan", "--offline", "-f", "-"));
        assertEquals(2, run.exitCode(), run.all());
        assertEquals(
                "error: <stdin>:7:5 spec.clickhouse.shards: expected a whole number, got the string \"2\"\n"
                        + "1 problem found; nothing was changed.\n",
                run.err());
    }

    @Test
    void plan_emptyStdin_isBadInputNamingStdin() {
        CliRun run = withStdin("", () -> CliRun.of("plan", "--offline", "-f", "-"));
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().startsWith("error: <stdin>: the file is empty"), run.err());
    }

    @Test
    void deploy_planGivenPlanOutputForReading_namesTheCommandThatSavesAPlan(@TempDir Path dir) throws Exception {
        for (String format : new String[] {"json", "yaml"}) {
            Path printed = Files.writeString(
                    dir.resolve("plan." + format),
                    CliRun.of("plan", "--offline", "-f", "examples/dev.yaml", "-o", format)
                            .out());
            CliRun run = CliRun.of("deploy", "--plan", printed.toString(), "--yes");
            assertEquals(2, run.exitCode(), run.all());
            assertEquals(
                    "error: " + printed + ": is the output of signoz-ha plan -o json|yaml, which is for reading; "
                            + "save a plan deploy can apply with signoz-ha plan -f FILE --output-file PLAN\n"
                            + "1 problem found; nothing was changed.\n",
                    run.err());
        }
    }

    @Test
    void deploy_planGivenATopology_saysToUseFile() {
        CliRun run = CliRun.of("deploy", "--plan", "examples/dev.yaml", "--yes");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(
                run.err()
                        .startsWith("error: examples/dev.yaml: is a topology file; deploy it with signoz-ha deploy "
                                + "-f examples/dev.yaml"),
                run.err());
    }

    private static CliRun withStdin(String text, Supplier<CliRun> run) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.get();
        } finally {
            System.setIn(original);
        }
    }
}
