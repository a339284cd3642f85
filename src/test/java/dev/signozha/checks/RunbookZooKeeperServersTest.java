package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.actions.InputFiles;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.Renderer;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.TopologyLoader;
import dev.signozha.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ZOOKEEPER_QUORUM's Fix sets the server list by hand before scaling to 3, and says an upgrade rendering the same list
 * restarts no member: so the runbook must write it exactly as the tool renders it.
 */
class RunbookZooKeeperServersTest {

    private static final Pattern HEADLESS = Pattern.compile("(?m)^\\s*H=(\\S+)\\s*$");
    private static final Pattern SERVERS = Pattern.compile("ZOO_SERVERS=\"([^\"]+)\"");

    @Test
    void theServerListTheRunbookSets_isTheOneTheToolRenders() throws IOException {
        Path file = Project.path("examples/production-2x2.yaml");
        LoadedTopology loaded = TopologyLoader.load("examples/production-2x2.yaml", InputFiles.readText(file));
        ResourceNames names = new ResourceNames(loaded.spec());

        String runbook = Files.readString(Project.path("runbooks/ZOOKEEPER_QUORUM.md"))
                .replace("<zk>", names.zookeeper())
                .replace("<namespace>", loaded.spec().namespace());
        Matcher headless = HEADLESS.matcher(runbook);
        Matcher servers = SERVERS.matcher(runbook);
        headless.find();
        servers.find();

        assertEquals(rendered(loaded, names.zookeeper()), servers.group(1).replace("$H", headless.group(1)));
    }

    private static String rendered(LoadedTopology loaded, String statefulSet) {
        Manifest zookeeper = new Renderer(new ClasspathTemplates())
                .render(loaded.topology()).manifests().stream()
                        .filter(m -> m.kind().equals("StatefulSet") && m.name().equals(statefulSet))
                        .findFirst()
                        .orElseThrow();
        for (JsonNode env : zookeeper.body().at("/spec/template/spec/containers/0/env")) {
            if (env.path("name").asText().equals("ZOO_SERVERS")) {
                return env.path("value").asText();
            }
        }
        throw new AssertionError("no ZOO_SERVERS in " + zookeeper.id());
    }
}
