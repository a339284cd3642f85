package dev.signozha.commands;

import dev.signozha.actions.CleanupAction;
import dev.signozha.actions.DoctorAction;
import dev.signozha.actions.RunReport;
import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.topology.LoadedTopology;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "cleanup",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "List, then with --yes delete, duplicate installations, failed migrations, evicted pods.",
        description = {
            "Remove what doctor calls leftovers: a duplicate ClickHouseInstallation that no component "
                    + "connects to (DUPLICATE_CLICKHOUSE), failed schema migration Jobs, evicted pods. Lists them and "
                    + "deletes nothing unless --yes is given. Never touches the installation any component's endpoint (env, "
                    + "DSN, collector exporter) or the topology's host reaches, and never deletes PersistentVolumeClaims "
                    + "unless --delete-volumes names that "
                    + "exact installation. Every deletion is printed and written to the state record.",
            "Exits 0 (listed, or deleted and gone), 4 when refused (the installation is in use or may be, a volume "
                    + "flag names another installation), 5 when another run holds the lock, 7 when a deleted object "
                    + "is still there after --timeout (held by a finalizer; the cause is printed)."
        })
final class CleanupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KubeOptions kube;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "Topology file naming the host in use (default: the state record's).")
    Path topology;

    @Option(
            names = "--installation",
            paramLabel = "NAME",
            description = "Remove this ClickHouseInstallation only (default: every one no component connects to).")
    String installation;

    @Option(
            names = "--delete-volumes",
            paramLabel = "INSTALLATION",
            description = "Also delete the PersistentVolumeClaims, and their data, of this exact installation.")
    String deleteVolumes;

    @Option(
            names = {"-y", "--yes"},
            description = "Delete; without it cleanup only lists (a dry run).")
    boolean yes;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "2m",
            converter = DurationConverter.class,
            description = "How long to wait, after the deletes, for every deleted object to be gone; what finalizers "
                    + "still hold then is reported with the likely cause (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    LockWaitOption lockWait;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        RunReport report = new RunReport("cleanup", Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        return ResultDocument.run(
                output,
                out,
                report,
                () -> cleanup(
                        report,
                        ResultDocument.textOut(output, out, spec.commandLine().getErr())));
    }

    private int cleanup(RunReport report, PrintWriter out) {
        Optional<LoadedTopology> loaded = Optional.ofNullable(DoctorAction.load(topology));
        loaded.ifPresent(file -> kube.requireAgreement(file.spec().namespace(), topology.toString()));
        try (KubeSession session = kube.cluster.session(spec)) {
            String namespace = kube.namespace != null
                    ? kube.namespace
                    : loaded.map(file -> file.spec().namespace())
                            .orElse(session.gateway().defaultNamespace());
            return new CleanupAction(Clock.systemUTC(), LeaseLock.Timing.system())
                    .run(
                            new CleanupAction.Request(
                                    namespace,
                                    loaded,
                                    Optional.ofNullable(installation),
                                    Optional.ofNullable(deleteVolumes),
                                    yes,
                                    lockWait.duration,
                                    timeout),
                            session,
                            out,
                            output.style(),
                            report);
        }
    }
}
