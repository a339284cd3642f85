package dev.signozha.core.yaml;

/** Builds the dotted key paths used in messages and source maps: {@code spec.capacity.nodePools[0].name}. */
public final class TreePath {

    private TreePath() {}

    public static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path one level up, or "" at the top. */
    public static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
