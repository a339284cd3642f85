package dev.signozha.commands;

import dev.signozha.actions.DirectoryTemplates;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.render.TemplateSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --templates DIR: override built-in templates file by file. */
public final class TemplatesOption {

    @Option(
            names = "--templates",
            paramLabel = "DIR",
            description = "Directory laid out like templates/ whose files replace the built-in ones.")
    Path directory;

    TemplateSource source() {
        return directory == null ? new ClasspathTemplates() : new DirectoryTemplates(directory);
    }
}
