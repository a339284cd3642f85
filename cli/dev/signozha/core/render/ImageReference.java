package dev.signozha.core.render;

/** An image reference split the way Helm charts take it: registry, repository, tag. */
public record ImageReference(String registry, String repository, String tag) {

    private static final String DEFAULT_REGISTRY = "docker.io";

    /** Splits repository:tag or registry/repository:tag; a first part with '.' or ':' (or localhost) is a registry. */
    public static ImageReference parse(String image) {
        int colon = image.lastIndexOf(':');
        String name = image.substring(0, colon);
        String tag = image.substring(colon + 1);
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
            return new ImageReference(first, name.substring(slash + 1), tag);
        }
        return new ImageReference(DEFAULT_REGISTRY, name, tag);
    }

    @Override
    public String toString() {
        return registry + "/" + repository + ":" + tag;
    }
}
