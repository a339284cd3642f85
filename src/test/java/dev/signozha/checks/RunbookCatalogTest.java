package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.actions.Runbooks;
import dev.signozha.support.CliRun;
import dev.signozha.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One runbook per check code and no orphan runbook, each in the five-section shape operators rely on. */
class RunbookCatalogTest {

    private static final List<String> SECTIONS =
            List.of("## Symptoms", "## Why it happens", "## Diagnose", "## Fix", "## Verify");

    static List<CheckSpec> checks() {
        return CheckCatalog.all();
    }

    @Test
    void runbooks_existForEveryCodeAndOnlyForCodes() throws IOException {
        Set<String> files;
        try (Stream<Path> listing = Files.list(Project.path("runbooks"))) {
            files = listing.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected =
                CheckCatalog.all().stream().map(c -> c.code() + ".md").collect(Collectors.toCollection(TreeSet::new));
        Runbooks.PROCEDURES.keySet().forEach(name -> expected.add(name + ".md"));
        assertEquals(expected, files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void runbook_hasTheTitleAndTheFiveSectionsInOrder(CheckSpec check) throws IOException {
        List<String> lines = Files.readAllLines(Project.path("runbooks/" + check.code() + ".md"));
        assertEquals("# " + check.code() + ": " + check.title(), lines.get(0));
        List<String> headings = lines.stream().filter(l -> l.startsWith("## ")).toList();
        assertEquals(SECTIONS, headings);
        for (int i = 1; i < lines.size(); i++) {
            assertTrue(
                    lines.get(i).length() <= 100, check.code() + " line " + (i + 1) + " is longer than 100 characters");
        }
        assertTrue(String.join("\n", lines).contains("signoz-ha doctor"), "Verify ends with doctor");
    }

    @Test
    void runbookCommand_printsOneOffline() throws IOException {
        CliRun run = CliRun.of("runbook", "duplicate_clickhouse");
        assertEquals(0, run.exitCode());
        assertEquals(Files.readString(Project.path("runbooks/DUPLICATE_CLICKHOUSE.md")), run.out());
    }

    @Test
    void runbookCommand_listsEveryCode() {
        CliRun run = CliRun.of("runbook");
        assertEquals(0, run.exitCode());
        CheckCatalog.all().forEach(check -> assertTrue(run.out().contains(check.code()), check.code()));
    }

    @Test
    void theRestoreProcedureIsPrintedAndListedAndHasTheSectionsAndRealCommands() throws IOException {
        CliRun run = CliRun.of("runbook", "restore");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Files.readString(Project.path("runbooks/RESTORE.md")), run.out());
        List<String> headings =
                run.out().lines().filter(l -> l.startsWith("## ")).toList();
        assertEquals(SECTIONS, headings);
        assertTrue(run.out().contains("ON CLUSTER '<cluster>' FROM S3("), run.out());
        assertTrue(run.out().contains("FROM clusterAllReplicas('<cluster>', system.backups)"), run.out());
        assertTrue(CliRun.of("runbook").out().contains("RESTORE"));
    }

    @Test
    void runbookCommand_unknownCode_isBadInputWithASuggestion() {
        CliRun run = CliRun.of("runbook", "DUPLICATE_CLICKHOSE");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("did you mean DUPLICATE_CLICKHOUSE?"), run.err());
    }
}
