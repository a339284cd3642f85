package dev.signozha.checks;

import java.util.List;

/**
 * One thing a check found wrong: the objects involved ({@code Kind/namespace/name}) and what is wrong with them.
 * {@code hint} is this finding's own next step ("" for the check's hint); {@code suspects} are objects whose
 * own finding, when another check has one, would be this one's likely cause; {@code causes} are those findings,
 * filled in once every check has run ({@link Causes}).
 */
public record Finding(List<String> objects, String detail, String hint, List<String> suspects, List<Cause> causes) {

    /** Another check's finding named as the likely cause of this one: its code and the object both share. */
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
        this(objects, detail, "", List.of(), List.of());
    }

    public static Finding of(String detail, String... objects) {
        return new Finding(List.of(objects), detail);
    }

    /** This finding with its own next step. */
    public Finding withHint(String ownHint) {
        return new Finding(objects, detail, ownHint, suspects, causes);
    }

    /** This finding, naming objects whose findings would be its cause. */
    public Finding suspecting(List<String> objectsToSuspect) {
        return new Finding(objects, detail, hint, objectsToSuspect, causes);
    }

    Finding withCauses(List<Cause> found) {
        return new Finding(objects, detail, hint, suspects, found);
    }

    /** The hint to print: this finding's own, else its check's. */
    public String hint(CheckSpec spec) {
        return hint.isEmpty() ? spec.hint() : hint;
    }
}
