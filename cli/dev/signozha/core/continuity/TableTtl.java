package dev.signozha.core.continuity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a table's {@link Retention} from its {@code CREATE TABLE} text as ClickHouse returns it
 * (system.tables.create_table_query): no table TTL, delete TTLs of {@code toIntervalUNIT(N)}, or SigNoz's per-row
 * {@code toIntervalDay(_retention_days)}, whose column default is the retention new rows get. Move TTLs
 * ({@code TO VOLUME}, {@code TO DISK}) keep the row and are skipped. With several delete TTLs the shortest wins, and a
 * month counts as 28 days: a retention read too short only narrows what the continuity rule protects, never makes it
 * fail where TTL could have deleted.
 */
public final class TableTtl {

    /** The table-level TTL comes after the sorting key; a column's own TTL sits inside the column list. */
    private static final Pattern TABLE_TTL =
            Pattern.compile("\\bORDER BY\\b.*?\\bTTL\\s+(.*?)(?:\\s+SETTINGS\\s.*)?$", Pattern.DOTALL);

    private static final Pattern INTERVAL =
            Pattern.compile("toInterval(Second|Minute|Hour|Day|Week|Month|Year)\\((\\w+)\\)");
    private static final Pattern MOVE = Pattern.compile("\\bTO\\s+(VOLUME|DISK)\\b");

    private TableTtl() {}

    /** The retention a {@code CREATE TABLE} statement declares. */
    public static Retention of(String createTable) {
        Matcher clause = TABLE_TTL.matcher(createTable.strip());
        if (!clause.find()) {
            return new Retention.Forever();
        }
        Duration shortest = null;
        for (String rule : topLevelItems(clause.group(1))) {
            if (MOVE.matcher(rule).find()) {
                continue;
            }
            Optional<Duration> ttl = interval(rule, createTable);
            if (ttl.isEmpty()) {
                return new Retention.Unreadable("TTL " + rule);
            }
            shortest = shortest == null || ttl.get().compareTo(shortest) < 0 ? ttl.get() : shortest;
        }
        return shortest == null ? new Retention.Forever() : new Retention.Expires(shortest);
    }

    /** The comma-separated rules of a TTL clause; commas inside parentheses or quotes belong to a rule. */
    private static List<String> topLevelItems(String clause) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < clause.length(); i++) {
            char c = clause.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                items.add(clause.substring(start, i).strip());
                start = i + 1;
            }
        }
        items.add(clause.substring(start).strip());
        return items;
    }

    private static Optional<Duration> interval(String rule, String createTable) {
        Matcher interval = INTERVAL.matcher(rule);
        if (!interval.find()) {
            return Optional.empty();
        }
        return amount(interval.group(2), createTable)
                .map(n -> unit(interval.group(1)).multipliedBy(n));
    }

    /** A literal, or a column whose {@code DEFAULT} literal is the value new rows get. */
    private static Optional<Long> amount(String token, String createTable) {
        if (token.matches("\\d+")) {
            return Optional.of(Long.parseLong(token));
        }
        Matcher column = Pattern.compile("(?<!\\w)`?" + Pattern.quote(token) + "`?\\s+\\w+\\s+DEFAULT\\s+(\\d+)")
                .matcher(createTable);
        return column.find() ? Optional.of(Long.parseLong(column.group(1))) : Optional.empty();
    }

    private static Duration unit(String name) {
        return switch (name) {
            case "Second" -> Duration.ofSeconds(1);
            case "Minute" -> Duration.ofMinutes(1);
            case "Hour" -> Duration.ofHours(1);
            case "Day" -> Duration.ofDays(1);
            case "Week" -> Duration.ofDays(7);
            case "Month" -> Duration.ofDays(28);
            default -> Duration.ofDays(365);
        };
    }
}
