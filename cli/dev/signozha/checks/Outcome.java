package dev.signozha.checks;

import java.util.List;

/** What running a check produced. */
public sealed interface Outcome {

    /** Healthy; {@code detail} may say what was looked at. */
    record Pass(String detail) implements Outcome {}

    /** Unhealthy, with at least one finding. */
    record Fail(List<Finding> findings) implements Outcome {
        public Fail {
            if (findings.isEmpty()) {
                throw new IllegalArgumentException("a failed check needs a finding");
            }
        }
    }

    /** Not applicable here, or not decidable from what could be read; {@code reason} says which. */
    record Skip(String reason) implements Outcome {}

    static Outcome pass(String detail) {
        return new Pass(detail);
    }

    static Outcome skip(String reason) {
        return new Skip(reason);
    }

    /** Pass when nothing was found, else fail with the findings. */
    static Outcome of(List<Finding> findings, String passDetail) {
        return findings.isEmpty() ? new Pass(passDetail) : new Fail(List.copyOf(findings));
    }
}
