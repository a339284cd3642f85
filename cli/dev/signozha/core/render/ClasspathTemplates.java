package dev.signozha.core.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The templates shipped in the jar under templates/. */
public final class ClasspathTemplates implements TemplateSource {

    private static final String ROOT = "templates/";

    @Override
    public Optional<String> read(String path) {
        try (InputStream in = ClasspathTemplates.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe(String path) {
        return ROOT + path;
    }
}
