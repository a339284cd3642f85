package dev.signozha.core.text;

/** The one line of an underlying error a person needs: its first. */
public final class Messages {

    private Messages() {}

    /** The first line of {@code message}, or {@code whenAbsent} when there is no message at all. */
    public static String firstLine(String message, String whenAbsent) {
        return message == null ? whenAbsent : message.lines().findFirst().orElse(message);
    }
}
