package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckResult;
import dev.signozha.checks.Finding;
import dev.signozha.checks.RunbookContext;
import dev.signozha.checks.RunbookName;
import dev.signozha.support.CliRun;
import dev.signozha.support.Golden;
import dev.signozha.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runbooks with the cluster's own names in their commands, and the command doctor prints to show them. */
class RunbooksTest {

    private static final RunbookContext SIGNOZ = new RunbookContext(Map.of(
            RunbookName.NAMESPACE, "signoz",
            RunbookName.RELEASE, "signoz",
            RunbookName.INSTALLATION, "signoz-clickhouse",
            RunbookName.CLUSTER, "cluster",
            RunbookName.ZOOKEEPER, "signoz-zookeeper"));

    /** The runbook without the note on what was filled in. */
    private static String body(String text) {
        return text.lines().filter(line -> !line.startsWith("> ")).collect(Collectors.joining("\n"));
    }

    @Test
    void runbook_withTheNamesOfAFinding_fillsThemIn_andSaysWhichPlaceholdersAreLeft() {
        CliRun run = CliRun.of(
                "runbook",
                "CLICKHOUSE_HOST_DOWN",
                "-n",
                "signoz",
                "--installation",
                "signoz-clickhouse",
                "--cluster",
                "cluster",
                "--pod",
                "chi-signoz-clickhouse-cluster-0-1-0");

        assertEquals(0, run.exitCode(), run.err());
        Golden.assertMatches(run.out(), "cli/runbook-clickhouse-host-down-filled.md");
    }

    @Test
    void runbook_withATopology_takesItsNames_andAnOptionWinsOverIt() {
        CliRun run = CliRun.of("runbook", "ZOOKEEPER_QUORUM", "-f", "examples/production-2x2.yaml", "-n", "ops");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                "> Filled in for this cluster: <namespace> = ops, <release> = signoz, <chi> = clickhouse-signoz-clickhouse-ha, "
                        + "<cluster> = prod, <zk> = signoz-ha-zookeeper.",
                run.out()
                        .lines()
                        .filter(line -> line.startsWith("> "))
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void text_fillsOnlyWhatIsKnown_andLeavesTheRestMarked() {
        String text = Runbooks.text(
                "ZOOKEEPER_STORAGE",
                new RunbookContext(Map.of(RunbookName.NAMESPACE, "signoz", RunbookName.ZOOKEEPER, "signoz-zookeeper")));

        assertFalse(body(text).contains("<namespace>") || body(text).contains("<zk>"), text);
        assertTrue(text.contains("kubectl get pvc -n signoz"), text);
        List<String> note = text.lines().filter(line -> line.startsWith("> ")).toList();
        assertEquals("> Filled in for this cluster: <namespace> = signoz, <zk> = signoz-zookeeper.", note.get(0));
        assertTrue(
                note.get(1).startsWith("> Still to fill in: ")
                        && note.get(1).contains("<release>")
                        && note.get(1).contains("<n>"),
                note.toString());
    }

    @Test
    void command_namesOnlyWhatTheRunbookUses() {
        RunbookContext withPod = new RunbookContext(Map.of(
                RunbookName.NAMESPACE, "signoz",
                RunbookName.INSTALLATION, "signoz-clickhouse",
                RunbookName.ZOOKEEPER, "signoz-zookeeper",
                RunbookName.POD, "chi-signoz-clickhouse-cluster-0-1-0"));

        assertEquals(
                "signoz-ha runbook CLICKHOUSE_HOST_DOWN -n signoz --installation signoz-clickhouse --pod "
                        + "chi-signoz-clickhouse-cluster-0-1-0",
                Runbooks.command("CLICKHOUSE_HOST_DOWN", withPod));
        assertEquals(
                "signoz-ha runbook ZOOKEEPER_STORAGE -n signoz --zookeeper signoz-zookeeper",
                Runbooks.command("ZOOKEEPER_STORAGE", withPod));
    }

    @Test
    void links_addThePodAndNodeOfTheFindings_whenTheyNameOneOfEach() {
        CheckResult onePod = new CheckResult(
                CheckCatalog.CLICKHOUSE_HOST_DOWN,
                CheckResult.Status.FAIL,
                List.of(Finding.of(
                        "chi-signoz-clickhouse-cluster-0-1-0:8123: Connection refused",
                        "Pod/signoz/chi-signoz-clickhouse-cluster-0-1-0")),
                "",
                CheckCatalog.CLICKHOUSE_HOST_DOWN.severity());
        CheckResult twoPods = new CheckResult(
                CheckCatalog.CLICKHOUSE_HOST_DOWN,
                CheckResult.Status.FAIL,
                List.of(
                        Finding.of("refused", "Pod/signoz/chi-signoz-clickhouse-cluster-0-1-0"),
                        Finding.of("refused", "Pod/signoz/chi-signoz-clickhouse-cluster-1-1-0")),
                "",
                CheckCatalog.CLICKHOUSE_HOST_DOWN.severity());

        assertEquals(
                "signoz-ha runbook CLICKHOUSE_HOST_DOWN -n signoz --installation signoz-clickhouse --cluster cluster "
                        + "--pod chi-signoz-clickhouse-cluster-0-1-0",
                Runbooks.links(SIGNOZ).command(onePod));
        assertEquals(
                "signoz-ha runbook CLICKHOUSE_HOST_DOWN -n signoz --installation signoz-clickhouse --cluster cluster",
                Runbooks.links(SIGNOZ).command(twoPods));
    }

    static List<String> seeLines() throws IOException {
        List<String> commands = new ArrayList<>();
        try (Stream<Path> goldens = Files.list(Project.path("src/test/resources/golden/doctor"))) {
            for (Path golden :
                    goldens.filter(p -> p.toString().endsWith(".txt")).toList()) {
                Files.readAllLines(golden).stream()
                        .filter(line -> line.startsWith("    see: signoz-ha runbook "))
                        .map(line -> line.substring("    see: signoz-ha ".length()))
                        .forEach(commands::add);
            }
        }
        return commands.stream().distinct().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeLines")
    void everyCommandDoctorPrints_printsTheRunbookWithThoseNamesFilledIn(String command) {
        CliRun run = CliRun.of(command.split(" "));

        assertEquals(0, run.exitCode(), run.err());
        String[] words = command.split(" ");
        for (RunbookName name : RunbookName.values()) {
            if (List.of(words).contains(name.option())) {
                assertFalse(body(run.out()).contains(name.placeholder()), command + " left " + name.placeholder());
            }
        }
        assertTrue(words.length == 2 || run.out().contains("> Filled in for this cluster: "), run.out());
    }
}
