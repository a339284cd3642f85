package dev.signozha.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.Examples;
import dev.signozha.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every values key the renderer sets must exist in the chart it targets (keys lists taken from the
 * SigNoz chart sources, src/test/resources/chart-keys). The lists stop at free-form mappings such as
 * zookeeper.resources.limits ({} by default), so a key below a listed leaf is accepted.
 */
class ChartKeysTest {

    static List<Path> topologies() {
        return Examples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    void render_everyValuesKey_existsInTheChart(Path file) throws IOException {
        RenderedRelease release = RendererTest.render(file);
        Set<String> known = chartKeys(release.chartVersion().usesTelemetryStoreMigrator()
                ? "signoz-0.131.0.txt" : "signoz-0.112.1.txt");
        List<String> leaves = new ArrayList<>();
        collect(release.values(), "", leaves);
        List<String> unknown = leaves.stream().filter(leaf -> !isKnown(leaf, known)).toList();
        assertEquals(List.of(), unknown, "values keys not in the chart");
    }

    private static boolean isKnown(String leaf, Set<String> known) {
        for (String path = leaf; !path.isEmpty(); path = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "") {
            if (known.contains(path)) {
                return true;
            }
        }
        return false;
    }

    static Set<String> chartKeys(String chartFile) throws IOException {
        Set<String> keys = new HashSet<>(read(chartFile));
        read("clickhouse-subchart-24.1.18.txt").forEach(key -> keys.add("clickhouse." + key));
        return keys;
    }

    private static List<String> read(String file) throws IOException {
        Path path = Project.path("src/test/resources/chart-keys/" + file);
        return Files.readAllLines(path).stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    private static void collect(JsonNode node, String path, List<String> leaves) {
        if (node.isObject() && node.size() > 0) {
            node.properties().forEach(f -> collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), leaves));
        } else {
            leaves.add(path);
        }
    }
}
