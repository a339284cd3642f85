package dev.signozha.cluster.clickhouse;

/** A ClickHouse user and password; the password never appears in toString, logs or output. */
public final class Credentials {

    private final String user;
    private final String password;

    public Credentials(String user, String password) {
        this.user = user;
        this.password = password == null ? "" : password;
    }

    public String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public String toString() {
        return "user " + user + (password.isEmpty() ? " without a password" : " with a password");
    }
}
