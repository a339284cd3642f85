package dev.signozha.core.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;

/**
 * The one YAML and JSON writer for everything a person or a diff reads: keys sorted, fixed
 * indentation, strings that look like numbers or booleans quoted, so output is byte-stable.
 */
public final class CanonicalYaml {

    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CanonicalYaml() {}

    /** YAML text of a tree or a record, ending in a newline. */
    public static String yaml(Object value) {
        return write(YAML, value);
    }

    /** Indented JSON text of a tree or a record, ending in a newline. */
    public static String json(Object value) {
        return write(JSON, value) + "\n";
    }

    /** The tree form of a record, as the writers see it. */
    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            // Records become trees first, so their properties are sorted like every other mapping.
            return mapper.writeValueAsString(value instanceof JsonNode ? value : JSON.valueToTree(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
