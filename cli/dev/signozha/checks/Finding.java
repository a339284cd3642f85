package dev.signozha.checks;

import java.util.List;

/**
 * One thing a check found wrong: the objects involved ({@code Kind/namespace/name}) and what is wrong with them.
 * {@code hint} is this finding's own next step ("" for the check's hint); {@code suspects} are the findings (code
 * and object) that would be this one's likely cause if their checks found them; {@code causes} are the suspects
 * found, filled in once every check has run ({@link Causes}); {@code severity} is this finding's own when its
 * check's severity policy sets one (null: the check's).
 */
public record Finding(
        List<String> objects, String detail, String hint, List<Cause> suspects, List<Cause> causes, Severity severity) {

    /** Another check's finding named as the likely cause of this one: its code and the object it is about. */
    public record Cause(String code, String object) {

        @Override
        public String toString() {
            return code + " (" + object + ")";
        }
    }

    public Finding {
        objects = List.copyOf(objects);
        suspects = List.copyOf(suspects);
        causes = List.copyOf(causes);
    }

    public Finding(List<String> objects, String detail) {
        this(objects, detail, "", List.of(), List.of(), null);
    }

    public static Finding of(String detail, String... objects) {
        return new Finding(List.of(objects), detail);
    }

    /** This finding with its own next step. */
    public Finding withHint(String ownHint) {
        return new Finding(objects, detail, ownHint, suspects, causes, severity);
    }

    /** This finding, naming the findings that would be its cause. */
    public Finding suspecting(List<Cause> possibleCauses) {
        return new Finding(objects, detail, hint, possibleCauses, causes, severity);
    }

    Finding withCauses(List<Cause> found) {
        return new Finding(objects, detail, hint, suspects, found, severity);
    }

    /** This finding at {@code own} severity, whatever its check's. */
    public Finding withSeverity(Severity own) {
        return new Finding(objects, detail, hint, suspects, causes, own);
    }

    /** The hint to print: this finding's own, else its check's. */
    public String hint(CheckSpec spec) {
        return hint.isEmpty() ? spec.hint() : hint;
    }
}
