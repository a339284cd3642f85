package dev.signozha.support;

import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.render.TemplateSource;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The bundled templates with one of them edited, as a user's --templates directory would change it. */
public final class EditedTemplates implements TemplateSource {

    private final TemplateSource bundled = new ClasspathTemplates();
    private final String path;
    private final UnaryOperator<String> edit;

    public EditedTemplates(String path, UnaryOperator<String> edit) {
        this.path = path;
        this.edit = edit;
    }

    @Override
    public Optional<String> read(String template) {
        return bundled.read(template).map(text -> template.equals(path) ? edit.apply(text) : text);
    }

    @Override
    public String describe(String template) {
        return bundled.describe(template);
    }

    @Override
    public boolean isOverride(String template) {
        return template.equals(path);
    }
}
