package dev.signozha.checks;

import java.util.List;
import java.util.Optional;

/** What running a check produced. */
public sealed interface Outcome {

    /** Healthy; {@code detail} may say what was looked at. */
    record Pass(String detail) implements Outcome {}

    /** Unhealthy, with at least one finding; at the check's severity unless {@code severity} says otherwise. */
    record Fail(List<Finding> findings, Optional<Severity> severity) implements Outcome {
        public Fail {
            if (findings.isEmpty()) {
                throw new IllegalArgumentException("a failed check needs a finding");
            }
        }

        public Fail(List<Finding> findings) {
            this(findings, Optional.empty());
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

    /** Pass when nothing was found, else fail with the findings at {@code severity} (a check with two levels). */
    static Outcome of(List<Finding> findings, String passDetail, Severity severity) {
        return findings.isEmpty() ? new Pass(passDetail) : new Fail(List.copyOf(findings), Optional.of(severity));
    }

    /** Pass when nothing was found, else fail with the findings. */
    static Outcome of(List<Finding> findings, String passDetail) {
        return findings.isEmpty() ? new Pass(passDetail) : new Fail(List.copyOf(findings));
    }
}
