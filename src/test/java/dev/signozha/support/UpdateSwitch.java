package dev.signozha.support;

/**
 * The explicit switches that let a test rewrite a checked-in file from the current output instead of comparing
 * with it: {@code -Dgolden.update=true} for the golden files, {@code -Dschema.update=true} for the shipped
 * schema. A switch is refused when the environment has {@code CI} set: a CI run that rewrote what it checks would
 * pass whatever the output, so it fails loudly instead.
 */
public enum UpdateSwitch {
    GOLDEN("golden.update"),
    SCHEMA("schema.update");

    private final String property;

    UpdateSwitch(String property) {
        this.property = property;
    }

    /** Whether this switch is on; throws when it is on in CI. */
    public boolean on() {
        return on(Boolean.getBoolean(property), System.getenv("CI"));
    }

    /** {@link #on()} for a given switch value and value of {@code CI} (null when unset). */
    boolean on(boolean requested, String ci) {
        if (requested && ci != null && !ci.isEmpty()) {
            throw new IllegalStateException("-D" + property + "=true refused: CI is set (CI=" + ci + "). Files are"
                    + " rewritten only on a developer's machine, where the diff is reviewed before it is committed.");
        }
        return requested;
    }

    /** The command line that rewrites what this switch covers, for messages. */
    public String command() {
        return "mvn test -D" + property + "=true";
    }
}
