package dev.signozha.actions;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that a reader sees the old content or the new, never half of it. Files are readable by all
 * (0644) like any file a command writes: none of them holds a secret, and GitOps tools read renders as another user.
 */
public final class AtomicFiles {

    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {}

    public static Path write(Path target, String content) {
        Path directory = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".signoz-ha-", ".tmp");
            if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temporary, READABLE_BY_ALL);
            }
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
