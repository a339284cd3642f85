package dev.signozha.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.yaml.YamlReader;
import org.junit.jupiter.api.Test;

class TreeTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode fill(String template, String variablesJson) throws Exception {
        return TreeTemplate.fill(
                YamlReader.readOne("t.yaml", template), new Variables((ObjectNode) JSON.readTree(variablesJson)));
    }

    @Test
    void wholeScalar_isReplacedByTheTypedValue() throws Exception {
        JsonNode filled = fill("a: ${n}\nb: ${list}\nc: ${map}\n", "{\"n\":3,\"list\":[1,2],\"map\":{\"k\":\"v\"}}");
        assertEquals(JSON.readTree("{\"a\":3,\"b\":[1,2],\"c\":{\"k\":\"v\"}}"), filled);
    }

    @Test
    void nullVariable_removesItsKeyAndListItem() throws Exception {
        JsonNode filled = fill("a: ${x}\nb: [1, \"${x}\", 2]\nc: kept\n", "{\"x\":null}");
        assertEquals(JSON.readTree("{\"b\":[1,2],\"c\":\"kept\"}"), filled);
    }

    @Test
    void variableInsideText_andInAKey_isInterpolated() throws Exception {
        JsonNode filled = fill("${u}/profile: \"${ns}/${s}/key\"\n", "{\"u\":\"admin\",\"ns\":\"p\",\"s\":\"creds\"}");
        assertEquals("p/creds/key", filled.path("admin/profile").asText());
    }

    @Test
    void escapedVariable_isWrittenLiterally() throws Exception {
        assertEquals("${HOME}/x", fill("a: $${HOME}/x\n", "{}").path("a").asText());
    }

    @Test
    void unknownVariable_isLocatedWithASuggestion() {
        InvalidInputException error = assertThrows(
                InvalidInputException.class,
                () -> fill("outer:\n  inner: ${zookeper.replicas}\n", "{\"zookeeper\":{\"replicas\":3}}"));
        assertEquals(
                "t.yaml:2:3 outer.inner: unknown variable ${zookeper.replicas}, did you mean 'zookeeper.replicas'?",
                error.problems().get(0).toString());
    }

    @Test
    void listInsideText_isAnError() {
        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> fill("a: x-${l}\n", "{\"l\":[1]}"));
        assertTrue(error.getMessage().contains("is a list and cannot be part of a text"));
    }
}
