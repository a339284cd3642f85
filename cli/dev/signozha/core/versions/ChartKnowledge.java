package dev.signozha.core.versions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.signozha.core.topology.ChartVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What signoz-ha knows of SigNoz chart versions: mandatory stops, renamed and removed values keys,
 * defaults whose meaning changed, and what each chart range ships. The facts live in
 * signoz-chart-versions.yaml beside this class, each with its source.
 */
public record ChartKnowledge(
        List<Stop> stops, List<Rename> renames, List<DefaultChange> defaults, List<Shipped> ships) {

    private static final String RESOURCE = "signoz-chart-versions.yaml";

    /** A chart an upgrade must install and verify before it goes past it. */
    public record Stop(String chart, String app, String why, String guide, String clickhouseAtLeast) {
        public ChartVersion version() {
            return ChartVersion.parse(chart);
        }
    }

    /** A values key that the chart stopped reading at {@code since}; {@code to} is null when nothing replaces it. */
    public record Rename(String from, String to, String since) {
        public ChartVersion sinceVersion() {
            return ChartVersion.parse(since);
        }
    }

    /** A default whose meaning changed at {@code since}. */
    public record DefaultChange(String key, String since, String was, String now, String why) {}

    /** What the charts from {@code since} on ship, until the next entry. */
    public record Shipped(String since, String clickhouse, String operator, String migrator) {
        public ChartVersion sinceVersion() {
            return ChartVersion.parse(since);
        }
    }

    /** The knowledge shipped with the tool, read once. */
    public static ChartKnowledge bundled() {
        return Bundled.KNOWLEDGE;
    }

    private static final class Bundled {
        static final ChartKnowledge KNOWLEDGE = load();
    }

    private static ChartKnowledge load() {
        try (InputStream in = ChartKnowledge.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper(new YAMLFactory())
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, ChartKnowledge.class)
                    .sorted();
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private ChartKnowledge sorted() {
        return new ChartKnowledge(
                stops.stream().sorted(Comparator.comparing(Stop::version)).toList(),
                List.copyOf(renames),
                List.copyOf(defaults),
                ships.stream()
                        .sorted(Comparator.comparing(Shipped::sinceVersion))
                        .toList());
    }

    /** What the given chart ships, when it is inside the known ranges. */
    public Optional<Shipped> shippedWith(ChartVersion chart) {
        Shipped found = null;
        for (Shipped shipped : ships) {
            if (shipped.sinceVersion().compareTo(chart) <= 0) {
                found = shipped;
            }
        }
        return Optional.ofNullable(found);
    }
}
