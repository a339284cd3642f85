package dev.signozha.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.yaml.CanonicalYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The values file handed to helm, in a directory only this user can read (it may hold the bundled-mode
 * password), removed when closed, on every path.
 */
final class ValuesFiles implements AutoCloseable {

    private final Path directory;

    ValuesFiles() {
        try {
            directory = Files.createTempDirectory(
                    "signoz-ha-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new SignozHaException(
                    ExitCode.INTERNAL_ERROR, "cannot create a private temporary directory: " + e.getMessage(), e);
        }
    }

    /** Writes {@code values} as YAML to a file readable by this user only; returns its path. */
    Path write(String name, JsonNode values) {
        Path file = directory.resolve(name);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, CanonicalYaml.yaml(values));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory + ", which may hold a password", e);
        }
    }
}
