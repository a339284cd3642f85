package dev.signozha.core.topology;

import dev.signozha.core.yaml.CanonicalYaml;
import dev.signozha.support.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopologySchemaTest {

    private static final Path PUBLISHED = Project.path("schema/topology.schema.json");

    /** The published schema is generated from the model; regenerate with -Dgolden.update=true. */
    @Test
    void publishedSchema_equalsTheOneGeneratedFromTheModel() throws Exception {
        String generated = CanonicalYaml.json(TopologySchema.generate());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(PUBLISHED, generated);
        }
        assertEquals(generated, Files.readString(PUBLISHED),
                "schema/topology.schema.json is stale; run mvn test -Dgolden.update=true");
    }

    @Test
    void bundledSchema_isThePublishedOne() throws Exception {
        assertEquals(CanonicalYaml.json(TopologySchema.bundled()), Files.readString(PUBLISHED));
    }
}
