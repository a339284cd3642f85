package dev.signozha.commands;

import dev.signozha.actions.DeployAction;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "deploy",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Install or update SigNoz HA in ordered, verified phases, under a lock.",
        description = {
            "Install or update SigNoz HA from the topology: plan against the cluster, run the preflight, "
                    + "take the lock, then apply phase by phase, each waiting for its own readiness on watches: namespace, "
                    + "clickhouse-operator (external mode, when missing), ZooKeeper, the ClickHouseInstallation, the SigNoz "
                    + "chart (helm upgrade --install), the schema migration, the collectors, and verification (the doctor's "
                    + "checks, retried until their deadline). A phase stuck for a reason the cluster states stops at once "
                    + "with its finding. A re-run applies only what differs.",
            "The plan is printed before the question and before any change. -o json prints one result document "
                    + "(plan, phases, verification, outcome) on stdout instead, the text going to stderr.",
            "Exits 0 when deployed (or nothing to change), 3 on a preflight error or a missing password Secret, "
                    + "4 when refused (stale plan, disruption not allowed, no --yes without a terminal, a release "
                    + "left pending: see --recover), 5 when another run holds the lock, 7 when a phase failed "
                    + "(nothing is rolled back; run deploy again after fixing the cause), 130/143 when interrupted "
                    + "(recorded, lock released)."
        })
final class DeployCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Source source;

    /** The topology file, or a plan saved from one. */
    static final class Source {
        @Option(
                names = {"-f", "--file"},
                paramLabel = "FILE",
                required = true,
                description = "Topology file (apiVersion signoz-ha/v1, kind Topology).")
        Path topology;

        @Option(
                names = "--plan",
                paramLabel = "FILE",
                required = true,
                description =
                        "Apply exactly this plan from signoz-ha plan --output-file; refused (exit 4) if anything it "
                                + "covers changed since.")
        Path plan;
    }

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        return ChangeRun.run(
                spec,
                new ChangeRun.Args(
                        DeployAction.Kind.DEPLOY,
                        source.topology,
                        source.plan,
                        Optional.empty(),
                        false,
                        false,
                        options));
    }
}
