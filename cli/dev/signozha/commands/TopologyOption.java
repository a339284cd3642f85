package dev.signozha.commands;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** -f FILE: the topology file. */
public final class TopologyOption {

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            required = true,
            description = "Topology file (apiVersion signoz-ha/v1, kind Topology).")
    Path file;
}
