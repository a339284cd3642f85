package dev.signozha.commands;

import dev.signozha.actions.DoctorAction;
import dev.signozha.actions.InputFiles;
import dev.signozha.checks.ReportJson;
import dev.signozha.checks.ReportText;
import dev.signozha.cluster.kube.KubeConnections;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.ExitCode;
import dev.signozha.core.inventory.SnapshotParser;
import dev.signozha.core.yaml.CanonicalYaml;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "doctor", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Find what breaks SigNoz HA: a second ClickHouse, hosts that do not resolve, config drift, a "
                + "migration run with the wrong topology, anti-affinity deadlocks, development-sized resources, "
                + "ZooKeeper quorum and disk, default passwords. Each finding names the objects and a runbook.",
                "Reads a live cluster, or a snapshot (kubectl get -o yaml output, or signoz-ha snapshot).",
                "Exits 0 with no errors (warnings allowed), 3 when a check found an error (--strict: or a warning)."})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Topology file to judge the cluster against (default: the state record, else inferred).")
    Path topology;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Read this snapshot instead of a cluster.")
    Path snapshot;

    @Mixin
    KubeOptions kube;

    @Option(names = "--strict", description = "Fail on warnings too.")
    boolean strict;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        DoctorAction.Result result;
        if (snapshot != null) {
            String text = InputFiles.readText(snapshot, InputFiles.SNAPSHOT_LIMIT);
            result = new DoctorAction().run(new DoctorAction.Request(
                    namespace -> SnapshotParser.parse(snapshot.toString(), text), kube.namespace, topology));
        } else {
            try (KubeGateway gateway = KubeConnections.open(kube.kubeconfig, kube.context)) {
                result = new DoctorAction().run(new DoctorAction.Request(
                        namespace -> gateway.inventory(namespace == null ? gateway.defaultNamespace() : namespace),
                        kube.namespace, topology));
            }
        }
        print(result);
        return result.report().failed(strict) ? ExitCode.CHECKS_FAILED.code() : ExitCode.OK.code();
    }

    private void print(DoctorAction.Result result) {
        String text = switch (output.format) {
            case json -> CanonicalYaml.json(ReportJson.render(result.report(), result.namespace(), result.topology()));
            case yaml -> CanonicalYaml.yaml(ReportJson.render(result.report(), result.namespace(), result.topology()));
            case text -> ReportText.render(result.report(), "signoz-ha doctor: " + result.report().source()
                    + ", namespace " + result.namespace() + "\ntopology: " + result.topology() + "\n", output.style());
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
    }
}
