package dev.signozha.commands;

import dev.signozha.actions.PlanAction;
import dev.signozha.core.ExitCode;
import dev.signozha.core.plan.OfflinePlan;
import dev.signozha.core.plan.PlanText;
import dev.signozha.core.yaml.CanonicalYaml;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Show what an install of the topology consists of: the resolved topology (with the values the "
                + "profile filled in), the objects, the Helm values, resource totals and, when capacity is declared, "
                + "where every pod would be placed.",
                "Exits 3 when a pod cannot be placed on the declared capacity."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TopologyOption topology;

    @Option(names = "--offline", description = "Read nothing from a cluster (the only mode in this version).")
    boolean offline;

    @Mixin
    OutputOptions output;

    @Mixin
    TemplatesOption templates;

    @Override
    public Integer call() {
        OfflinePlan plan = new PlanAction(templates.source()).offline(topology.file);
        String text = switch (output.format) {
            case json -> CanonicalYaml.json(plan);
            case yaml -> CanonicalYaml.yaml(plan);
            case text -> PlanText.render(plan, output.style());
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return plan.hasErrors() ? ExitCode.CHECKS_FAILED.code() : ExitCode.OK.code();
    }
}
