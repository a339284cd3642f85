package dev.signozha.core.clickhouse;

/** The latest state of one SigNoz schema migration (distributed_schema_migrations_v2). */
public record MigrationState(String database, long id, String status, String error) {

    public boolean finished() {
        return "finished".equals(status);
    }
}
