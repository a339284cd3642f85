package dev.signozha.checks;

import java.util.Optional;

/** What every check receives: the cluster as read, and the topology it should have when known. */
public record CheckContext(ClusterView view, Optional<Intended> intended) {

    public String source() {
        return view.inventory().source();
    }

    public String namespace() {
        return view.namespace();
    }
}
