package dev.signozha.commands;

import dev.signozha.core.topology.TopologySchema;
import dev.signozha.core.yaml.CanonicalYaml;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of the topology file (for editors and CI linting).")
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(CanonicalYaml.json(TopologySchema.generate()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
