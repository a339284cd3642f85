package dev.signozha.core.inventory;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.rbac.Permission;

/** Something needed objects the cluster did not let signoz-ha read; checks that meet it are skipped, naming it. */
public final class UnreadableException extends SignozHaException {

    private static final long serialVersionUID = 1L;
    private final transient Permission missing;

    public UnreadableException(Permission missing) {
        super(ExitCode.CLUSTER_UNAVAILABLE, "needs permission to " + missing + ", which the cluster refused");
        this.missing = missing;
    }

    public Permission missing() {
        return missing;
    }
}
