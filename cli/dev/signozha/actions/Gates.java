package dev.signozha.actions;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckResult;
import dev.signozha.checks.CheckSpec;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.backup.BackupGate;
import dev.signozha.core.plan.Disruption;
import dev.signozha.core.plan.LivePlan;
import dev.signozha.core.state.HelmRun;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.topology.Topology.Spec;
import dev.signozha.core.versions.ChartKnowledge;
import dev.signozha.core.versions.UpgradePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What stops a deploy or upgrade before anything changes: preflight errors it cannot fix, a missing password
 * Secret (a plan error, exit 3, as plan reports it), an upgrade of something never deployed, a second ClickHouse installation, and any change more
 * disruptive than {@code --allow-disruption} (a new ClickHouse host is destructive). Each refusal names the
 * finding or the option that would allow it.
 */
final class Gates {

    /**
     * Preflight errors that stop a deploy: ones it cannot fix and would make worse. Other errors (not ready yet,
     * drift, development-sized limits...) are what the deploy is about to fix; verification judges them after. A
     * Pending pod blocks whatever keeps it off the nodes: the topology declares no taints, selectors or zones, so a
     * deploy fixes none of them, and a rollout that restarts the pod's twin leaves the shard without a replica. Which
     * of the three scheduling codes a Pending pod gets depends only on which of its reasons cover the most nodes.
     */
    static final Set<CheckSpec> BLOCKING = Set.of(
            CheckCatalog.DUPLICATE_CLICKHOUSE,
            CheckCatalog.OPERATOR_TOO_OLD,
            CheckCatalog.ANTI_AFFINITY_UNSCHEDULABLE,
            CheckCatalog.INSUFFICIENT_CAPACITY,
            CheckCatalog.POD_UNSCHEDULABLE,
            CheckCatalog.DEFAULT_CLICKHOUSE_PASSWORD);

    private Gates() {}

    static void refuse(DeployAction.Request request, PlanAction.Planned planned, Optional<StateRecord> previous) {
        Spec spec = planned.spec();
        if (request.kind() == DeployAction.Kind.UPGRADE
                && previous.map(StateRecord::neverApplied).orElse(true)) {
            throw new SignozHaException(
                    ExitCode.REFUSED,
                    "nothing in namespace " + spec.namespace() + " was deployed by " + "signoz-ha (no state record "
                            + StateRecord.CONFIG_MAP + "); run signoz-ha deploy first");
        }
        List<String> blocking = blocking(planned.preflight().results());
        if (!blocking.isEmpty()) {
            throw new SignozHaException(
                    ExitCode.CHECKS_FAILED,
                    "preflight found what a " + request.kind().command()
                            + " cannot fix; nothing was changed:\n  " + String.join("\n  ", blocking)
                            + "\nEach code has a runbook: signoz-ha runbook CODE.");
        }
        planned.missingSecret().ifPresent(missing -> {
            throw new SignozHaException(ExitCode.CHECKS_FAILED, missing + ". Nothing was changed.");
        });
        refuseSkippedStops(request, planned);
        backup(request, planned);
        refuseDisruption(request, planned.plan(), planned.live().installations());
    }

    /**
     * What an upgrade does about a backup before its first write: none on a path that does not need one, the
     * topology's when it has one, none with --no-backup; otherwise the upgrade is refused (exit 4), nothing changed.
     */
    static BackupGate.Decision backup(DeployAction.Request request, PlanAction.Planned planned) {
        if (request.kind() != DeployAction.Kind.UPGRADE) {
            return BackupGate.Decision.NOT_NEEDED;
        }
        return BackupGate.decide(
                backupReasons(planned),
                Optional.ofNullable(planned.spec().backup()),
                request.safety().noBackup());
    }

    /** Why the path from the installed chart to the planned one needs a backup; empty when it does not. */
    static List<String> backupReasons(PlanAction.Planned planned) {
        return upgradePath(planned)
                .map(path -> BackupGate.reasons(path, ChartKnowledge.bundled()))
                .orElse(List.of());
    }

    /**
     * An upgrade whose baseline ClickHouse could not give ({@code why}): refused before anything changed, since
     * nothing could tell whether it {@code risk}, unless --allow-no-baseline; then it goes on {@code without} that,
     * and {@code note} says so.
     */
    static void withoutBaseline(
            boolean allowNoBaseline, Progress progress, String why, String risk, String without, String note) {
        if (!allowNoBaseline) {
            throw new SignozHaException(
                    ExitCode.REFUSED,
                    why + ", so nothing could tell whether the upgrade " + risk + "; nothing was changed. Make "
                            + "ClickHouse reachable (signoz-ha doctor shows why it is not), or pass "
                            + "--allow-no-baseline to upgrade without " + without + ".");
        }
        progress.note(note + ": " + why + " (--allow-no-baseline)");
    }

    /** From the installed chart to the one planned, when a chart is installed. */
    static Optional<UpgradePath> upgradePath(PlanAction.Planned planned) {
        return planned.live()
                .installedChart()
                .map(installed ->
                        UpgradePath.between(installed, planned.rendered().chartVersion(), ChartKnowledge.bundled()));
    }

    /**
     * Skipping a mandatory stop fails SigNoz's migrations or loses data (signoz#8655, #9348); only upgrade
     * installs the stops one by one, so a deploy or a saved plan that jumps over one is refused.
     */
    private static void refuseSkippedStops(DeployAction.Request request, PlanAction.Planned planned) {
        Optional<UpgradePath> path = upgradePath(planned).filter(UpgradePath::hasIntermediateStops);
        if (path.isPresent()) {
            throw new SignozHaException(
                    ExitCode.REFUSED,
                    "the chart change crosses mandatory stops: "
                            + path.get().describe() + ". A " + request.kind().command()
                            + (request.savedPlan().isPresent() ? " of a saved plan" : "")
                            + " would skip them; run signoz-ha upgrade -f FILE --chart-version "
                            + planned.rendered().chartVersion() + ", which installs and verifies each stop in turn. "
                            + "Nothing was changed.");
        }
    }

    /**
     * helm refuses to touch a release whose last run never finished (pending-install, pending-upgrade,
     * pending-rollback). Asked under the lock: then no other signoz-ha run is at work, and what is pending was left
     * by a helm process that was killed, or is one run by hand.
     */
    static void refusePendingRelease(PlanAction.Planned planned, Optional<StateRecord> recorded) {
        String status = planned.live().releaseStatus().orElse("");
        if (!status.startsWith("pending-")) {
            return;
        }
        Spec spec = planned.spec();
        String pending = "Helm release " + spec.release() + " is " + status + " at revision "
                + planned.live().revision();
        Optional<HelmRun> dead = Recovery.leftByTool(planned, recorded);
        boolean install = status.equals("pending-install");
        if (dead.isPresent() && !install) {
            throw new SignozHaException(
                    ExitCode.REFUSED,
                    pending + ", left by " + dead.get().describe() + ": that run "
                            + "died before helm finished, and its lock has expired. Nothing was changed. Run this again with "
                            + "--recover: under the lock it rolls the release back to its last deployed revision, then goes "
                            + "on.");
        }
        String helm = "helm -n " + spec.namespace() + " ";
        throw new SignozHaException(
                ExitCode.REFUSED,
                pending
                        + dead.map(run -> ", left by " + run.describe() + ", which died before helm finished; a "
                                        + "first install has no revision to roll back to, so --recover does not apply")
                                .orElse(
                                        ": a helm run on it never finished, and no run of signoz-ha recorded starting it, so "
                                                + "--recover does not apply")
                        + ". Nothing was changed. Make sure no helm runs on it (" + helm + "history " + spec.release()
                        + "), then "
                        + (install
                                ? helm + "uninstall " + spec.release()
                                : helm + "rollback " + spec.release()
                                        + " REVISION, the last deployed or superseded one")
                        + ", and run this again. Runbook: signoz-ha runbook " + CheckCatalog.LAST_RUN_FAILED.code());
    }

    /**
     * The preflight errors a run goes ahead despite, as one line for the operator (empty when there are none): the
     * ones it is meant to fix, which verification judges again at the end.
     */
    static Optional<String> proceedingDespite(PlanAction.Planned planned) {
        List<String> codes = planned.preflight().results().stream()
                .filter(result -> result.isError() && !BLOCKING.contains(result.spec()))
                .map(result -> result.spec().code())
                .distinct()
                .toList();
        return codes.isEmpty()
                ? Optional.empty()
                : Optional.of("Going ahead despite " + codes.size()
                        + " preflight error(s) this run is meant to fix (" + String.join(", ", codes)
                        + "); verification "
                        + "checks them again at the end.");
    }

    /** One line per finding of a blocking preflight error: code, detail and objects. */
    static List<String> blocking(List<CheckResult> results) {
        List<String> lines = new ArrayList<>();
        results.stream()
                .filter(result -> result.isError() && BLOCKING.contains(result.spec()))
                .forEach(result -> result.findings()
                        .forEach(finding -> lines.add(result.spec().code() + ": " + finding.detail() + " ("
                                + String.join(", ", finding.objects()) + ")")));
        return lines;
    }

    private static void refuseDisruption(DeployAction.Request request, LivePlan plan, List<String> installations) {
        List<String> refused = new ArrayList<>();
        plan.objects().stream()
                .filter(step -> step.action() != LivePlan.Action.UNCHANGED)
                .filter(step -> step.disruption().exceeds(request.allowed()))
                .forEach(step -> refused.add(step.id() + ": " + step.reason() + " ("
                        + step.disruption().cliName() + ")"));
        if (plan.values().action() != LivePlan.Action.UNCHANGED
                && plan.values().disruption().exceeds(request.allowed())) {
            refused.add("Helm values: " + plan.values().reason() + " ("
                    + plan.values().disruption().cliName() + ")");
        }
        if (Disruption.DESTRUCTIVE.exceeds(request.allowed())) {
            secondInstallation(plan, installations).ifPresent(refused::add);
        }
        if (!refused.isEmpty()) {
            throw new SignozHaException(
                    ExitCode.REFUSED,
                    "refusing to " + request.kind().command() + "; nothing was " + "changed:\n  "
                            + String.join("\n  ", refused) + "\n" + advice(request, plan));
        }
    }

    /**
     * A plan that creates a ClickHouseInstallation in a namespace that already runs another (the tool's or the
     * chart's) would put a second one under another service name beside it: the upgrade failure this tool exists
     * to prevent.
     */
    private static Optional<String> secondInstallation(LivePlan plan, List<String> installations) {
        return plan.objects().stream()
                .filter(step -> step.action() == LivePlan.Action.CREATE)
                .map(LivePlan.ObjectStep::id)
                .filter(id -> id.startsWith("ClickHouseInstallation/"))
                .filter(id -> !installations.isEmpty() && !installations.contains(id))
                .findFirst()
                .map(id -> CheckCatalog.DUPLICATE_CLICKHOUSE.code() + ": " + id + " would be a second ClickHouse "
                        + "installation beside " + String.join(", ", installations) + "; keep spec.clickhouse.host "
                        + "naming the running one");
    }

    private static String advice(DeployAction.Request request, LivePlan plan) {
        return plan.disruption() == Disruption.DESTRUCTIVE || !Disruption.DESTRUCTIVE.exceeds(request.allowed())
                ? "A destructive change loses data or the host every component connects to. If that is what you "
                        + "want, back up first and pass --allow-disruption=destructive."
                : "Pass --allow-disruption=" + plan.disruption().cliName() + " to allow it (now: "
                        + request.allowed().cliName() + ").";
    }
}
