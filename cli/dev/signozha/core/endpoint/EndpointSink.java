package dev.signozha.core.endpoint;

import java.util.ArrayList;
import java.util.List;

/** Collects a component's endpoints: each address read, parsed here, or why it could not be. */
final class EndpointSink {

    private final List<ClickHouseEndpoint> endpoints = new ArrayList<>();
    private final List<UnreadableEndpoint> unreadable = new ArrayList<>();

    /** An address read from {@code source}; {@code cluster} may be null. */
    void address(String source, String value, String cluster) {
        Dsn.Result parsed = Dsn.parse(value);
        if (!parsed.readable()) {
            unreadable.add(new UnreadableEndpoint(source, Dsn.shown(value), parsed.unreadable()));
            return;
        }
        parsed.hosts()
                .forEach(host -> endpoints.add(new ClickHouseEndpoint(
                        source,
                        host.host(),
                        host.port(),
                        parsed.protocol(),
                        cluster == null || cluster.isBlank() ? null : cluster)));
    }

    void unreadable(UnreadableEndpoint endpoint) {
        unreadable.add(endpoint);
    }

    List<ClickHouseEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    List<UnreadableEndpoint> unreadableEndpoints() {
        return List.copyOf(unreadable);
    }
}
