package dev.signozha.actions;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file so that a reader sees the old content or the new, never half of it. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static Path write(Path target, String content) {
        Path directory = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".signoz-ha-", ".tmp");
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return target;
        } catch (IOException e) {
            throw new SignozHaException(ExitCode.BAD_INPUT, target + ": cannot write: " + e.getMessage(), e);
        }
    }
}
