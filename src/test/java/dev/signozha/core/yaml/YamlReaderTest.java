package dev.signozha.core.yaml;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.InputProblem;
import dev.signozha.core.InvalidInputException;
import dev.signozha.support.HostileYaml;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YamlReaderTest {

    private static final String SOURCE = "topology.yaml";

    /** Line numbers on the right; columns are 1-based too. */
    private static final String NESTED = String.join(
            "\n",
            "# a comment line", // 1
            "spec:", // 2
            "  clickhouse:", // 3
            "    shards: 2", // 4
            "  pools:", // 5
            "    - name: general", // 6
            "      zones: [eu-1a, eu-1b]", // 7
            "    -   name: spare", // 8
            "  flow: [1, {key: value}]", // 9
            "");

    // ---- locations ----

    @Test
    void locate_nestedKeys_giveOneBasedLineAndColumnOfTheKey() {
        SourceMap map = YamlReader.readOne(SOURCE, NESTED).sourceMap();

        assertAll(
                () -> assertEquals(new Location(2, 1), map.locate("spec")),
                () -> assertEquals(new Location(3, 3), map.locate("spec.clickhouse")),
                () -> assertEquals(new Location(4, 5), map.locate("spec.clickhouse.shards")),
                () -> assertEquals(new Location(5, 3), map.locate("spec.pools")));
    }

    @Test
    void locate_blockListItems_giveThePositionOfEachItem() {
        SourceMap map = YamlReader.readOne(SOURCE, NESTED).sourceMap();

        assertAll(
                () -> assertEquals(new Location(6, 7), map.locate("spec.pools[0]")),
                () -> assertEquals(new Location(6, 7), map.locate("spec.pools[0].name")),
                () -> assertEquals(new Location(7, 7), map.locate("spec.pools[0].zones")),
                () -> assertEquals(new Location(8, 9), map.locate("spec.pools[1]")),
                () -> assertEquals(new Location(8, 9), map.locate("spec.pools[1].name")));
    }

    @Test
    void locate_flowListItems_giveThePositionOfEachItem() {
        SourceMap map = YamlReader.readOne(SOURCE, NESTED).sourceMap();

        assertAll(
                () -> assertEquals(new Location(7, 15), map.locate("spec.pools[0].zones[0]")),
                () -> assertEquals(new Location(7, 22), map.locate("spec.pools[0].zones[1]")),
                () -> assertEquals(new Location(9, 10), map.locate("spec.flow[0]")),
                () -> assertEquals(new Location(9, 13), map.locate("spec.flow[1]")),
                () -> assertEquals(new Location(9, 14), map.locate("spec.flow[1].key")));
    }

    static Stream<Arguments> unwrittenPaths() {
        return Stream.of(
                Arguments.of(
                        "a missing key under a written mapping points at the mapping",
                        "spec.clickhouse.replicas",
                        new Location(3, 3)),
                Arguments.of(
                        "a missing mapping and its child point at the grandparent",
                        "spec.zookeeper.storage.size",
                        new Location(2, 1)),
                Arguments.of(
                        "an index past the end of a list points at the list", "spec.pools[7].cpu", new Location(5, 3)),
                Arguments.of(
                        "a missing key in a list item points at the item", "spec.pools[1].count", new Location(8, 9)),
                Arguments.of(
                        "an index past the end of a flow list points at its key",
                        "spec.pools[0].zones[5]",
                        new Location(7, 7)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unwrittenPaths")
    void locate_pathNotInFile_givesNearestWrittenAncestor(String description, String path, Location expected) {
        SourceMap map = YamlReader.readOne(SOURCE, NESTED).sourceMap();

        assertFalse(map.contains(path), path + " is not written in the file");
        assertEquals(expected, map.locate(path));
    }

    @Test
    void contains_writtenAndUnwrittenPaths_areTold() {
        SourceMap map = YamlReader.readOne(SOURCE, NESTED).sourceMap();

        assertAll(
                () -> assertTrue(map.contains("spec.clickhouse.shards")),
                () -> assertTrue(map.contains("spec.pools[1].name")),
                () -> assertFalse(map.contains("spec.clickhouse.replicas")),
                () -> assertFalse(map.contains("spec.pools[2]")));
    }

    @Test
    void locate_keyContainingDots_isFoundExactly() {
        SourceMap map = YamlReader.readOne(SOURCE, "labels:\n  topology.kubernetes.io/zone: a\n")
                .sourceMap();

        assertEquals(new Location(2, 3), map.locate("labels.topology.kubernetes.io/zone"));
    }

    @Test
    void locate_pathWithoutAnyWrittenAncestor_givesTheDocumentStartAsDocumented() {
        // SourceMap.locate: "The location of the path, or of its nearest ancestor written in the file, or the document
        // start."
        SourceMap map = YamlReader.readOne(SOURCE, NESTED).sourceMap();

        Location located = map.locate("metadata.name");

        assertNotEquals(
                Location.UNKNOWN,
                located,
                "a top-level key missing from the file should be located at the document start (root mapping at 2:1), "
                        + "as SourceMap.locate documents; it has no position at all instead");
        assertTrue(
                located.line() >= 1 && located.line() <= 2, "document start expected on line 1 or 2, got " + located);
    }

    // ---- scalar typing ----

    static Stream<Arguments> scalars() {
        return Stream.of(
                Arguments.of("a plain integer is a number", "4", integer(4)),
                Arguments.of("a negative integer is a number", "-12", integer(-12)),
                Arguments.of("a double-quoted number stays text", "\"4\"", text("4")),
                Arguments.of("a single-quoted number stays text", "'4'", text("4")),
                Arguments.of("an explicit !!str tag makes text", "!!str 4", text("4")),
                Arguments.of("yes is true", "yes", bool(true)),
                Arguments.of("no is false", "no", bool(false)),
                Arguments.of("on is true", "on", bool(true)),
                Arguments.of("off is false", "off", bool(false)),
                Arguments.of("capitalised True is true", "True", bool(true)),
                Arguments.of("upper-case NO is false", "NO", bool(false)),
                Arguments.of("a quoted yes stays text", "\"yes\"", text("yes")),
                Arguments.of("YAML 1.1 octal 0755 is 493", "0755", integer(493)),
                Arguments.of("hexadecimal 0x1F is 31", "0x1F", integer(31)),
                Arguments.of("negative hexadecimal -0x1F is -31", "-0x1F", integer(-31)),
                Arguments.of("binary 0b101 is 5", "0b101", integer(5)),
                Arguments.of("underscores in 1_000 are dropped", "1_000", integer(1000)),
                Arguments.of(
                        "a 30-digit integer stays exact",
                        "123456789012345678901234567890",
                        new Expected("integer", "123456789012345678901234567890")),
                Arguments.of("1.5 is a decimal", "1.5", decimal("1.5")),
                Arguments.of("a decimal keeps its exact value", "0.1", decimal("0.1")),
                Arguments.of("~ is null", "~", nothing()),
                Arguments.of("null is null", "null", nothing()),
                Arguments.of("an empty value is null", "", nothing()),
                Arguments.of("plain words are text", "platform", text("platform")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalars")
    void read_scalar_hasItsYamlType(String description, String scalar, Expected expected) {
        JsonNode value =
                YamlReader.readOne(SOURCE, "value: " + scalar + "\n").root().get("value");

        switch (expected.kind()) {
            case "integer" -> {
                assertTrue(
                        value.isIntegralNumber(),
                        () -> scalar + " should be a whole number, got " + value.getNodeType() + " " + value);
                assertEquals(new BigInteger(expected.value()), value.bigIntegerValue());
            }
            case "decimal" -> {
                assertTrue(
                        value.isNumber() && !value.isIntegralNumber(),
                        () -> scalar + " should be a decimal, got " + value.getNodeType());
                assertEquals(
                        0,
                        new BigDecimal(expected.value()).compareTo(value.decimalValue()),
                        () -> scalar + " read as " + value.decimalValue());
            }
            case "text" -> {
                assertTrue(
                        value.isTextual(), () -> scalar + " should be text, got " + value.getNodeType() + " " + value);
                assertEquals(expected.value(), value.textValue());
            }
            case "boolean" -> {
                assertTrue(
                        value.isBoolean(),
                        () -> scalar + " should be a boolean, got " + value.getNodeType() + " " + value);
                assertEquals(Boolean.parseBoolean(expected.value()), value.booleanValue());
            }
            case "null" ->
                assertTrue(value.isNull(), () -> scalar + " should be null, got " + value.getNodeType() + " " + value);
            default -> throw new IllegalArgumentException(expected.kind());
        }
    }

    record Expected(String kind, String value) {}

    private static Expected integer(long value) {
        return new Expected("integer", Long.toString(value));
    }

    private static Expected decimal(String value) {
        return new Expected("decimal", value);
    }

    private static Expected text(String value) {
        return new Expected("text", value);
    }

    private static Expected bool(boolean value) {
        return new Expected("boolean", Boolean.toString(value));
    }

    private static Expected nothing() {
        return new Expected("null", null);
    }

    // ---- problems that still leave a tree ----

    @Test
    void readOne_duplicateKey_reportsBothLinesAndStillReturnsTheTree() {
        SourcedTree tree = YamlReader.readOne(SOURCE, "a: 1\nb: 2\na: 3\n");

        assertEquals(1, tree.problems().size(), () -> tree.problems().toString());
        InputProblem problem = tree.problems().get(0);
        assertAll(
                () -> assertEquals(SOURCE, problem.source()),
                () -> assertEquals(3, problem.line(), "the repeated key's own line"),
                () -> assertEquals(1, problem.column()),
                () -> assertEquals("a", problem.path()),
                () -> assertTrue(problem.message().contains("duplicate key 'a'"), problem.message()),
                () -> assertTrue(
                        problem.message().contains("line 1"),
                        () -> "first occurrence's line missing: " + problem.message()),
                () -> assertEquals(1, tree.root().get("a").intValue(), "the first value is kept"),
                () -> assertEquals(2, tree.root().get("b").intValue()));
    }

    @Test
    void readOne_nestedDuplicateKey_isLocatedByItsFullPath() {
        SourcedTree tree = YamlReader.readOne(SOURCE, "spec:\n  x: 1\n  y: 2\n  x: 3\n");

        assertEquals(1, tree.problems().size(), () -> tree.problems().toString());
        InputProblem problem = tree.problems().get(0);
        assertEquals(new InputProblem(SOURCE, 4, 3, "spec.x", "duplicate key 'x' (first written at line 2)"), problem);
        assertEquals(
                new Location(2, 3), tree.sourceMap().locate("spec.x"), "the source map keeps the first occurrence");
    }

    @Test
    void requireClean_treeWithProblems_throwsInvalidInput() {
        SourcedTree tree = YamlReader.readOne(SOURCE, "a: 1\na: 2\n");

        InvalidInputException thrown = assertThrows(InvalidInputException.class, tree::requireClean);

        assertEquals(tree.problems(), thrown.problems());
    }

    @Test
    void readOne_mergeKey_isReportedAndNotMerged() {
        SourcedTree tree = YamlReader.readOne(SOURCE, "base: &b {x: 1}\nchild:\n  <<: *b\n  y: 2\n");

        assertEquals(1, tree.problems().size(), () -> tree.problems().toString());
        InputProblem problem = tree.problems().get(0);
        assertAll(
                () -> assertEquals(3, problem.line()),
                () -> assertEquals("child", problem.path()),
                () -> assertTrue(problem.message().contains("merge keys"), problem.message()),
                () -> assertFalse(tree.root().get("child").has("x"), "the merge must not happen"));
    }

    static Stream<Arguments> customTags() {
        return Stream.of(
                Arguments.of("a custom tag on a scalar", "value: !foo text\n"),
                Arguments.of("a custom tag on a mapping", "value: !foo {key: text}\n"),
                Arguments.of("a custom tag on a list", "value: !foo [text]\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customTags")
    void readOne_customTag_isReportedAtTheValue(String description, String yaml) {
        SourcedTree tree = YamlReader.readOne(SOURCE, yaml);

        assertEquals(
                1,
                tree.problems().size(),
                () -> description + " must be reported as a problem; problems were " + tree.problems() + ", tree "
                        + tree.root());
        InputProblem problem = tree.problems().get(0);
        assertEquals("value", problem.path());
        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("custom YAML tag '!foo'"), problem.message());
    }

    // ---- documents ----

    @Test
    void readAll_severalDocuments_readsEachNonEmptyOneWithItsOwnLocations() {
        String stream = "a: 1\n---\nb: 2\n---\n# only a comment\n---\nc:\n  - x\n...\n";

        List<SourcedTree> documents = YamlReader.readAll(SOURCE, stream);

        assertEquals(3, documents.size(), "empty documents are skipped");
        assertAll(
                () -> assertEquals(1, documents.get(0).root().get("a").intValue()),
                () -> assertEquals(2, documents.get(1).root().get("b").intValue()),
                () -> assertEquals("x", documents.get(2).root().get("c").get(0).textValue()),
                () -> assertEquals(
                        new Location(1, 1), documents.get(0).sourceMap().locate("a")),
                () -> assertEquals(
                        new Location(3, 1),
                        documents.get(1).sourceMap().locate("b"),
                        "lines count from the stream start"),
                () -> assertEquals(
                        new Location(8, 5), documents.get(2).sourceMap().locate("c[0]")),
                () -> assertFalse(documents.get(1).sourceMap().contains("a"), "each document has its own source map"),
                () -> assertTrue(documents.stream().allMatch(document -> SOURCE.equals(document.source()))));
    }

    @Test
    void readAll_noDocument_givesAnEmptyList() {
        assertEquals(List.of(), YamlReader.readAll(SOURCE, "# nothing\n"));
    }

    static Stream<Arguments> noDocument() {
        return Stream.of(
                Arguments.of("an empty text", ""),
                Arguments.of("a comment only", "# only a comment\n"),
                Arguments.of("a lone document marker", "---\n"),
                Arguments.of("two empty documents", "---\n...\n---\n"),
                Arguments.of("a document that is just null", "~\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noDocument")
    void readOne_noDocument_throwsFileIsEmpty(String description, String text) {
        InvalidInputException thrown =
                assertThrows(InvalidInputException.class, () -> YamlReader.readOne(SOURCE, text));

        assertEquals(
                List.of(InputProblem.of(SOURCE, "the file is empty: expected a YAML document")), thrown.problems());
    }

    @Test
    void readOne_twoDocuments_throwsNamingTheCount() {
        InvalidInputException thrown =
                assertThrows(InvalidInputException.class, () -> YamlReader.readOne(SOURCE, "a: 1\n---\nb: 2\n"));

        assertEquals(1, thrown.problems().size());
        assertEquals(SOURCE, thrown.problems().get(0).source());
        assertTrue(
                thrown.getMessage().contains("holds 2 YAML documents; a topology file holds exactly one"),
                thrown.getMessage());
    }

    @Test
    void readOne_brokenSyntax_throwsWithTheParserPosition() {
        InvalidInputException thrown =
                assertThrows(InvalidInputException.class, () -> YamlReader.readOne(SOURCE, "a: 1\nb: c: d\n"));

        InputProblem problem = thrown.problems().get(0);
        assertAll(
                () -> assertEquals(1, thrown.problems().size()),
                () -> assertEquals(2, problem.line()),
                () -> assertEquals(5, problem.column()),
                () -> assertTrue(
                        problem.message().startsWith("not valid YAML: mapping values are not allowed here"),
                        problem.message()));
    }

    // ---- limits ----

    @Test
    void readOne_aliasBomb_isStoppedByTheAliasLimit() {
        String bomb = HostileYaml.aliasBomb(9, 9); // 9^9 values if expanded

        InvalidInputException thrown = assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThrows(InvalidInputException.class, () -> YamlReader.readOne(SOURCE, bomb)));

        assertEquals(1, thrown.problems().size());
        assertEquals(SOURCE, thrown.problems().get(0).source());
        assertTrue(thrown.getMessage().contains("aliases"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains(Integer.toString(YamlReader.MAX_ALIASES)), thrown.getMessage());
    }

    @Test
    void readOne_expansionWithinTheAliasLimit_isStoppedByTheValueLimit() {
        String bomb = HostileYaml.aliasBomb(10, 6); // 50 aliases, 10^5 values at the last level alone

        InvalidInputException thrown = assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThrows(InvalidInputException.class, () -> YamlReader.readOne(SOURCE, bomb)));

        assertTrue(thrown.getMessage().contains("more than " + YamlReader.MAX_NODES + " values"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("aliases"), thrown.getMessage());
    }

    @Test
    void readOne_fewAliases_areExpanded() {
        SourcedTree tree = YamlReader.readOne(SOURCE, "a: &x {k: 1}\nb: *x\n");

        assertEquals(1, tree.root().get("b").get("k").intValue());
        assertEquals(List.of(), tree.problems());
    }

    static Stream<Arguments> tooDeep() {
        return Stream.of(
                Arguments.of("lists nested 70 levels deep", "x: " + "[".repeat(70) + "]".repeat(70) + "\n"),
                Arguments.of("mappings nested 70 levels deep", HostileYaml.deepMappings(70)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooDeep")
    void readOne_nestingBeyondTheLimit_throwsNamingTheLimit(String description, String yaml) {
        InvalidInputException thrown =
                assertThrows(InvalidInputException.class, () -> YamlReader.readOne(SOURCE, yaml));

        assertEquals(1, thrown.problems().size());
        assertTrue(
                thrown.getMessage().contains("nested deeper than " + YamlReader.MAX_DEPTH + " levels"),
                () -> "expected YamlReader's own depth message, got: " + thrown.getMessage());
        assertFalse(
                thrown.getMessage().contains("not valid YAML"),
                () -> "deep YAML is valid YAML: " + thrown.getMessage());
    }

    @Test
    void readOne_nestingWithinTheLimit_isRead() {
        String yaml = "x: " + "[".repeat(60) + "1" + "]".repeat(60) + "\n";

        JsonNode node = YamlReader.readOne(SOURCE, yaml).root().get("x");
        for (int level = 1; level < 60; level++) {
            node = node.get(0);
        }

        assertEquals(1, node.get(0).intValue());
    }
}
