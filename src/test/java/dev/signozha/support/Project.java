package dev.signozha.support;

import java.nio.file.Path;

/** Paths inside the repository, wherever the tests run from. */
public final class Project {

    private Project() {}

    public static Path root() {
        return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
