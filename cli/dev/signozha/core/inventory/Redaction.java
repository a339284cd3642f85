package dev.signozha.core.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a snapshot must never carry: values of secret-looking env vars, config keys and ClickHouse user
 * passwords, and passwords inside DSNs. The SigNoz chart's published default password is replaced by a
 * marker of its own, so a snapshot still shows that the default is in use without repeating it.
 */
public final class Redaction {

    /** The SigNoz chart's default clickhouse.password, published in the chart's values.yaml. */
    public static final String CHART_DEFAULT_PASSWORD = "27ff0399-0d3a-4bd8-919d-17c2181e6fb9";

    public static final String REDACTED = "<redacted>";
    public static final String CHART_DEFAULT_MARKER = "<redacted:signoz-chart-default-password>";
    private static final Pattern DSN_PASSWORD = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@]*:)([^@/]+)(@.*)$");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("([?&]password=)([^&]*)");
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private Redaction() {}

    /** The chart default, or the marker a snapshot writes in its place. */
    public static boolean isChartDefaultPassword(String value) {
        return CHART_DEFAULT_PASSWORD.equals(value) || CHART_DEFAULT_MARKER.equals(value);
    }

    /** Whether a DSN carries a literal password (a $(VAR) reference is not one). */
    public static boolean hasInlinePassword(String dsn) {
        Matcher userInfo = DSN_PASSWORD.matcher(dsn);
        if (userInfo.matches() && isLiteral(userInfo.group(2))) {
            return true;
        }
        Matcher query = QUERY_PASSWORD.matcher(dsn);
        while (query.find()) {
            if (isLiteral(query.group(2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLiteral(String password) {
        return !password.isEmpty() && !password.startsWith("$(") && !password.startsWith("${");
    }

    /**
     * Whether a setting of this name holds a secret outright. DSNs and URLs are named like secrets but hold
     * an address; only the password inside them is secret (see {@link #hasInlinePassword}).
     */
    public static boolean isSecretSetting(String name) {
        return Secrets.isSensitiveName(name) && !name.endsWith("_DSN") && !name.endsWith("Url");
    }

    /** The value a snapshot stores for a named setting. */
    public static String value(String name, String value) {
        if (value == null) {
            return null;
        }
        if (isSecretSetting(name)) {
            return value.isEmpty() ? value : replacement(value);
        }
        return dsn(value);
    }

    private static String dsn(String value) {
        String redacted = value;
        Matcher userInfo = DSN_PASSWORD.matcher(redacted);
        if (userInfo.matches() && isLiteral(userInfo.group(2))) {
            redacted = userInfo.group(1) + replacement(userInfo.group(2)) + userInfo.group(3);
        }
        Matcher query = QUERY_PASSWORD.matcher(redacted);
        StringBuilder out = new StringBuilder();
        while (query.find()) {
            String password = isLiteral(query.group(2)) ? replacement(query.group(2)) : query.group(2);
            query.appendReplacement(out, Matcher.quoteReplacement(query.group(1) + password));
        }
        return query.appendTail(out).toString();
    }

    private static String replacement(String password) {
        return isChartDefaultPassword(password) ? CHART_DEFAULT_MARKER : REDACTED;
    }

    /** Redacts one object's tree in place: env values, args, ConfigMap data, CHI users, last-applied copies. */
    public static void redact(ObjectNode object) {
        JsonNode metadata = object.path("metadata");
        if (metadata instanceof ObjectNode meta) {
            meta.remove("managedFields");
            if (meta.path("annotations") instanceof ObjectNode annotations) {
                annotations.remove(LAST_APPLIED);
            }
        }
        if ("ConfigMap".equals(object.path("kind").asText()) && object.path("data") instanceof ObjectNode data) {
            redactFields(data);
        }
        if (object.path("spec").path("configuration").path("users") instanceof ObjectNode users) {
            redactFields(users);
        }
        walk(object);
    }

    private static void redactFields(ObjectNode settings) {
        List<String> names = new ArrayList<>();
        settings.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = settings.get(name);
            if (value.isTextual()) {
                settings.put(name, value(name, value.asText()));
            }
        }
    }

    /** Env lists anywhere (containers, init containers) and command-line arguments. */
    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("env") instanceof ArrayNode env) {
                for (JsonNode variable : env) {
                    if (variable instanceof ObjectNode entry
                            && entry.path("value").isTextual()) {
                        entry.put(
                                "value",
                                value(
                                        entry.path("name").asText(),
                                        entry.path("value").asText()));
                    }
                }
            }
            for (String list : List.of("args", "command")) {
                if (object.path(list) instanceof ArrayNode arguments) {
                    for (int i = 0; i < arguments.size(); i++) {
                        arguments.set(
                                i, object.textNode(argument(arguments.get(i).asText())));
                    }
                }
            }
            object.elements().forEachRemaining(Redaction::walk);
        } else if (node instanceof ArrayNode array) {
            array.forEach(Redaction::walk);
        }
    }

    private static String argument(String argument) {
        int equals = argument.indexOf('=');
        if (argument.startsWith("--") && equals > 0) {
            return argument.substring(0, equals + 1)
                    + value(argument.substring(2, equals), argument.substring(equals + 1));
        }
        return dsn(argument);
    }
}
