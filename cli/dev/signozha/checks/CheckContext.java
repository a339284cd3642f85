package dev.signozha.checks;

import java.util.Optional;

/**
 * What every check receives: the Kubernetes objects as read (absent when only ClickHouse was reachable),
 * the topology the cluster should have when known, and what ClickHouse itself said.
 */
public record CheckContext(
        Optional<ClusterView> kubernetes, Optional<Intended> intended, ClickHouseEvidence clickhouse) {

    /** A context with Kubernetes objects and no look inside ClickHouse. */
    public CheckContext(ClusterView view, Optional<Intended> intended) {
        this(Optional.of(view), intended, ClickHouseEvidence.absent("ClickHouse was not queried"));
    }

    public ClusterView view() {
        return kubernetes.orElseThrow(() -> new IllegalStateException("no Kubernetes objects were read"));
    }

    public String source() {
        return kubernetes
                .map(v -> v.inventory().source())
                .orElseGet(() -> clickhouse.observation().map(o -> o.source()).orElse("nothing"));
    }

    public String namespace() {
        return kubernetes.map(ClusterView::namespace).orElse("");
    }
}
