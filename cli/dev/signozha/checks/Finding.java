package dev.signozha.checks;

import java.util.List;

/** One thing a check found wrong: the objects involved ({@code Kind/namespace/name}) and what is wrong with them. */
public record Finding(List<String> objects, String detail) {

    public static Finding of(String detail, String... objects) {
        return new Finding(List.of(objects), detail);
    }
}
