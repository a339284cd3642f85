package dev.signozha.core.render;

import java.util.Optional;

/** Where templates come from: the jar, or a directory the user passed with --templates. */
public interface TemplateSource {

    /** The text of a template such as values/external.yaml, if this source has it. */
    Optional<String> read(String path);

    /** How messages name the template, e.g. templates/values/external.yaml. */
    String describe(String path);

    /** Whether the user supplied this template (--templates) instead of the tool's own. */
    default boolean isOverride(String path) {
        return false;
    }
}
