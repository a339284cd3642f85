package dev.signozha.core.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** upgrade --chart-version is held to the rules the file's own spec.chart.version meets. */
class ChartVersionOverrideTest {

    private static LoadedTopology production() throws Exception {
        return TopologyLoader.load("production-2x2.yaml", Files.readString(Path.of("examples/production-2x2.yaml")));
    }

    @Test
    void aSupportedVersion_replacesTheFilesOne() throws Exception {
        assertEquals(
                "0.132.0",
                production()
                        .withChartVersion("0.132.0", "--chart-version")
                        .spec()
                        .chart()
                        .version());
    }

    @Test
    void aVersionThatIsNotSemantic_isBadInputNamingTheOption() throws Exception {
        InvalidInputException bad = assertThrows(
                InvalidInputException.class, () -> production().withChartVersion("latest", "--chart-version"));
        assertTrue(bad.getMessage().contains("--chart-version"), bad.getMessage());
        assertTrue(bad.getMessage().contains("'latest' is not a valid semantic version"), bad.getMessage());
    }

    @Test
    void aVersionOlderThanSupported_isBadInputWithTheRulesMessage() throws Exception {
        InvalidInputException old = assertThrows(
                InvalidInputException.class, () -> production().withChartVersion("0.50.0", "--chart-version"));
        assertTrue(old.getMessage().contains("charts before 0.74.0"), old.getMessage());
    }
}
