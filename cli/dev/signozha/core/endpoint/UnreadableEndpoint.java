package dev.signozha.core.endpoint;

/**
 * A place a component takes a ClickHouse address from that signoz-ha could not read: {@code shown} is the value
 * with credentials removed (or a description when there is no value to show), {@code reason} says why.
 */
public record UnreadableEndpoint(String source, String shown, String reason) {

    @Override
    public String toString() {
        return source + " (" + shown + "): " + reason;
    }
}
