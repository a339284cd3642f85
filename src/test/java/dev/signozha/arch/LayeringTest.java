package dev.signozha.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signozha.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pure core does no I/O and knows no adapters or CLI; commands stay thin. Checked on the import
 * lines (and a few fully-qualified names that are I/O without an import).
 */
class LayeringTest {

    private static final String PKG = "dev.signozha.";
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "core", List.of("io.fabric8.kubernetes.client", "java.sql", "picocli", "java.nio.file", "java.net",
                    PKG + "actions", PKG + "commands", "ProcessBuilder", "System.getenv", "System.out", "System.err"),
            "checks", List.of("io.fabric8.kubernetes.client", "java.sql", "picocli", "java.nio.file", "java.net",
                    PKG + "actions", PKG + "commands", PKG + "cluster", "System.getenv", "System.out", "System.err"),
            "cluster", List.of("picocli", PKG + "checks", PKG + "actions", PKG + "commands", "System.out"),
            "actions", List.of("picocli", PKG + "commands", "System.out", "System.err"),
            "commands", List.of("io.fabric8.kubernetes.client", "java.sql", "System.exit", "System.out"));

    @Test
    void sources_respectTheLayerRules() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> layer : FORBIDDEN.entrySet()) {
            Path dir = Project.path("cli/dev/signozha/" + layer.getKey());
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    for (String forbidden : layer.getValue()) {
                        if (source.contains(forbidden)) {
                            violations.add(Project.root().relativize(file) + " uses " + forbidden);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
