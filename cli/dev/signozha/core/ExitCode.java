package dev.signozha.core;

/** The documented process exit codes; --help lists them from here. */
public enum ExitCode {
    OK(0, "success"),
    INTERNAL_ERROR(1, "internal error"),
    BAD_INPUT(2, "bad input (usage, invalid topology, unreadable file)"),
    CHECKS_FAILED(3, "checks found errors"),
    REFUSED(4, "refused (stale plan, disruption not allowed, needs --yes, target in use)"),
    LOCKED(5, "lock held by another run"),
    ROLLED_BACK(6, "operation failed and was rolled back"),
    NOT_ROLLED_BACK(7, "operation failed and was NOT rolled back"),
    CLUSTER_UNAVAILABLE(8, "cannot reach, or not allowed by, the cluster; nothing was changed");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
