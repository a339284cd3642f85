package dev.signozha.actions;

import dev.signozha.core.InvalidInputException;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.render.TemplateSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Templates from a directory given with --templates, laid out like templates/ in the repository.
 * A file the directory lacks falls back to the built-in one, so overriding one template means
 * copying one file.
 */
public final class DirectoryTemplates implements TemplateSource {

    private final Path root;
    private final TemplateSource fallback = new ClasspathTemplates();

    public DirectoryTemplates(Path root) {
        if (!Files.isDirectory(root)) {
            throw InvalidInputException.single(root.toString(), "--templates must name a directory");
        }
        this.root = root;
    }

    @Override
    public Optional<String> read(String path) {
        Path file = root.resolve(path);
        return Files.isRegularFile(file) ? Optional.of(InputFiles.readText(file)) : fallback.read(path);
    }

    @Override
    public String describe(String path) {
        Path file = root.resolve(path);
        return Files.isRegularFile(file) ? file.toString() : fallback.describe(path);
    }

    @Override
    public boolean isOverride(String path) {
        return Files.isRegularFile(root.resolve(path));
    }
}
