package dev.signozha.core.migration;

import dev.signozha.core.inventory.Redaction;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a schema migration failed, read from the failed container's log tail and, for a distributed-DDL timeout,
 * from the ClickHouse servers' own log lines. The distributed-DDL failures seen in the field get their own cause,
 * since each has its own fix; anything else is the migrator's last error line. Pure.
 */
public record MigratorFailure(Cause cause, String evidence) {

    /** What went wrong, most specific first. */
    public enum Cause {
        /**
         * A server did not recognise itself in the DDL task's host list, so ON CLUSTER tasks hang until it restarts
         * (ClickHouse 25.8 to 26.2, ClickHouse#89693); the migrator sees it as code 159.
         */
        NO_LOCAL_ADDRESS(true, "a ClickHouse server does not find itself in the DDL task's host list"),
        /** A host did not run an ON CLUSTER statement within distributed_ddl_task_timeout (code 159). */
        DDL_TIMEOUT(true, "distributed DDL timed out (code 159)"),
        /** Two servers share one replica name in ZooKeeper (code 253). */
        REPLICA_ALREADY_EXISTS(true, "a replica of that name is already registered in ZooKeeper (code 253)"),
        /** The server is older than the migrator expects (code 115), the failure of SigNoz/charts#895. */
        UNKNOWN_SETTING(false, "ClickHouse is older than the migrator expects (code 115, unknown setting)"),
        /** Anything else: the last error line says what. */
        OTHER(false, "the migrator failed");

        private final boolean distributedDdl;
        private final String summary;

        Cause(boolean distributedDdl, String summary) {
            this.distributedDdl = distributedDdl;
            this.summary = summary;
        }

        /** Whether this is one of the distributed-DDL failures with their own runbook. */
        public boolean distributedDdl() {
            return distributedDdl;
        }

        public String summary() {
            return summary;
        }
    }

    private static final Pattern NO_LOCAL_ADDRESS = Pattern.compile("(?i)There is no (a )?local address in host list");
    private static final Pattern DDL_TIMEOUT =
            Pattern.compile("(?i)(code: 159\\b|TIMEOUT_EXCEEDED|is not finished on \\d+ of \\d+ hosts"
                    + "|executing longer than distributed_ddl_task_timeout)");
    private static final Pattern REPLICA_EXISTS = Pattern.compile("(?i)(REPLICA_ALREADY_EXISTS|code: 253\\b)");
    private static final Pattern UNKNOWN_SETTING = Pattern.compile("(?i)(code: 115\\b|Unknown setting)");
    private static final Pattern ERROR_LINE = Pattern.compile("(?i)(error|failed|exception|code: \\d+)");
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(\\w+://[^:/@\\s\"]*:)([^@\\s\"]+)(@)");
    private static final int EVIDENCE_LENGTH = 400;

    /**
     * Classifies a failed migration from {@code migratorLog} (the failed container's last lines) and
     * {@code serverLog} (lines of the ClickHouse servers' logs, empty when not read).
     */
    public static MigratorFailure classify(List<String> migratorLog, List<String> serverLog) {
        Optional<String> timeout = last(migratorLog, DDL_TIMEOUT);
        if (timeout.isPresent()) {
            return last(serverLog, NO_LOCAL_ADDRESS)
                    .or(() -> last(migratorLog, NO_LOCAL_ADDRESS))
                    .map(line -> failure(Cause.NO_LOCAL_ADDRESS, line))
                    .orElseGet(() -> failure(Cause.DDL_TIMEOUT, timeout.get()));
        }
        return last(migratorLog, REPLICA_EXISTS)
                .map(line -> failure(Cause.REPLICA_ALREADY_EXISTS, line))
                .or(() -> last(migratorLog, UNKNOWN_SETTING).map(line -> failure(Cause.UNKNOWN_SETTING, line)))
                .orElseGet(() -> failure(
                        Cause.OTHER,
                        last(migratorLog, ERROR_LINE)
                                .orElse(migratorLog.isEmpty() ? "(no log)" : migratorLog.get(migratorLog.size() - 1))));
    }

    /** {@code summary: evidence}, one line. */
    public String describe() {
        return cause.summary() + ": " + evidence;
    }

    private static Optional<String> last(List<String> lines, Pattern pattern) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (pattern.matcher(lines.get(i)).find()) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    private static MigratorFailure failure(Cause cause, String line) {
        return new MigratorFailure(cause, shorten(redact(line.strip())));
    }

    /** The migrator logs its DSN, password included: never let one through. */
    static String redact(String line) {
        Matcher matcher = PASSWORD_IN_URL.matcher(line);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String password = matcher.group(2).startsWith("$(") ? matcher.group(2) : Redaction.REDACTED;
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + password + matcher.group(3)));
        }
        return matcher.appendTail(out).toString();
    }

    private static String shorten(String line) {
        return line.length() <= EVIDENCE_LENGTH ? line : line.substring(0, EVIDENCE_LENGTH) + " ...";
    }
}
