package dev.signozha.core.rbac;

/**
 * One thing RBAC allows: a verb on a resource of an API group ("" is the core group), in the release's namespace
 * or cluster-wide (a cluster-scoped kind, or a namespaced one across every namespace).
 */
public record Permission(String verb, String group, String resource, boolean clusterWide) {

    public static Permission namespaced(String verb, String group, String resource) {
        return new Permission(verb, group, resource, false);
    }

    public static Permission clusterWide(String verb, String group, String resource) {
        return new Permission(verb, group, resource, true);
    }

    /** "list nodes (apiGroup "", cluster-wide)", how skipped checks and errors name it. */
    @Override
    public String toString() {
        return verb + " " + resource + " (apiGroup \"" + group + "\", "
                + (clusterWide ? "cluster-wide" : "in the namespace") + ")";
    }
}
