package dev.signozha.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.checks.CheckReport;
import dev.signozha.checks.CheckResult;
import dev.signozha.core.ExitCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What one deploy, upgrade or cleanup did, collected while it runs, as the single document {@code -o json} prints
 * for CI: the plan, each phase with its result and duration, the verification, and how the run ended (outcome,
 * exit code, reason). Progress still goes to stderr for people; this is the machine's account.
 */
public final class RunReport {

    /** The document's shape; raised when a field changes meaning or goes away. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String command;
    private final Clock clock;
    private final ArrayNode phases = NODES.arrayNode();
    private JsonNode plan = NODES.nullNode();
    private JsonNode verification = NODES.nullNode();
    private JsonNode result = NODES.nullNode();
    private String ended;
    private Instant phaseStart;

    public RunReport(String command, Clock clock) {
        this.command = command;
        this.clock = clock;
    }

    /** The plan as {@code plan -o json} prints it (for cleanup: what it would delete). */
    public synchronized void plan(JsonNode plan) {
        this.plan = plan;
    }

    /** What the run did beyond its phases (cleanup: the objects it deleted). */
    public synchronized void result(JsonNode result) {
        this.result = result;
    }

    /** The run ended as intended without applying anything: {@code no-changes}, {@code dry-run}, {@code listed}. */
    public synchronized void endedWith(String outcome) {
        this.ended = outcome;
    }

    /** The verification's counts and failing codes; {@code withoutClickHouse} says why ClickHouse was not asked. */
    public synchronized void verification(CheckReport report, Optional<String> withoutClickHouse) {
        ObjectNode node = NODES.objectNode()
                .put("passed", report.passed())
                .put("warnings", report.warnings())
                .put("errors", report.errors())
                .put("skipped", report.skipped());
        ArrayNode failing = node.putArray("failing");
        report.results().stream()
                .filter(CheckResult::isError)
                .forEach(error -> failing.add(error.spec().code()));
        node.put(
                "clickhouse",
                withoutClickHouse
                        .map(why -> VerificationJudge.WITHOUT_CLICKHOUSE + " (" + why + ")")
                        .orElse("checked"));
        verification = node;
    }

    /** {@code progress}, with each phase's end recorded here: its result and how long it took. */
    public Progress recording(Progress progress) {
        return new Progress() {
            @Override
            public void update(int step, int steps, DeployPhase phase, String state, Duration waited) {
                started();
                progress.update(step, steps, phase, state, waited);
            }

            @Override
            public void finish(int step, int steps, DeployPhase phase, String outcome, Duration waited) {
                phase(step, phase, outcome);
                progress.finish(step, steps, phase, outcome, waited);
            }

            @Override
            public void note(String line) {
                started();
                progress.note(line);
            }
        };
    }

    /** From the first line of progress on, the phases' time runs. */
    private synchronized void started() {
        if (phaseStart == null) {
            phaseStart = clock.instant();
        }
    }

    private synchronized void phase(int step, DeployPhase phase, String outcome) {
        Instant now = clock.instant();
        Instant start = phaseStart == null ? now : phaseStart;
        phases.addObject()
                .put("step", step)
                .put("phase", phase.label())
                .put("result", outcome)
                .put("durationMs", Duration.between(start, now).toMillis());
        phaseStart = now;
    }

    /** The document for a run that ended with {@code exitCode}; {@code reason} is the error message, if any. */
    public synchronized ObjectNode document(int exitCode, Optional<String> reason, boolean interrupted) {
        ObjectNode document = NODES.objectNode()
                .put("schemaVersion", SCHEMA_VERSION)
                .put("command", command)
                .put("outcome", interrupted ? "interrupted" : outcome(exitCode))
                .put("exitCode", exitCode);
        reason.ifPresentOrElse(text -> document.put("reason", text), () -> document.putNull("reason"));
        document.set("plan", plan);
        document.set("phases", phases.deepCopy());
        document.set("verification", verification);
        document.set("result", result);
        return document;
    }

    /** {@code succeeded} (or what the run said it ended with), else the exit code's name: refused, locked... */
    private String outcome(int exitCode) {
        if (exitCode == ExitCode.OK.code()) {
            return ended != null ? ended : "succeeded";
        }
        return Arrays.stream(ExitCode.values())
                .filter(code -> code.code() == exitCode)
                .findFirst()
                .map(code -> code.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .orElse("exit-" + exitCode);
    }
}
