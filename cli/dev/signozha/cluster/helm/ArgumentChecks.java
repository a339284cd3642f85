package dev.signozha.cluster.helm;

import java.time.Duration;
import java.util.regex.Pattern;

/** Checks on what becomes a helm argument, so no value can be mistaken for a flag. */
final class ArgumentChecks {

    /** A DNS-1123 label: what Kubernetes accepts as a namespace and helm as a release name. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private static final int MAX_RELEASE = 53;
    private static final int MAX_NAMESPACE = 63;

    private ArgumentChecks() {}

    static void requireReleaseName(String release) {
        requireLabel("release name", release, MAX_RELEASE);
    }

    static void requireNamespace(String namespace) {
        requireLabel("namespace", namespace, MAX_NAMESPACE);
    }

    static void requireToken(String what, String value) {
        if (value == null || value.isBlank() || value.startsWith("-")) {
            throw new IllegalArgumentException(
                    what + " must be non-blank and must not start with '-': '" + value + "'");
        }
    }

    static void requirePositive(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    private static void requireLabel(String what, String value, int max) {
        if (value == null || value.length() > max || !LABEL.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    what + " must be a DNS-1123 label of at most " + max + " characters: '" + value + "'");
        }
    }
}
