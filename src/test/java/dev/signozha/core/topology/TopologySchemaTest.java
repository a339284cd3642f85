package dev.signozha.core.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signozha.core.yaml.CanonicalYaml;
import dev.signozha.support.Project;
import dev.signozha.support.UpdateSwitch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TopologySchemaTest {

    private static final Path PUBLISHED = Project.path("schema/topology.schema.json");

    /**
     * The published schema is generated from the model. It ships, so only its own switch rewrites it
     * (-Dschema.update=true), never the goldens' one.
     */
    @Test
    void publishedSchema_equalsTheOneGeneratedFromTheModel() throws Exception {
        String generated = CanonicalYaml.json(TopologySchema.generate());
        if (UpdateSwitch.SCHEMA.on()) {
            Files.writeString(PUBLISHED, generated);
        }
        assertEquals(
                generated,
                Files.readString(PUBLISHED),
                "schema/topology.schema.json is stale; run " + UpdateSwitch.SCHEMA.command());
    }

    @Test
    void bundledSchema_isThePublishedOne() throws Exception {
        assertEquals(CanonicalYaml.json(TopologySchema.bundled()), Files.readString(PUBLISHED));
    }
}
