package dev.signozha.checks;

import com.fasterxml.jackson.annotation.JsonValue;

/** How bad a failed check is: errors fail doctor (exit 3), warnings only with --strict. */
public enum Severity {
    ERROR,
    WARNING;

    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
