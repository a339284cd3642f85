package dev.signozha.core.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ClickHouse address as components write it: {@code tcp://host:port/?...}, {@code tcp://user:pass@host:port/db},
 * {@code clickhouse://...}, {@code http(s)://...}, {@code jdbc:clickhouse://...}, a host list
 * {@code tcp://a:9000,b:9000}, or the legacy scheme-less {@code host:port/?...}. Credentials are dropped here
 * and never kept: {@link #shown} is the only form of the value that leaves this class.
 */
public final class Dsn {

    /** One host of an address, with the port (the scheme's default when the address names none). */
    public record HostPort(String host, int port) {}

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://");
    private static final Map<String, Integer> DEFAULT_PORTS =
            Map.of("tcp", 9000, "clickhouse", 9000, "http", 8123, "https", 8443);
    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::(.*))?");
    private static final Pattern QUERY_SECRET = Pattern.compile("(?i)([?&](password|pass|pwd)=)[^&]*");

    private Dsn() {}

    /** The hosts of a value, or why it cannot be read (the reason never quotes the value). */
    public static Result parse(String value) {
        String text = value.strip().replaceFirst("^jdbc:", "");
        Matcher scheme = SCHEME.matcher(text);
        String protocol = scheme.lookingAt() ? scheme.group(1).toLowerCase(Locale.ROOT) : "tcp";
        if (!DEFAULT_PORTS.containsKey(protocol)) {
            return Result.unreadable("scheme " + protocol + ":// is not a ClickHouse protocol signoz-ha knows");
        }
        String rest = scheme.lookingAt() ? text.substring(scheme.end()) : text;
        String authority = rest.split("[/?#]", 2)[0];
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.isEmpty()) {
            return Result.unreadable("no host");
        }
        List<HostPort> hosts = new ArrayList<>();
        for (String part : authority.split(",", -1)) {
            Optional<HostPort> host = hostPort(part, DEFAULT_PORTS.get(protocol));
            if (host.isEmpty()) {
                return Result.unreadable(
                        part.contains("$")
                                ? "the host depends on a variable that has no value here"
                                : "\"" + part + "\" is not a host[:port]");
            }
            hosts.add(host.get());
        }
        return new Result(hosts, protocol.startsWith("http") ? "http" : "native", null);
    }

    private static Optional<HostPort> hostPort(String part, int defaultPort) {
        Matcher ipv6 = IPV6.matcher(part);
        if (ipv6.matches()) {
            return port(ipv6.group(2), defaultPort).map(port -> new HostPort(ipv6.group(1), port));
        }
        int colon = part.lastIndexOf(':');
        String host = colon < 0 ? part : part.substring(0, colon);
        if (!HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        return port(colon < 0 ? null : part.substring(colon + 1), defaultPort).map(port -> new HostPort(host, port));
    }

    private static Optional<Integer> port(String text, int defaultPort) {
        if (text == null) {
            return Optional.of(defaultPort);
        }
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }

    /** The value with user information and password parameters removed, for warnings. */
    public static String shown(String value) {
        String text = QUERY_SECRET.matcher(value).replaceAll("$1<redacted>");
        Matcher scheme = SCHEME.matcher(text);
        int start = scheme.lookingAt() ? scheme.end() : 0;
        int at = text.lastIndexOf('@');
        return at >= start ? text.substring(0, start) + text.substring(at + 1) : text;
    }

    /** Hosts and protocol ("native" or "http"), or the reason the value could not be read. */
    public record Result(List<HostPort> hosts, String protocol, String unreadable) {

        static Result unreadable(String reason) {
            return new Result(List.of(), null, reason);
        }

        public boolean readable() {
            return unreadable == null;
        }
    }
}
