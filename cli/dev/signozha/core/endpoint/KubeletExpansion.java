package dev.signozha.core.endpoint;

import java.util.Map;

/**
 * $(VAR) references expanded as the kubelet expands env values, command and args: {@code $$} is a literal
 * {@code $}, a reference to a variable the map lacks stays as written, and so does an unclosed {@code $(}.
 */
public final class KubeletExpansion {

    private KubeletExpansion() {}

    public static String expand(String input, Map<String, String> variables) {
        if (input == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c != '$' || i + 1 == input.length()) {
                out.append(c);
                i++;
            } else if (input.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (input.charAt(i + 1) == '(' && input.indexOf(')', i + 2) > 0) {
                int close = input.indexOf(')', i + 2);
                String name = input.substring(i + 2, close);
                String value = variables.get(name);
                out.append(value != null ? value : input.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
