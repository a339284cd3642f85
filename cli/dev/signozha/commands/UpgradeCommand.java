package dev.signozha.commands;

import dev.signozha.actions.DeployAction;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "upgrade",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Upgrade without a second ClickHouse or a new host; roll back on failure.",
        description = {
            "Upgrade what signoz-ha deployed: refuses (exit 4) a change that would rename the ClickHouse "
                    + "host, add a second ClickHouse installation, or be destructive, unless --allow-disruption allows it. "
                    + "Records row counts and the newest rows of traces, logs and metrics first, follows ingestion while "
                    + "the phases run, and reports the longest gap. When verification fails (or ingestion does not "
                    + "resume), rolls back: helm rollback to the revision that was live, and the previous manifests from "
                    + "the state record.",
            "Before its first change, a path across a mandatory stop, a schema migrator change or a new "
                    + "ClickHouse release line takes a ClickHouse backup (BACKUP ... ON CLUSTER to spec.backup) and "
                    + "waits until every host created it. After the phases it compares each signal's rows written "
                    + "before the upgrade: rows that vanished although retention could not have removed them fail the "
                    + "upgrade, which is rolled back.",
            "Exits 0 when upgraded, 3 on a preflight error, 4 when refused (also without an ingestion baseline, "
                    + "unless --allow-no-baseline; or on a risky path with no backup configured, unless "
                    + "--no-backup), 5 when locked, 6 when it failed and was rolled back, 7 when "
                    + "the rollback failed too (both errors and the runbook are printed)."
        })
final class UpgradeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TopologyOption topology;

    @Option(
            names = "--chart-version",
            paramLabel = "VERSION",
            description = "The SigNoz chart version to upgrade to (default: the topology file's).")
    String chartVersion;

    @Option(
            names = "--allow-no-baseline",
            description = "Upgrade even when no ingestion baseline can be taken "
                    + "(ClickHouse does not answer, or --no-clickhouse); ingestion is then not tracked. Without it such an "
                    + "upgrade is refused (exit 4).")
    boolean allowNoBaseline;

    @Option(
            names = "--no-backup",
            description = "Upgrade across a mandatory stop, a schema migrator change or a new ClickHouse release "
                    + "line without the ClickHouse backup the topology's spec.backup would take; the run prints and "
                    + "records it. Without it and without spec.backup such an upgrade is refused (exit 4).")
    boolean noBackup;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        return ChangeRun.run(
                spec,
                new ChangeRun.Args(
                        DeployAction.Kind.UPGRADE,
                        topology.file,
                        null,
                        Optional.ofNullable(chartVersion),
                        allowNoBaseline,
                        noBackup,
                        options));
    }
}
