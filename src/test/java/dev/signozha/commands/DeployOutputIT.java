package dev.signozha.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signozha.support.CliRun;
import dev.signozha.support.Golden;
import dev.signozha.support.Project;
import dev.signozha.support.SimulatedCluster;
import dev.signozha.support.StandInCluster;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real deploy command line against the simulated cluster through a kubeconfig, with the helm stand-in: the
 * {@code -o json} result document, parsed, for a deploy that succeeds and one that is refused; and, on a
 * pseudo-terminal, the plan shown before the question that confirms it.
 */
@EnabledOnOs(OS.LINUX)
class DeployOutputIT {

    @TempDir
    Path dir;

    private StandInCluster cluster;

    @BeforeEach
    void start() throws Exception {
        cluster = StandInCluster.open(dir, false);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private List<String> deploy(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "deploy",
                "-f",
                Project.path(SimulatedCluster.PRODUCTION.toString()).toString(),
                "--kubeconfig",
                cluster.kubeconfig().toString(),
                "--helm-binary",
                cluster.helm().binary().toString(),
                "--no-clickhouse"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void deployJson_isOneDocumentOnStdout_withThePlanPhasesVerificationAndOutcome() throws Exception {
        CliRun run = CliRun.of(deploy("--yes", "-o", "json").toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.all() + "\n" + cluster.helm().calls());
        JsonNode document = new ObjectMapper().readTree(run.out());
        assertEquals(1, document.path("schemaVersion").asInt());
        assertEquals("deploy", document.path("command").asText());
        assertEquals("succeeded", document.path("outcome").asText());
        assertEquals(0, document.path("exitCode").asInt());
        assertTrue(document.path("reason").isNull());
        assertEquals("live", document.path("plan").path("mode").asText());
        assertEquals("prod", document.path("plan").path("topology").asText());
        assertEquals(
                6,
                document.path("plan").path("plan").path("objects").size(),
                document.path("plan").toString());
        List<String> phases = new ArrayList<>();
        document.path("phases").forEach(phase -> {
            phases.add(phase.path("phase").asText());
            assertTrue(phase.path("durationMs").asLong(-1) >= 0, phase.toString());
        });
        assertEquals(
                List.of(
                        "namespace",
                        "clickhouse-operator",
                        "zookeeper",
                        "clickhouse",
                        "clickhouse-version",
                        "migration",
                        "signoz",
                        "collectors",
                        "verification"),
                phases);
        JsonNode verification = document.path("verification");
        assertEquals(0, verification.path("errors").asInt());
        assertTrue(verification.path("passed").asInt() > 0, verification.toString());
        assertEquals(
                "verified without ClickHouse (--no-clickhouse)",
                verification.path("clickhouse").asText());
        assertTrue(run.err().contains("Plan for topology prod"), "the plan text goes to stderr for people");
        assertTrue(run.err().contains("[9/9] verification"), "progress stays on stderr");
    }

    @Test
    void deployJson_refused_stillPrintsTheDocument_withTheReason() throws Exception {
        CliRun run = CliRun.of(deploy("-o", "json").toArray(String[]::new));
        assertEquals(4, run.exitCode(), run.all());
        JsonNode document = new ObjectMapper().readTree(run.out());
        assertEquals("refused", document.path("outcome").asText());
        assertEquals(4, document.path("exitCode").asInt());
        assertTrue(
                document.path("reason").asText().contains("no terminal to confirm on and no --yes"),
                document.toString());
        assertEquals("live", document.path("plan").path("mode").asText(), "the plan is in every outcome");
        assertEquals(0, document.path("phases").size());
        assertTrue(run.err().startsWith("Plan for topology prod"), run.err());
    }

    @Test
    void onATerminal_thePlanIsShownBeforeTheQuestion() throws Exception {
        // A loaded machine makes the API client's event loop log stalls; they are not what a person reads here.
        Path quiet = Files.writeString(dir.resolve("logging.properties"), ".level = OFF\n");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.logging.config.file=" + quiet,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.signozha.Main"));
        command.addAll(deploy());
        // script(1) runs the command on a pseudo-terminal, so the tool sees a terminal and asks.
        ProcessBuilder builder = new ProcessBuilder("script", "-q", "-e", "-c", shellQuoted(command), "/dev/null")
                .redirectErrorStream(true);
        builder.environment().remove("CI");
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("TERM", "xterm");
        Process process = builder.start();
        String shown = answerWhenAsked(process, "[y/N] ", "n\n");
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), shown);
        String text = shown.replace("\r", "").replace(dir.toString(), "DIR");
        int plan = text.indexOf("Plan for topology prod");
        int question = text.indexOf("Apply these changes (none)? [y/N]");
        assertTrue(plan >= 0 && question > plan, "the plan comes before the question:\n" + text);
        assertEquals(4, process.exitValue(), text);
        assertTrue(text.contains("error: not confirmed; nothing was changed"), text);
        Golden.assertMatches(text, "deploy/plan-before-confirm.txt");
        assertTrue(
                cluster.world()
                        .helm()
                        .history(SimulatedCluster.NAMESPACE, "signoz")
                        .isEmpty(),
                "nothing was installed");
    }

    /** Everything the process prints; {@code answer} is typed once {@code question} has appeared. */
    private static String answerWhenAsked(Process process, String question, String answer) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        boolean answered = false;
        byte[] chunk = new byte[4096];
        try (InputStream in = process.getInputStream();
                OutputStream typed = process.getOutputStream()) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                seen.write(chunk, 0, n);
                if (!answered && seen.toString(StandardCharsets.UTF_8).contains(question)) {
                    typed.write(answer.getBytes(StandardCharsets.UTF_8));
                    typed.flush();
                    answered = true;
                }
            }
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    private static String shellQuoted(List<String> command) {
        return String.join(
                " ",
                command.stream()
                        .map(word -> "'" + word.replace("'", "'\\''") + "'")
                        .toList());
    }
}
