package dev.signozha.core.plan;

import java.util.regex.Pattern;

/**
 * A glob over change paths: {@code *} is any text within one key, {@code [*]} any list item (by
 * position or by name), {@code **} anything, dots and items included.
 */
public record PathPattern(String glob, Pattern regex) {

    /** Compiles a glob such as {@code spec.configuration.clusters[*].layout.shardsCount}. */
    public static PathPattern of(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            if (glob.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (glob.startsWith("[*]", i)) {
                regex.append("\\[[^\\]]*\\]");
                i += 3;
            } else if (glob.charAt(i) == '*') {
                regex.append("[^.\\[\\]]*");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                i++;
            }
        }
        return new PathPattern(glob, Pattern.compile(regex.toString()));
    }

    /** Whether the whole path matches. */
    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
