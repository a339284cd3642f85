package dev.signozha.commands;

import dev.signozha.actions.AtomicFiles;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.inventory.SnapshotWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "snapshot", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Write what doctor reads from a cluster to a file, for offline analysis (doctor --snapshot) "
                + "or a support ticket.",
                "Never includes Secrets; values of env vars and settings that look secret (PASSWORD, TOKEN, KEY, "
                + "SECRET, DSN credentials) are replaced by <redacted>."})
final class SnapshotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KubeOptions kube;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "File to write (default: stdout).")
    Path output;

    @Override
    public Integer call() {
        try (KubeGateway gateway = kube.cluster.open(spec)) {
            Inventory inventory = gateway.inventory(kube.namespace == null ? gateway.defaultNamespace() : kube.namespace);
            String snapshot = SnapshotWriter.write(inventory);
            inventory.unreadable().forEach(refused -> spec.commandLine().getErr().println("warning: not in the snapshot: "
                    + "the cluster refused to " + refused));
            if (output == null) {
                spec.commandLine().getOut().print(snapshot);
                spec.commandLine().getOut().flush();
            } else {
                AtomicFiles.write(output, snapshot);
                spec.commandLine().getErr().println("wrote " + inventory.all().size() + " objects to " + output);
                spec.commandLine().getErr().flush();
            }
        }
        return 0;
    }
}
