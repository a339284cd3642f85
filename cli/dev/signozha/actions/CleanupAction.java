package dev.signozha.actions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.checks.CleanupPlanner;
import dev.signozha.checks.ClusterView;
import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.cluster.kube.StateStore;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.text.Style;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.TopologyLoader;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cleanup: list what doctor calls leftovers (a duplicate ClickHouseInstallation no component uses, failed
 * migration Jobs, evicted pods), delete them only with --yes and under the lock, and write each deletion to
 * the state record. The installation in use is never touched, nor any volume unless its installation is named.
 */
public final class CleanupAction {

    /**
     * What was asked: the namespace, the topology saying which host is in use (else the state record's), the one
     * installation to remove (else every unused duplicate), whose volumes may go, and whether to delete at all.
     */
    public record Request(
            String namespace,
            Optional<LoadedTopology> topology,
            Optional<String> installation,
            Optional<String> deleteVolumesOf,
            boolean yes,
            Duration lockWait,
            Duration timeout) {}

    /** How long cleanup waits, by default, for what it deleted to be gone. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private final Clock clock;
    private final LeaseLock.Timing timing;

    public CleanupAction(Clock clock, LeaseLock.Timing timing) {
        this.clock = clock;
        this.timing = timing;
    }

    public int run(Request request, KubeSession session, PrintWriter out, Style style) {
        return run(request, session, out, style, new RunReport("cleanup", clock));
    }

    /** Runs the cleanup, recording in {@code report} what it planned and deleted (for -o json). */
    public int run(Request request, KubeSession session, PrintWriter out, Style style, RunReport report) {
        String namespace = request.namespace();
        StateStore state = session.state(namespace, List.of());
        Optional<String> host = request.topology()
                .or(() -> state.read()
                        .filter(record -> !record.neverApplied())
                        .map(record -> TopologyLoader.load(state.source(), record.topology())))
                .map(loaded -> loaded.spec().clickhouse().host());
        ClusterView view = new ClusterView(session.gateway().inventory(namespace), namespace);
        CleanupPlanner.Plan plan = CleanupPlanner.plan(view, host, request.installation(), request.deleteVolumesOf());
        report.plan(planData(namespace, plan));
        DeletionFollowUp followUp = new DeletionFollowUp(session, timing);
        print(plan, namespace, request.yes(), out, style);
        followUp.describe(plan.terminating(), namespace).forEach(line -> out.println("  still terminating: " + line));
        out.flush();
        if (!plan.refusals().isEmpty()) {
            throw new SignozHaException(
                    ExitCode.REFUSED,
                    "refusing to clean up; nothing was deleted:\n  " + String.join("\n  ", plan.refusals()));
        }
        if (!request.yes()) {
            report.endedWith("listed");
            return ExitCode.OK.code();
        }
        List<String> deleted =
                plan.deletions().isEmpty() ? List.of() : delete(plan, request, session, state, out, style);
        ArrayNode done = JsonNodeFactory.instance.arrayNode();
        deleted.forEach(done::add);
        report.result(JsonNodeFactory.instance.objectNode().set("deleted", done));
        List<String> awaited = new ArrayList<>(deleted);
        awaited.addAll(plan.terminating());
        List<String> remaining = followUp.awaitGone(awaited, request.timeout());
        if (!remaining.isEmpty()) {
            throw new SignozHaException(
                    ExitCode.NOT_ROLLED_BACK,
                    remaining.size() + " object(s) still there after "
                            + request.timeout().toSeconds() + "s:\n  "
                            + String.join("\n  ", followUp.describe(remaining, namespace))
                            + "\nRun signoz-ha cleanup again once the cause is fixed; signoz-ha doctor reports the same.");
        }
        if (!awaited.isEmpty()) {
            out.println("All " + awaited.size() + " object(s) are gone.");
            out.flush();
        }
        return ExitCode.OK.code();
    }

    private List<String> delete(
            CleanupPlanner.Plan plan,
            Request request,
            KubeSession session,
            StateStore state,
            PrintWriter out,
            Style style) {
        String namespace = request.namespace();
        try (LeaseLock lock = session.lock(
                namespace, LeaseLock.localHolder("cleanup", LeaseLock.DEFAULT_TTL, clock), state, timing)) {
            lock.acquire(request.lockWait());
            List<String> deleted = new ArrayList<>();
            try {
                for (CleanupPlanner.Deletion deletion : plan.deletions()) {
                    lock.ensureHeld();
                    if (session.delete(deletion.id())) {
                        deleted.add(deletion.id());
                        out.println(style.red("deleted ") + deletion.id());
                    } else {
                        out.println("already gone: " + deletion.id());
                    }
                }
            } finally {
                String outcome =
                        deleted.size() == plan.deletions().size() ? HistoryEntry.SUCCEEDED : HistoryEntry.FAILED;
                state.update(record -> record.withEntry(new HistoryEntry(
                        clock.instant(),
                        "cleanup",
                        null,
                        null,
                        outcome,
                        lock.holder().identity(),
                        "deleted: " + (deleted.isEmpty() ? "nothing" : String.join(", ", deleted)))));
            }
            out.println("Deleted " + deleted.size() + " object(s); recorded in " + state.source() + ".");
            out.flush();
            return deleted;
        }
    }

    /** The plan as the -o json document holds it: each deletion with its finding, the refusals and the notes. */
    private static ObjectNode planData(String namespace, CleanupPlanner.Plan plan) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("namespace", namespace);
        ArrayNode deletions = data.putArray("deletions");
        plan.deletions()
                .forEach(deletion -> deletions
                        .addObject()
                        .put("id", deletion.id())
                        .put("finding", deletion.finding().code())
                        .put("reason", deletion.reason()));
        plan.refusals().forEach(data.putArray("refusals")::add);
        plan.notes().forEach(data.putArray("notes")::add);
        return data;
    }

    private static void print(CleanupPlanner.Plan plan, String namespace, boolean yes, PrintWriter out, Style style) {
        out.println(style.bold("Cleanup of namespace " + namespace));
        if (plan.deletions().isEmpty()) {
            out.println(
                    plan.terminating().isEmpty()
                            ? "Nothing to clean up."
                            : "Nothing to delete; " + plan.terminating().size()
                                    + " installation(s) already being deleted:");
        }
        plan.deletions()
                .forEach(deletion -> out.println("  " + (yes ? "delete " : "would delete ") + deletion.id() + "  ["
                        + deletion.finding().code() + "] " + deletion.reason()));
        plan.notes().forEach(note -> out.println("  note: " + note));
        plan.refusals().forEach(refusal -> out.println("  " + style.red("refused: ") + refusal));
        if (!yes && !plan.deletions().isEmpty() && plan.refusals().isEmpty()) {
            out.println("Dry run: nothing was deleted. Pass --yes to delete the "
                    + plan.deletions().size() + " object(s) above.");
        }
    }
}
