package dev.signozha.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files for everything a person reads. {@code mvn test -Dgolden.update=true} rewrites them
 * from the current output (refused in CI, see {@link UpdateSwitch}); review the diff before committing.
 */
public final class Golden {

    private static final Path ROOT = Project.path("src/test/resources/golden");

    private Golden() {}

    public static void assertMatches(String actual, String relativePath) {
        assertFile(actual, ROOT.resolve(relativePath));
    }

    /** The same for a file outside the golden folder (a fixture generated from code). */
    public static void assertFile(String actual, Path file) {
        try {
            if (UpdateSwitch.GOLDEN.on()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(file), "golden file " + file + " is missing; run " + UpdateSwitch.GOLDEN.command());
            assertEquals(
                    Files.readString(file, StandardCharsets.UTF_8),
                    actual,
                    "output differs from " + file + " (" + UpdateSwitch.GOLDEN.command() + " rewrites it)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
