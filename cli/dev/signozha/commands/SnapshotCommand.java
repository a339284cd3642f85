package dev.signozha.commands;

import dev.signozha.actions.AtomicFiles;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.inventory.SnapshotWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "snapshot",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Write what doctor reads from a cluster to a file, for offline analysis (doctor --snapshot) "
                    + "or a support ticket.",
            "Never includes Secrets; values of env vars and settings that look secret (PASSWORD, TOKEN, KEY, "
                    + "SECRET, DSN credentials) are replaced by <redacted>.",
            "Exits 2 and writes nothing when the namespace holds no object at all (a wrong -n or context)."
        })
final class SnapshotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KubeOptions kube;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            completionCandidates = Candidates.SnapshotFormats.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: yaml). A file name here is the "
                    + "deprecated spelling of --output-file.")
    String output;

    @Option(names = "--output-file", paramLabel = "FILE", description = "File to write (default: stdout).")
    Path outputFile;

    @Override
    public Integer call() {
        Path file = outputFile();
        try (KubeGateway gateway = kube.cluster.open(spec)) {
            String namespace = kube.namespace == null ? gateway.defaultNamespace() : kube.namespace;
            Inventory inventory = gateway.inventory(namespace);
            if (inventory.objectsIn(namespace) == 0) {
                throw new SignozHaException(
                        ExitCode.BAD_INPUT,
                        "found nothing in namespace " + namespace + " ("
                                + inventory.source()
                                + "): no pod, service, StatefulSet, ClickHouseInstallation or ConfigMap; "
                                + "name the SigNoz release's namespace with -n"
                                + (inventory.unreadable().isEmpty()
                                        ? ""
                                        : ", or grant what the cluster refused: " + inventory.unreadable())
                                + ". No snapshot was written.");
            }
            String snapshot =
                    "json".equals(format()) ? SnapshotWriter.writeJson(inventory) : SnapshotWriter.write(inventory);
            inventory
                    .unreadable()
                    .forEach(refused -> spec.commandLine()
                            .getErr()
                            .println("warning: not in the snapshot: " + "the cluster refused to " + refused));
            if (file == null) {
                spec.commandLine().getOut().print(snapshot);
                spec.commandLine().getOut().flush();
            } else {
                AtomicFiles.write(file, snapshot);
                spec.commandLine().getErr().println("wrote " + inventory.all().size() + " objects to " + file);
                spec.commandLine().getErr().flush();
            }
        }
        return 0;
    }

    private String format() {
        return output == null || isFileName(output) ? "yaml" : output.toLowerCase(Locale.ROOT);
    }

    /** -o used to name the file; a value that is no format is still taken as one, for one release. */
    private Path outputFile() {
        Path deprecated = output != null && isFileName(output) ? Path.of(output) : null;
        return DeprecatedSpelling.resolve(spec, outputFile, "--output-file", deprecated, "-o FILE");
    }

    private static boolean isFileName(String value) {
        return !Candidates.SnapshotFormats.ALL.contains(value.toLowerCase(Locale.ROOT));
    }
}
