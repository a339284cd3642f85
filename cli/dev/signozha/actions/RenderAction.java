package dev.signozha.actions;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.render.Renderer;
import dev.signozha.core.render.TemplateSource;
import dev.signozha.core.topology.ClickHouseMode;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.Topology;
import dev.signozha.core.topology.Topology.Spec;
import dev.signozha.core.yaml.CanonicalYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * render: writes values.yaml and manifests/ (with a kustomization.yaml) for GitOps. Each file is
 * written atomically, and manifests an earlier render wrote that the topology no longer produces are
 * removed, so a synced directory never keeps a stale object. Files the tool did not write are left alone.
 */
public final class RenderAction {

    static final String MARKER = "# Rendered by signoz-ha";

    private final TemplateSource templates;

    public RenderAction(TemplateSource templates) {
        this.templates = templates;
    }

    /** What a render wrote and removed. */
    public record Result(List<Path> written, List<Path> removed) {}

    public Result run(Path topologyFile, Path outDir) {
        LoadedTopology loaded = InputFiles.topology(topologyFile);
        refuseBundledMode(topologyFile, loaded.spec());
        RenderedRelease release = new Renderer(templates).render(loaded.topology());
        String header = MARKER + " from " + InputFiles.name(topologyFile.getFileName()) + " (topology "
                + loaded.topology().metadata().name() + "); re-render instead of editing.\n";
        try {
            Path manifestsDir = outDir.resolve("manifests");
            Files.createDirectories(manifestsDir);
            List<Path> written = new ArrayList<>();
            written.add(AtomicFiles.write(
                    outDir.resolve("values.yaml"),
                    header + helmHint(loaded.spec()) + CanonicalYaml.yaml(release.values())));
            for (Manifest manifest : release.manifests()) {
                written.add(AtomicFiles.write(
                        manifestsDir.resolve(manifest.fileName()), header + CanonicalYaml.yaml(manifest.body())));
            }
            written.add(AtomicFiles.write(
                    manifestsDir.resolve("kustomization.yaml"), header + kustomization(release.manifests())));
            return new Result(written, removeStale(manifestsDir, Set.copyOf(written)));
        } catch (IOException e) {
            throw new SignozHaException(ExitCode.BAD_INPUT, outDir + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * The bundled ClickHouse subchart takes its admin password only as a plain value, so values.yaml
     * would carry either the password or a placeholder that becomes the password when a person or a
     * GitOps tool applies the file. Neither may be written.
     */
    private static void refuseBundledMode(Path topologyFile, Spec spec) {
        if (spec.clickhouse().mode() != ClickHouseMode.BUNDLED) {
            return;
        }
        Topology.SecretRef secret = spec.clickhouse().passwordSecret();
        throw new SignozHaException(
                ExitCode.BAD_INPUT,
                topologyFile + ": spec.clickhouse.mode: bundled cannot be "
                        + "rendered for GitOps: the chart's ClickHouse subchart takes the admin password only as a plain "
                        + "value (clickhouse.password), so values.yaml would hold the password of Secret "
                        + secret.name() + "/" + secret.key()
                        + " or a placeholder that becomes it. Use mode: external, where "
                        + "the chart reads the password from the Secret, or `signoz-ha deploy`, which hands the Secret's "
                        + "value to Helm in a private file. Nothing was written.");
    }

    private static String helmHint(Spec spec) {
        return "# helm upgrade --install " + spec.release() + " " + spec.chart().name() + " --repo "
                + spec.chart().repository() + " --version " + spec.chart().version() + " -n " + spec.namespace()
                + " -f values.yaml\n";
    }

    private static String kustomization(List<Manifest> manifests) {
        String resources = manifests.stream().map(m -> "  - " + m.fileName()).collect(Collectors.joining("\n"));
        return "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:"
                + (manifests.isEmpty() ? " []\n" : "\n" + resources + "\n");
    }

    private static List<Path> removeStale(Path manifestsDir, Set<Path> keep) throws IOException {
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> files = Files.list(manifestsDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !keep.contains(f))
                    .sorted()
                    .toList()) {
                if (Files.readString(file, StandardCharsets.UTF_8).startsWith(MARKER)) {
                    Files.delete(file);
                    removed.add(file);
                }
            }
        }
        return removed;
    }
}
