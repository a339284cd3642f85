package dev.signozha.core.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The JSON Schema of the topology file. {@link #generate()} derives it from the {@link Topology} records;
 * {@link #bundled()} reads the copy shipped in the jar (schema/topology.schema.json), which a test keeps
 * equal to the generated one so that loading never pays for generation.
 */
public final class TopologySchema {

    public static final String RESOURCE = "schema/topology.schema.json";
    /** Numbers written unquoted as quantities stay below 2^60 (1Ei); larger ones are typos. */
    private static final long MAX_QUANTITY = 1L << 60;

    private static final String SCHEMA_ID = "https://signoz-ha.dev/schema/topology-v1.json";

    private TopologySchema() {}

    /** Generates the schema from the model. */
    public static ObjectNode generate() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                        new ObjectMapper(), SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(
                        JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                        JacksonOption.RESPECT_JSONPROPERTY_ORDER,
                        JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.NULLABLE_FIELDS_BY_DEFAULT)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forTypesInGeneral()
                .withCustomDefinitionProvider((type, context) -> type.getErasedType() == KubeQuantity.class
                        ? new CustomDefinition(
                                quantitySchema(context.getGeneratorConfig().getObjectMapper()))
                        : null);
        config.forFields()
                .withStringPatternResolver(
                        field -> format(field).map(Format::pattern).orElse(null))
                .withStringMaxLengthResolver(
                        field -> format(field).map(Format::maxLength).orElse(null))
                .withTitleResolver(field -> format(field).map(Format::title).orElse(null))
                .withNumberInclusiveMinimumResolver(field ->
                        bound(field).map(b -> BigDecimal.valueOf(b.min())).orElse(null))
                .withNumberInclusiveMaximumResolver(field ->
                        bound(field).map(b -> BigDecimal.valueOf(b.max())).orElse(null))
                .withEnumResolver(TopologySchema::constants)
                .withNullableCheck(field -> false);
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(Topology.class);
        ObjectNode root = schema.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", SCHEMA_ID);
        root.put("title", "signoz-ha Topology");
        root.put(
                "description",
                "One topology file renders every SigNoz HA component; see examples/ in the signoz-ha repository.");
        root.setAll(schema);
        return root;
    }

    /** The schema shipped in the jar. */
    public static JsonNode bundled() {
        try (InputStream in = TopologySchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode quantitySchema(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.putArray("type").add("string").add("number");
        node.put("title", Format.QUANTITY.title());
        node.put("pattern", Format.QUANTITY.pattern());
        node.put("maxLength", Format.QUANTITY.maxLength());
        node.put("minimum", 0);
        node.put("maximum", MAX_QUANTITY);
        return node;
    }

    private static Optional<Format> format(FieldScope field) {
        return Optional.ofNullable(field.getAnnotationConsideringFieldAndGetter(ValueFormat.class))
                .map(ValueFormat::value);
    }

    private static Optional<Bounds> bound(FieldScope field) {
        return Optional.ofNullable(field.getAnnotationConsideringFieldAndGetter(Bounds.class));
    }

    private static List<String> constants(FieldScope field) {
        if (field.getDeclaringType().getErasedType() != Topology.class) {
            return null;
        }
        return switch (field.getName()) {
            case "apiVersion" -> List.of(Topology.API_VERSION);
            case "kind" -> List.of(Topology.KIND);
            default -> null;
        };
    }
}
