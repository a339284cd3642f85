package dev.signozha.actions;

import dev.signozha.core.plan.OfflinePlan;
import dev.signozha.core.plan.OfflinePlanner;
import dev.signozha.core.render.Renderer;
import dev.signozha.core.render.TemplateSource;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.TopologyLoader;
import java.nio.file.Path;

/** plan without a cluster: load, render, and lay out what an install would do. */
public final class PlanAction {

    private final TemplateSource templates;

    public PlanAction(TemplateSource templates) {
        this.templates = templates;
    }

    public OfflinePlan offline(Path topologyFile) {
        LoadedTopology loaded = TopologyLoader.load(topologyFile.toString(), InputFiles.readText(topologyFile));
        return OfflinePlanner.plan(loaded, new Renderer(templates).render(loaded.topology()));
    }
}
