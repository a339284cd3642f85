package dev.signozha.commands;

import dev.signozha.actions.ClickHouseAccess;
import dev.signozha.actions.DoctorAction;
import dev.signozha.actions.InputFiles;
import dev.signozha.actions.Runbooks;
import dev.signozha.checks.ReportJson;
import dev.signozha.checks.ReportText;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.ExitCode;
import dev.signozha.core.Trace;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.inventory.SnapshotParser;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.yaml.CanonicalYaml;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "doctor",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Find what breaks SigNoz HA: a second ClickHouse, hosts that do not resolve, config drift, a "
                    + "migration run with the wrong topology, anti-affinity deadlocks, development-sized resources, "
                    + "ZooKeeper quorum and disk, default passwords; then, inside ClickHouse, hosts down, a cluster that is "
                    + "not the topology's, read-only or lagging replicas, a stuck DDL queue, unfinished migrations and "
                    + "stalled ingestion. Each finding names the objects and a runbook.",
            "Reads a live cluster (ClickHouse through port-forwards), a snapshot (kubectl get -o yaml output, or "
                    + "signoz-ha snapshot), and/or a ClickHouse reachable at --clickhouse-url.",
            "Exits 0 with no errors (warnings allowed), 3 when a check found an error (--strict: or a warning)."
        })
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "Topology file to judge the cluster against (default: the state record, else inferred).")
    Path topology;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Read this snapshot instead of a cluster.")
    Path snapshot;

    @Mixin
    KubeOptions kube;

    @Mixin
    ClickHouseOptions clickhouse;

    @Option(names = "--strict", description = "Fail on warnings too.")
    boolean strict;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Trace trace = SignozHaCommand.trace(spec);
        DoctorAction.Result result;
        LoadedTopology loaded = DoctorAction.load(topology);
        if (loaded != null) {
            kube.requireAgreement(loaded.spec().namespace(), topology.toString());
        }
        if (snapshot != null || clickhouse.url != null) {
            result = new DoctorAction()
                    .run(new DoctorAction.Request(snapshotReader(), kube.namespace, loaded, direct(trace)));
        } else {
            try (KubeGateway gateway = kube.cluster.open(spec)) {
                ClickHouseAccess access = clickhouse.viaKubernetes(gateway, trace);
                result = new DoctorAction()
                        .run(new DoctorAction.Request(
                                namespace ->
                                        gateway.inventory(namespace == null ? gateway.defaultNamespace() : namespace),
                                kube.namespace,
                                loaded,
                                access));
            }
        }
        print(result);
        return result.report().failed(strict) ? ExitCode.CHECKS_FAILED.code() : ExitCode.OK.code();
    }

    private Function<String, Inventory> snapshotReader() {
        if (snapshot == null) {
            return null;
        }
        String text = InputFiles.readText(snapshot, InputFiles.SNAPSHOT_LIMIT);
        return namespace -> SnapshotParser.parse(InputFiles.name(snapshot), text);
    }

    private ClickHouseAccess direct(Trace trace) {
        if (clickhouse.skip || clickhouse.url == null) {
            return ClickHouseAccess.none(
                    clickhouse.skip
                            ? "--no-clickhouse"
                            : "a snapshot holds no ClickHouse to query; add --clickhouse-url to look inside one");
        }
        return clickhouse.direct(trace);
    }

    private void print(DoctorAction.Result result) {
        String text = switch (output.format) {
            case json -> CanonicalYaml.json(ReportJson.render(result.report(), result.namespace(), result.topology()));
            case yaml -> CanonicalYaml.yaml(ReportJson.render(result.report(), result.namespace(), result.topology()));
            case text ->
                ReportText.render(
                        result.report(),
                        "signoz-ha doctor: " + result.report().source()
                                + (result.namespace().isEmpty() ? "" : ", namespace " + result.namespace())
                                + "\ntopology: " + result.topology() + "\n",
                        output.style(),
                        Runbooks.links(result.runbooks()));
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
    }
}
