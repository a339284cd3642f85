package dev.signozha;

import dev.signozha.support.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every bundled example and test topology, for tests that must cover them all. */
public final class Examples {

    private Examples() {}

    /** examples/*.yaml and src/test/resources/topologies/*.yaml, sorted. */
    public static List<Path> all() {
        List<Path> files = new ArrayList<>(list("examples"));
        files.addAll(list("src/test/resources/topologies"));
        return files;
    }

    /** Golden file stem of a topology: dev, production-2x2, legacy-chart-0.112... */
    public static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.yaml$", "");
    }

    /** The path as a user would type it from the repository root. */
    public static String relative(Path file) {
        return Project.root().relativize(file).toString();
    }

    private static List<Path> list(String dir) {
        try (Stream<Path> files = Files.list(Project.path(dir))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
