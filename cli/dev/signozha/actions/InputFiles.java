package dev.signozha.actions;

import dev.signozha.core.InvalidInputException;
import dev.signozha.core.plan.SavedPlan;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.TopologyLoader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads input files a person points the tool at, turning every way they can be wrong into a clear exit 2. */
public final class InputFiles {

    /** Topology files are small; anything larger is a wrong file, not a topology. */
    public static final long TOPOLOGY_LIMIT = 1024 * 1024;
    /** Snapshots of large clusters run to tens of MiB. */
    public static final long SNAPSHOT_LIMIT = 512L * 1024 * 1024;

    private InputFiles() {}

    /** The file name {@code -} stands for standard input, as with kubectl and helm. */
    public static final String STDIN = "-";

    /** The topology file, read and loaded. */
    public static LoadedTopology topology(Path file) {
        return TopologyLoader.load(name(file), readText(file));
    }

    /** A plan saved with {@code plan --output-file}, read and parsed. */
    public static SavedPlan savedPlan(Path file) {
        return SavedPlan.parse(name(file), readText(file));
    }

    /** How messages name the file: {@code <stdin>} for {@code -}. */
    public static String name(Path file) {
        return isStdin(file) ? "<stdin>" : file.toString();
    }

    private static boolean isStdin(Path file) {
        return file.toString().equals(STDIN);
    }

    /** The UTF-8 text of a topology-sized file. */
    public static String readText(Path file) {
        return readText(file, TOPOLOGY_LIMIT);
    }

    /** The UTF-8 text of a file, refusing missing, unreadable, oversized, binary and empty files. */
    public static String readText(Path file, long limit) {
        String name = name(file);
        if (isStdin(file)) {
            return readStdin(limit);
        }
        if (!Files.exists(file)) {
            throw InvalidInputException.single(name, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw InvalidInputException.single(name, "is a directory, not a file");
        }
        try {
            long size = Files.size(file);
            if (size > limit) {
                throw InvalidInputException.single(
                        name,
                        String.format(
                                "is %.1f MiB; input files of this kind are " + "limited to %d MiB",
                                size / (1024.0 * 1024.0), limit / (1024 * 1024)));
            }
            return decode(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw InvalidInputException.single(name, "cannot be read: " + e.getMessage());
        }
    }

    private static String readStdin(long limit) {
        try {
            byte[] bytes = System.in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw InvalidInputException.single(
                        "<stdin>",
                        "is over " + limit / (1024 * 1024) + " MiB; input of " + "this kind is limited to that");
            }
            return decode("<stdin>", bytes);
        } catch (IOException e) {
            throw InvalidInputException.single("<stdin>", "cannot be read: " + e.getMessage());
        }
    }

    private static String decode(String name, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw InvalidInputException.single(name, "is a binary file (a NUL byte at offset " + i + "), not YAML");
            }
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                throw InvalidInputException.single(name, "the file is empty: expected a YAML document");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw InvalidInputException.single(name, "is not UTF-8 text");
        }
    }
}
