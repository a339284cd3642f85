package dev.signozha.core.continuity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Table definitions as system.tables.create_table_query returns them for SigNoz's migrator-created tables. */
class TableTtlTest {

    private static final String TRACES = "CREATE TABLE signoz_traces.signoz_index_v3 (`ts_bucket_start` UInt64 CODEC("
            + "DoubleDelta, LZ4), `timestamp` DateTime64(9) CODEC(DoubleDelta, LZ4), `trace_id` FixedString(32) "
            + "CODEC(ZSTD(1))) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}') "
            + "PARTITION BY toDate(timestamp) ORDER BY (ts_bucket_start, timestamp) "
            + "TTL toDateTime(timestamp) + toIntervalSecond(1296000) SETTINGS index_granularity = 8192, "
            + "ttl_only_drop_parts = 1";

    private static final String LOGS_CUSTOM_RETENTION = "CREATE TABLE signoz_logs.logs_v2 (`ts_bucket_start` UInt64 "
            + "CODEC(DoubleDelta, LZ4), `timestamp` UInt64 CODEC(DoubleDelta, LZ4), `_retention_days` UInt16 DEFAULT "
            + "15, `_retention_days_cold` UInt16 DEFAULT 0) ENGINE = MergeTree PARTITION BY (toDate(timestamp / "
            + "1000000000), _retention_days, _retention_days_cold) ORDER BY (ts_bucket_start, timestamp) TTL "
            + "toDateTime(timestamp / 1000000000) + toIntervalDay(_retention_days) SETTINGS index_granularity = 8192";

    @Test
    void aDeleteTtlInSecondsIsTheRetention() {
        assertEquals(new Retention.Expires(Duration.ofDays(15)), TableTtl.of(TRACES));
    }

    @Test
    void aPerRowRetentionColumnTakesItsDefault() {
        assertEquals(new Retention.Expires(Duration.ofDays(15)), TableTtl.of(LOGS_CUSTOM_RETENTION));
    }

    @Test
    void aMoveToColdStorageKeepsTheRowSoOnlyTheDeleteRuleCounts() {
        String withCold = TRACES.replace(
                "toIntervalSecond(1296000)",
                "toIntervalSecond(2592000), toDateTime(timestamp) + toIntervalSecond(86400) TO VOLUME 's3'");
        assertEquals(new Retention.Expires(Duration.ofDays(30)), TableTtl.of(withCold));
    }

    @Test
    void theShortestOfSeveralDeleteRulesWinsAndAMonthIsTwentyEightDays() {
        String twoRules = TRACES.replace(
                "toIntervalSecond(1296000)", "toIntervalMonth(1), toDateTime(timestamp) + toIntervalWeek(5)");
        assertEquals(new Retention.Expires(Duration.ofDays(28)), TableTtl.of(twoRules));
    }

    @Test
    void aTableWithoutTtlKeepsItsRowsAndAColumnTtlIsNotTheTables() {
        String noTtl = TRACES.substring(0, TRACES.indexOf(" TTL ")) + " SETTINGS index_granularity = 8192";
        assertEquals(new Retention.Forever(), TableTtl.of(noTtl));
        String columnTtl = noTtl.replace(
                "`trace_id` FixedString(32)",
                "`trace_id` FixedString(32) TTL toDateTime(timestamp) + toIntervalDay(1)");
        assertEquals(new Retention.Forever(), TableTtl.of(columnTtl));
    }

    @Test
    void aTtlWithoutAnIntervalOrWithAnUnknownColumnIsUnreadable() {
        assertEquals(
                new Retention.Unreadable("TTL expires_at"),
                TableTtl.of(TRACES.replace("toDateTime(timestamp) + toIntervalSecond(1296000)", "expires_at")));
        assertEquals(
                new Retention.Unreadable("TTL toDateTime(timestamp / 1000000000) + toIntervalDay(_days)"),
                TableTtl.of(LOGS_CUSTOM_RETENTION.replace("toIntervalDay(_retention_days)", "toIntervalDay(_days)")));
    }
}
