package dev.signozha.commands;

import dev.signozha.actions.AtomicFiles;
import dev.signozha.actions.InputFiles;
import dev.signozha.actions.PlanAction;
import dev.signozha.cluster.helm.HelmCli;
import dev.signozha.cluster.kube.KubeGateway;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.Trace;
import dev.signozha.core.topology.TopologyLoader;
import dev.signozha.core.yaml.CanonicalYaml;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "plan",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Show what applying the topology would do. With a cluster (a kubeconfig is found, --offline not "
                    + "given): every object to create, update (with a diff), keep or delete, the Helm values changes, each "
                    + "change's disruption, and the doctor's checks as preflight. Without one: the resolved topology (with "
                    + "the values the profile filled in), the objects, the Helm values, resource totals and, when capacity "
                    + "is declared, where every pod would be placed.",
            "Exits 3 when the preflight finds an error, or a pod cannot be placed on the declared capacity."
        })
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TopologyOption topology;

    @Option(names = "--offline", description = "Read nothing from a cluster (also when no kubeconfig is found).")
    boolean offline;

    @Option(
            names = "--output-file",
            paramLabel = "FILE",
            description =
                    "Save the plan against the cluster, with the "
                            + "resourceVersions it was computed against, for signoz-ha deploy --plan FILE (JSON; holds no secret).")
    Path outputFile;

    @Option(names = "--out", paramLabel = "FILE", hidden = true, description = "Deprecated spelling of --output-file.")
    Path deprecatedOut;

    @Mixin
    KubeOptions kube;

    @Mixin
    HelmOption helm;

    @Mixin
    OutputOptions output;

    @Mixin
    TemplatesOption templates;

    @Override
    public Integer call() {
        Path out = DeprecatedSpelling.resolve(spec, outputFile, "--output-file", deprecatedOut, "--out");
        if (kube.namespace != null) {
            kube.requireAgreement(
                    TopologyLoader.load(topology.file.toString(), InputFiles.readText(topology.file))
                            .spec()
                            .namespace(),
                    topology.file.toString());
        }
        if (!offline && kube.cluster.configured()) {
            return live(out);
        }
        if (!offline) {
            spec.commandLine()
                    .getErr()
                    .println("no kubeconfig is configured (--kubeconfig, KUBECONFIG, ~/.kube/config): "
                            + "planning offline, without a cluster");
            spec.commandLine().getErr().flush();
        }
        if (out != null) {
            throw new SignozHaException(
                    ExitCode.BAD_INPUT,
                    "--output-file saves a plan against a cluster; none was found "
                            + (offline ? "(--offline)" : "(no kubeconfig)"));
        }
        PlanAction.OfflineResult plan = new PlanAction(templates.source()).offline(topology.file);
        String text = switch (output.format) {
            case json -> CanonicalYaml.json(plan.data());
            case yaml -> CanonicalYaml.yaml(plan.data());
            case text -> plan.text(output.style());
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return plan.hasErrors() ? ExitCode.CHECKS_FAILED.code() : ExitCode.OK.code();
    }

    private int live(Path out) {
        Trace trace = SignozHaCommand.trace(spec);
        try (KubeGateway gateway = kube.cluster.open(spec)) {
            HelmCli helm = this.helm.helm(kube.cluster, trace);
            PlanAction.Planned planned = new PlanAction(templates.source())
                    .compute(
                            InputFiles.name(topology.file),
                            InputFiles.readText(topology.file),
                            Optional.empty(),
                            gateway,
                            helm);
            PlanAction.LiveResult result = planned.result();
            if (out != null) {
                AtomicFiles.write(out, CanonicalYaml.json(planned.save()));
                spec.commandLine()
                        .getErr()
                        .println("saved the plan to " + out + "; apply it with signoz-ha deploy --plan " + out);
            }
            String text = switch (output.format) {
                case json -> CanonicalYaml.json(result.data());
                case yaml -> CanonicalYaml.yaml(result.data());
                case text -> result.text(output.style());
            };
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return result.hasErrors() ? ExitCode.CHECKS_FAILED.code() : ExitCode.OK.code();
        }
    }
}
