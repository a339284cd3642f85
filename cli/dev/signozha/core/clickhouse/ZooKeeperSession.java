package dev.signozha.core.clickhouse;

/** Whether a host has a working ZooKeeper session, and how that was learnt. */
public record ZooKeeperSession(State state, String detail) {

    /** UP: a session answers; DOWN: no session; NOT_CONFIGURED: the server has no ZooKeeper at all. */
    public enum State {
        UP,
        DOWN,
        NOT_CONFIGURED
    }
}
