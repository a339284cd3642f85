package dev.signozha.commands;

import dev.signozha.actions.DeployAction;
import dev.signozha.actions.InputFiles;
import dev.signozha.actions.RunReport;
import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.Trace;
import dev.signozha.core.plan.SavedPlan;
import dev.signozha.core.topology.TopologyLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** Wires a deploy or upgrade from the command line: the real cluster, helm from the PATH, the terminal. */
final class ChangeRun {

    private ChangeRun() {}

    /** What the command line said. */
    record Args(
            DeployAction.Kind kind,
            Path topologyFile,
            Path planFile,
            Optional<String> chartVersion,
            boolean allowNoBaseline,
            boolean noBackup,
            RunOptions options) {

        ChangeOptions change() {
            return options.change;
        }

        ClusterOptions cluster() {
            return options.kube.cluster;
        }

        ClickHouseOptions clickhouse() {
            return options.clickhouse;
        }
    }

    static int run(CommandSpec spec, Args args) {
        RunReport report = new RunReport(args.kind().command(), Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        return ResultDocument.run(
                args.options().output,
                out,
                report,
                () -> change(
                        spec,
                        args,
                        report,
                        ResultDocument.textOut(
                                args.options().output, out, spec.commandLine().getErr())));
    }

    private static int change(CommandSpec spec, Args args, RunReport report, PrintWriter out) {
        Optional<SavedPlan> saved = Optional.ofNullable(args.planFile()).map(InputFiles::savedPlan);
        String source = saved.map(plan -> InputFiles.name(args.planFile()) + " (topology " + plan.topologyName() + ")")
                .orElseGet(() -> InputFiles.name(args.topologyFile()));
        String text = saved.map(SavedPlan::topology).orElseGet(() -> InputFiles.readText(args.topologyFile()));
        DeployAction.Request request = DeployAction.Request.builder(args.kind(), source, text)
                .savedPlan(saved)
                .chartVersion(args.chartVersion().or(() -> saved.map(SavedPlan::chartVersion)))
                .dryRun(args.change().dryRun)
                .allowed(args.change().allowed)
                .yes(args.change().yes)
                .lockWait(args.change().lockWait.duration)
                .forceUnlockReason(args.change().forceUnlockReason())
                .timeouts(args.change().timeouts())
                .lockTtl(args.change().lockTtl)
                .safety(new DeployAction.Safety(
                        args.change().recover, args.clickhouse().skip, args.allowNoBaseline(), args.noBackup()))
                .build();
        if (args.options().kube.namespace != null) {
            args.options()
                    .kube
                    .requireAgreement(TopologyLoader.load(source, text).spec().namespace(), source);
        }
        Trace trace = SignozHaCommand.trace(spec);
        try (KubeSession session = args.cluster().session(spec)) {
            DeployAction.Cluster cluster = new DeployAction.Cluster(
                    session,
                    args.options().helm.helm(args.cluster(), trace),
                    args.clickhouse().viaKubernetes(session.gateway(), trace),
                    args.clickhouse().ingestion(session.gateway(), trace),
                    args.clickhouse().data(session.gateway(), trace));
            DeployAction.Console console = new DeployAction.Console(
                    out,
                    Terminal.progress(spec.commandLine().getErr()),
                    Terminal.confirmer(),
                    args.options().output.style(),
                    report);
            DeployAction action = new DeployAction(
                    args.options().templates.source(),
                    new VersionProvider().version(),
                    Clock.systemUTC(),
                    LeaseLock.Timing.system());
            return Interruptible.run(args.options().helm.grace, () -> action.run(request, cluster, console));
        } catch (InterruptedException e) {
            throw new SignozHaException(
                    ExitCode.NOT_ROLLED_BACK,
                    args.kind().command() + " was interrupted"
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + ". The run is recorded and its lock "
                            + "released. Run signoz-ha " + args.kind().command()
                            + " again: it applies only what is missing "
                            + "(if helm had to be killed and left the release pending, add --recover).",
                    e);
        }
    }
}
