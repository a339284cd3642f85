package dev.signozha.core.schedule;

/** How many pods of some kind are bound in each domain of one topology key. */
final class DomainCounts {

    private final TopologyIndex.Domains domains;
    private final int[] counts;
    private int total;

    DomainCounts(TopologyIndex.Domains domains) {
        this.domains = domains;
        this.counts = new int[domains.count()];
    }

    /** Counts a pod bound to {@code node}; a node outside every domain counts for none. */
    void add(int node) {
        int domain = domains.of(node);
        if (domain >= 0) {
            counts[domain]++;
            total++;
        }
    }

    /** Whether the node has a domain for this key at all. */
    boolean covers(int node) {
        return domains.of(node) >= 0;
    }

    /** Whether a counted pod is in the node's domain. */
    boolean presentAt(int node) {
        int domain = domains.of(node);
        return domain >= 0 && counts[domain] > 0;
    }

    boolean isEmpty() {
        return total == 0;
    }
}
