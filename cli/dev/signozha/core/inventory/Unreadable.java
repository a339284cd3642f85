package dev.signozha.core.inventory;

import dev.signozha.core.rbac.Permission;
import java.util.AbstractList;

/**
 * The objects of a kind the cluster refused to list (403). Any use of them throws, naming the permission, so that
 * exactly the checks that look at this kind are skipped and every other one still runs.
 */
final class Unreadable<T> extends AbstractList<T> {

    private final Permission missing;

    Unreadable(Permission missing) {
        this.missing = missing;
    }

    @Override
    public T get(int index) {
        throw new UnreadableException(missing);
    }

    @Override
    public int size() {
        throw new UnreadableException(missing);
    }
}
