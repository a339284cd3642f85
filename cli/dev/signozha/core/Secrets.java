package dev.signozha.core;

import java.util.regex.Pattern;

/** Recognises names that hold secrets, so their values are never echoed, logged or stored. */
public final class Secrets {

    private static final Pattern SENSITIVE = Pattern.compile(
            "(?i).*(password|passwd|secret|token|credential|private|dsn).*|(?i)(.*[_.-])?(api)?key([_.-].*)?");

    private Secrets() {}

    /** Whether a key, env var or path names something secret (PASSWORD, TOKEN, KEY, SECRET, DSN...). */
    public static boolean isSensitiveName(String name) {
        return SENSITIVE.matcher(name).matches();
    }
}
