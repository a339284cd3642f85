package dev.signozha.core.yaml;

import java.util.HashMap;
import java.util.Map;

/** Where each key path of a parsed document was written. */
public final class SourceMap {

    private final Map<String, Location> locations = new HashMap<>();

    void put(String path, Location location) {
        locations.putIfAbsent(path, location);
    }

    /** The location of the path, or of its nearest ancestor written in the file, or the document start. */
    public Location locate(String path) {
        String current = path;
        while (true) {
            Location found = locations.get(current);
            if (found != null) {
                return found;
            }
            if (current.isEmpty()) {
                return Location.UNKNOWN; // a tree built without a source
            }
            current = TreePath.parent(current);
        }
    }

    /** Whether the path was written in the file. */
    public boolean contains(String path) {
        return locations.containsKey(path);
    }
}
