package dev.signozha.core.topology;

/** Named string formats of the topology file, each with the rule a person reads when a value breaks it. */
public enum Format {
    DNS_1123_LABEL(
            "DNS-1123 label",
            "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
            63,
            "lower-case letters, digits and '-', starting and ending with a letter or digit"),
    DNS_1035_LABEL(
            "DNS-1035 label",
            "^[a-z]([-a-z0-9]*[a-z0-9])?$",
            63,
            "lower-case letters, digits and '-', starting with a letter and ending with a letter or digit"),
    DNS_1123_SUBDOMAIN(
            "DNS-1123 subdomain",
            "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
            253,
            "dot-separated DNS-1123 labels"),
    IDENTIFIER(
            "ClickHouse identifier",
            "^[A-Za-z_][A-Za-z0-9_-]*$",
            63,
            "letters, digits, '_' and '-', not starting with a digit"),
    SEMVER(
            "semantic version",
            "^v?[0-9]{1,6}\\.[0-9]{1,6}\\.[0-9]{1,6}(-[0-9A-Za-z.-]+)?$",
            64,
            "MAJOR.MINOR.PATCH, e.g. 0.131.0"),
    IMAGE(
            "image reference",
            "^([a-z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._/-][a-z0-9]+)*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$",
            255,
            "[registry/]repository:tag with an explicit tag, e.g. clickhouse/clickhouse-server:25.12.5"),
    QUANTITY(
            "Kubernetes quantity",
            "^[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+|[KMGTPE]i|[mkMGTPE])?$",
            64,
            "a number with an optional suffix, e.g. 500m, 4, 16Gi, 1Ti");

    private final String title;
    private final String pattern;
    private final int maxLength;
    private final String rule;

    Format(String title, String pattern, int maxLength, String rule) {
        this.title = title;
        this.pattern = pattern;
        this.maxLength = maxLength;
        this.rule = rule;
    }

    public String title() {
        return title;
    }

    public String pattern() {
        return pattern;
    }

    public int maxLength() {
        return maxLength;
    }

    public String rule() {
        return rule;
    }

    /** Whether a value matches the format (pattern and length). */
    public boolean matches(String value) {
        return value.length() <= maxLength && value.matches(pattern);
    }

    /** The format whose schema title is the given text, if any. */
    public static java.util.Optional<Format> byTitle(String title) {
        for (Format format : values()) {
            if (format.title.equals(title)) {
                return java.util.Optional.of(format);
            }
        }
        return java.util.Optional.empty();
    }
}
