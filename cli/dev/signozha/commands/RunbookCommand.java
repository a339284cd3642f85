package dev.signozha.commands;

import dev.signozha.actions.InputFiles;
import dev.signozha.actions.Runbooks;
import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckSpec;
import dev.signozha.checks.RunbookContext;
import dev.signozha.checks.RunbookName;
import dev.signozha.core.text.TextTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "runbook",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Print the runbook of a doctor finding (works offline), or list them all.",
            "Each runbook has Symptoms, Why it happens, Diagnose, Fix and Verify. Its commands name the cluster's "
                    + "objects by placeholders (<namespace>, <chi>, ...); the options fill them in, and doctor prints "
                    + "this command with the names it found. A note under the title lists what was filled in and "
                    + "which placeholders are left to you."
        })
final class RunbookCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "CODE",
            completionCandidates = Candidates.RunbookCodes.class,
            description = "A finding code such as DUPLICATE_CLICKHOUSE.")
    String code;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "Topology file: its namespace, release, installation, cluster and ZooKeeper fill the "
                    + "placeholders (the other options win over it).")
    Path topology;

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NAMESPACE",
            description = "The release's namespace, for <namespace>.")
    String namespace;

    @Option(names = "--release", paramLabel = "RELEASE", description = "The Helm release, for <release>.")
    String release;

    @Option(names = "--installation", paramLabel = "NAME", description = "The ClickHouseInstallation, for <chi>.")
    String installation;

    @Option(names = "--cluster", paramLabel = "NAME", description = "The ClickHouse cluster, for <cluster>.")
    String cluster;

    @Option(names = "--zookeeper", paramLabel = "NAME", description = "The ZooKeeper StatefulSet, for <zk>.")
    String zookeeper;

    @Option(names = "--pod", paramLabel = "POD", description = "The pod of the finding, for <pod>.")
    String pod;

    @Option(names = "--node", paramLabel = "NODE", description = "The node of the finding, for <node>.")
    String node;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (code == null) {
            TextTable table = new TextTable("CODE", "SEVERITY", "CATEGORY", "HEALTHY WHEN");
            for (CheckSpec check : CheckCatalog.all()) {
                table.row(check.code(), check.severity().id(), check.category(), check.title());
            }
            Runbooks.PROCEDURES.forEach((name, what) -> table.row(name, "-", "procedure", what));
            out.print(table.render(""));
        } else {
            out.print(Runbooks.text(code, context()));
        }
        out.flush();
        return 0;
    }

    private RunbookContext context() {
        Map<RunbookName, String> names = new EnumMap<>(RunbookName.class);
        names.put(RunbookName.NAMESPACE, namespace);
        names.put(RunbookName.RELEASE, release);
        names.put(RunbookName.INSTALLATION, installation);
        names.put(RunbookName.CLUSTER, cluster);
        names.put(RunbookName.ZOOKEEPER, zookeeper);
        names.put(RunbookName.POD, pod);
        names.put(RunbookName.NODE, node);
        RunbookContext given = new RunbookContext(names);
        return topology == null
                ? given
                : RunbookContext.of(InputFiles.topology(topology).spec()).overriddenBy(given);
    }
}
