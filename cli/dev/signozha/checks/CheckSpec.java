package dev.signozha.checks;

/**
 * A check as data. {@code code} is stable forever (upper snake case, never reused) and names the
 * runbook (runbooks/CODE.md); {@code title} states the healthy condition ("one ClickHouse
 * installation serves the release"), as linkerd's checks do; {@code hint} is the one-line next step.
 */
public record CheckSpec(String code, String category, Severity severity, String title, String hint) {

    public CheckSpec {
        if (!code.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) {
            throw new IllegalArgumentException("check codes are UPPER_SNAKE_CASE: " + code);
        }
    }
}
