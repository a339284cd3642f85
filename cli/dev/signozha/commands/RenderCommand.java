package dev.signozha.commands;

import dev.signozha.actions.RenderAction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "render",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Write the SigNoz chart values (values.yaml) and the manifests the tool applies itself "
                    + "(manifests/, with a kustomization.yaml) for Argo CD or Flux. No cluster is contacted.",
            "Prints the paths written; removes manifests an earlier render wrote that are no longer produced."
        })
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TopologyOption topology;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Directory to write into (required).")
    Path outputDir;

    @Option(names = "--out", paramLabel = "DIR", hidden = true, description = "Deprecated spelling of --output-dir.")
    Path deprecatedOut;

    @Mixin
    TemplatesOption templates;

    @Override
    public Integer call() {
        Path out = DeprecatedSpelling.resolve(spec, outputDir, "--output-dir", deprecatedOut, "--out");
        if (out == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--output-dir=DIR'");
        }
        RenderAction.Result result = new RenderAction(templates.source()).run(topology.file, out);
        PrintWriter stdout = spec.commandLine().getOut();
        result.written().forEach(stdout::println);
        stdout.flush();
        result.removed().forEach(path -> spec.commandLine().getErr().println("removed stale " + path));
        spec.commandLine().getErr().flush();
        return 0;
    }
}
