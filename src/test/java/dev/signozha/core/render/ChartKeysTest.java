package dev.signozha.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.Examples;
import dev.signozha.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every values key the renderer sets must be read by the templates of the chart it targets: a key no
 * template reads is silently ignored by Helm. The lists (src/test/resources/chart-keys) are the
 * {@code .Values} paths in the SigNoz chart's templates and its clickhouse and zookeeper subcharts', not
 * the keys their values.yaml files happen to list: the clickhouse subchart renders
 * {@code clickhouse.resources} whole although its values.yaml lists only requests.
 */
class ChartKeysTest {

    static List<Path> topologies() {
        return Examples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    void render_everyValuesKey_isReadByTheChartTemplates(Path file) throws IOException {
        RenderedRelease release = RendererTest.render(file);
        Set<String> read = templateReads(release.chartVersion().usesTelemetryStoreMigrator() ? "0.131.0" : "0.112.1");
        List<String> leaves = new ArrayList<>();
        collect(release.values(), "", leaves);
        List<String> unread =
                leaves.stream().filter(leaf -> !isRead(leaf, read)).toList();
        assertEquals(List.of(), unread, "values keys no chart template reads");
    }

    /** A path is read when a template reads it or one of its ancestors (toYaml, with, range). */
    static boolean isRead(String leaf, Set<String> read) {
        for (String path = leaf;
                !path.isEmpty();
                path = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "") {
            if (read.contains(path)) {
                return true;
            }
        }
        return false;
    }

    static Set<String> templateReads(String chartVersion) throws IOException {
        Path path = Project.path("src/test/resources/chart-keys/template-reads-signoz-" + chartVersion + ".txt");
        return Files.readAllLines(path).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static void collect(JsonNode node, String path, List<String> leaves) {
        if (node.isObject() && node.size() > 0) {
            node.properties()
                    .forEach(f -> collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), leaves));
        } else {
            leaves.add(path);
        }
    }
}
