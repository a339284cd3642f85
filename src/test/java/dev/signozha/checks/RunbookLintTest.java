package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every runbook section can be followed alone in a new shell, and none prints a secret (the rules are in
 * {@link RunbookLint}); each rule is shown failing on a planted bad section. That every code has a runbook and
 * every runbook a code is {@link RunbookCatalogTest}'s.
 */
class RunbookLintTest {

    private static final Set<String> FUNCTIONS = new HashSet<>();

    @BeforeAll
    static void functionsOfEveryRunbook() throws IOException {
        for (CheckSpec check : CheckCatalog.all()) {
            FUNCTIONS.addAll(RunbookLint.functions(runbook(check)));
        }
    }

    static List<CheckSpec> checks() {
        return CheckCatalog.all();
    }

    private static String runbook(CheckSpec check) throws IOException {
        return Files.readString(Project.path("runbooks/" + check.code() + ".md"));
    }

    private static List<String> problems(String markdown) {
        return RunbookLint.problems(markdown, Set.of("chq"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void runbook_eachSectionStandsAlone_andPrintsNoSecret(CheckSpec check) throws IOException {
        assertEquals(List.of(), RunbookLint.problems(runbook(check), FUNCTIONS));
    }

    @Test
    void aFunctionDefinedInDiagnose_andUsedInFix_isAProblem() {
        String runbook = """
                ## Diagnose

                ```sh
                POD=$(kubectl get pod -n signoz -o name | head -1)
                chq() { kubectl exec -n signoz "$POD" -c clickhouse -- clickhouse-client -q "$1"; }
                chq "SELECT 1"
                ```

                ## Fix

                1. Restart the replica:

                   ```sh
                   chq "SYSTEM RESTART REPLICA signoz_logs.logs_v2"
                   ```
                """;

        assertEquals(
                List.of("Fix: chq is used but not defined in this section: chq \"SYSTEM RESTART REPLICA "
                        + "signoz_logs.logs_v2\""),
                problems(runbook));
    }

    @Test
    void aVariableSetInDiagnose_andUsedInVerify_isAProblem_aSingleQuotedOneIsNot() {
        String runbook = """
                ## Diagnose

                ```sh
                POD=$(kubectl get pod -n signoz -o name | head -1)
                ```

                ## Verify

                ```sh
                kubectl exec -n signoz "$POD" -c clickhouse -- clickhouse-client -q 'SELECT $NOT_EXPANDED'
                ```
                """;

        assertEquals(
                List.of("Verify: $POD is used but not set in this section: kubectl exec -n signoz \"$POD\" -c "
                        + "clickhouse -- clickhouse-client -q 'SELECT $NOT_EXPANDED'"),
                problems(runbook));
    }

    @Test
    void aFunctionOrVariableUsedBeforeItsDefinition_isAProblem() {
        String runbook = """
                ## Diagnose

                ```sh
                chq "SELECT 1"
                echo "$F"
                F=$(mktemp)
                chq() { kubectl exec -n signoz pod/x -c clickhouse -- clickhouse-client -q "$1"; }
                ```
                """;

        assertEquals(2, problems(runbook).size(), problems(runbook).toString());
    }

    @Test
    void aChartOfTheSignozRepository_withoutTheRepositoryAddedInItsSection_isAProblem() {
        String runbook = """
                ## Diagnose

                ```sh
                helm repo add signoz https://charts.signoz.io
                ```

                ## Fix

                ```sh
                helm upgrade signoz signoz/signoz -n signoz --version 0.131.0 --reuse-values \\
                  --set clickhouse.zookeeper.replicaCount=3
                ```
                """;

        assertEquals(
                List.of("Fix: a chart of the signoz repository without helm repo add signoz https://charts.signoz.io "
                        + "before it in this section: helm upgrade signoz signoz/signoz -n signoz --version 0.131.0 "
                        + "--reuse-values --set clickhouse.zookeeper.replicaCount=3"),
                problems(runbook));
    }

    @Test
    void aChartAfterTheRepositoryWasAdded_andAnImageOfTheSignozOrganisation_areFine() {
        String runbook = """
                ## Fix

                ```sh
                helm repo add signoz https://charts.signoz.io && helm repo update signoz
                helm show values signoz/signoz --version 0.131.0 | grep -n zookeeper
                helm upgrade signoz signoz/signoz -n signoz --reuse-values --set clickhouse.zookeeper.image.tag=3.7.1 \\
                  --set clickhouse.zookeeper.image.repository=signoz/zookeeper
                ```
                """;

        assertEquals(List.of(), problems(runbook));
    }

    @Test
    void aGrepOfDsnValues_withoutRedaction_isAProblem() {
        String runbook = """
                ## Diagnose

                ```sh
                kubectl set env deploy,sts -n signoz --all --list \\
                  | grep -E 'CLICKHOUSE_(HOST|DSN)='
                ```
                """;

        assertEquals(1, problems(runbook).size(), problems(runbook).toString());
        assertTrue(problems(runbook).get(0).startsWith("Diagnose: prints DSN or password values"));
    }

    @Test
    void aGrepOfPasswordValues_evenAfterExcludingSomeLines_isAProblem() {
        String runbook = """
                ## Diagnose

                ```sh
                kubectl get deploy -n signoz -o yaml | grep -vi secretKeyRef | grep -A1 'name: CLICKHOUSE_PASSWORD'
                echo "$CLICKHOUSE_PASSWORD"
                ```
                """;

        assertEquals(
                2,
                problems(runbook).stream()
                        .filter(p -> p.contains("prints DSN or password values"))
                        .count());
    }

    @Test
    void redactedCountedOrKeyOnlyGreps_areFine() {
        String runbook = """
                ## Diagnose

                ```sh
                kubectl set env deploy,sts -n signoz --all --list | grep -E 'CLICKHOUSE_(HOST|DSN)=' \\
                  | %s
                kubectl get deploy -n signoz -o yaml | grep -A1 'name: CLICKHOUSE_PASSWORD$' | grep -c ' value:'
                kubectl get chi signoz-clickhouse -n signoz -o yaml | grep -oE '^ +[a-z]+/password'
                helm get values signoz -n signoz | grep -vi password
                ```
                """.formatted(RunbookLint.REDACT_DSN);

        assertEquals(List.of(), problems(runbook));
    }

    @Test
    void theRedaction_keepsHostAndPortOnly_ofEveryDsnFormTheChartRenders() throws Exception {
        String printed = String.join(
                "\n",
                "SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN=tcp://signoz-clickhouse:9000/?username=admin&password=s3cr/t@x",
                "SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_DSN=tcp://admin:s3cr/t@x@signoz-clickhouse:9000",
                "      dsn: tcp://admin:27ff0399-0d3a-4bd8-919d-17c2181e6fb9@signoz-clickhouse:9000/signoz_metrics",
                "# CLICKHOUSE_PASSWORD from secret clickhouse-credentials, key password",
                "CLICKHOUSE_HOST=signoz-clickhouse",
                "");
        Process sed = new ProcessBuilder("sh", "-c", RunbookLint.REDACT_DSN).start();
        sed.getOutputStream().write(printed.getBytes(StandardCharsets.UTF_8));
        sed.getOutputStream().close();
        String redacted = new String(sed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, sed.waitFor());
        assertEquals(
                String.join(
                        "\n",
                        "SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN=tcp://signoz-clickhouse:9000",
                        "SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_DSN=tcp://signoz-clickhouse:9000",
                        "      dsn: tcp://signoz-clickhouse:9000",
                        "# CLICKHOUSE_PASSWORD from secret clickhouse-credentials, key password",
                        "CLICKHOUSE_HOST=signoz-clickhouse",
                        ""),
                redacted);
    }

    @Test
    void commentsAreNoCommands_butAHashInsideQuotesOrAWordIs() {
        assertEquals("kubectl get pods ", RunbookLint.withoutComment("kubectl get pods # chq is below"));
        assertEquals("grep -E '^# |X' a#b", RunbookLint.withoutComment("grep -E '^# |X' a#b"));
    }
}
