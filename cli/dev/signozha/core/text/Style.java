package dev.signozha.core.text;

/** ANSI styling for text a person reads; plain when colour is off (no terminal, NO_COLOR, --no-color). */
public record Style(boolean colour) {

    public static final Style PLAIN = new Style(false);

    public String green(String text) {
        return wrap("32", text);
    }

    public String red(String text) {
        return wrap("31", text);
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    public String dim(String text) {
        return wrap("2", text);
    }

    private String wrap(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
