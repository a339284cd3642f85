package dev.signozha.core.continuity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.Golden;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DataContinuityTest {

    private static final Instant START = Instant.parse("2026-12-06T23:00:00Z");
    private static final Duration GRACE = Duration.ofHours(2);
    private static final Duration FIFTEEN_DAYS = Duration.ofDays(15);
    private static final DataContinuity RULE = new DataContinuity(
            Map.of(
                    "traces", new Retention.Expires(FIFTEEN_DAYS),
                    "logs", new Retention.Expires(FIFTEEN_DAYS),
                    "metrics", new Retention.Expires(Duration.ofDays(30))),
            START,
            GRACE);

    private static final String TRACES = "signoz_traces.distributed_signoz_index_v3";
    private static final String LOGS = "signoz_logs.distributed_logs_v2";
    private static final String METRICS = "signoz_metrics.distributed_samples_v4";

    private static SignalExtent extent(String table, long rows, String oldest, long protectedRows) {
        return new SignalExtent(table, rows, Instant.parse(oldest), START.minusSeconds(5), protectedRows);
    }

    /** A snapshot {@code after} the start of the extents given, keyed by the signal their table belongs to. */
    private static DataSnapshot at(Duration after, SignalExtent... extents) {
        Map<String, SignalExtent> signals = new TreeMap<>();
        for (SignalExtent extent : extents) {
            signals.put(
                    extent.table().substring("signoz_".length(), extent.table().indexOf('.')), extent);
        }
        return new DataSnapshot(START.plus(after), signals);
    }

    private static DataSnapshot before() {
        return at(
                Duration.ZERO,
                extent(TRACES, 1200, "2026-11-21T00:00:00Z", 1000),
                extent(LOGS, 800, "2026-11-22T00:00:00Z", 800),
                extent(METRICS, 5000, "2026-11-07T00:00:00Z", 5000));
    }

    @Test
    void theWindowStartsWhereTtlCannotReachBeforeTheBoundEnds() {
        ProtectedWindow traces = RULE.windows().get("traces");
        assertEquals(START.minus(FIFTEEN_DAYS).plus(GRACE), traces.from());
        assertEquals(START, traces.until());
        assertTrue(traces.holdsAt(START.plus(GRACE)));
        assertFalse(traces.holdsAt(START.plus(GRACE).plusSeconds(1)));
    }

    @Test
    void aTableWithoutTtlProtectsEverythingBeforeTheStartAndAnUnreadableOneNothing() {
        DataContinuity rule = new DataContinuity(
                Map.of("traces", new Retention.Forever(), "logs", new Retention.Unreadable("TTL x")), START, GRACE);
        assertEquals(Map.of("traces", new ProtectedWindow(Instant.EPOCH, START, GRACE)), rule.windows());
    }

    @Test
    void rowsExpiredByTtlAndNewRowsAreNoLoss() {
        DataSnapshot after = at(
                Duration.ofMinutes(20),
                extent(TRACES, 1100, "2026-11-22T00:00:00Z", 1000),
                extent(LOGS, 950, "2026-11-22T00:00:00Z", 812),
                extent(METRICS, 5600, "2026-11-07T00:00:00Z", 5000));
        DataContinuity.Verdict verdict = RULE.judge(before(), after);
        assertTrue(verdict.kept(), verdict.violations().toString());
        Golden.assertMatches(verdict.table(), "continuity/kept.txt");
    }

    @Test
    void protectedRowsThatVanishAreLostData() {
        DataSnapshot after = at(
                Duration.ofMinutes(20),
                extent(TRACES, 1300, "2026-11-21T00:00:00Z", 999),
                extent(LOGS, 900, "2026-11-22T00:00:00Z", 800));
        DataContinuity.Verdict verdict = RULE.judge(before(), after);
        assertEquals(
                List.of(
                        "metrics: table signoz_metrics.distributed_samples_v4 held 5000 rows and is gone",
                        "traces: 1 of the 1000 rows of signoz_traces.distributed_signoz_index_v3 written between "
                                + "2026-11-22T01:00:00Z and 2026-12-06T23:00:00Z vanished; retention could not have "
                                + "removed them yet"),
                verdict.violations());
        Golden.assertMatches(verdict.table(), "continuity/lost.txt");
        assertEquals(
                "data continuity: logs 800→900 rows, protected 800→800 (kept), metrics 5000→gone rows, protected "
                        + "5000→- (LOST: table gone), traces 1200→1300 rows, protected 1000→999 (LOST 1 rows)",
                verdict.summary());
    }

    @Test
    void pastTheBoundOrWithoutAReadableRetentionASignalIsNotJudged() {
        DataContinuity rule = new DataContinuity(
                Map.of(
                        "traces", new Retention.Expires(FIFTEEN_DAYS),
                        "logs", new Retention.Unreadable("TTL expires_at"),
                        "metrics", new Retention.Expires(Duration.ofDays(30))),
                START,
                GRACE);
        DataSnapshot late = at(
                GRACE.plusSeconds(60),
                extent(TRACES, 10, "2026-11-22T00:00:00Z", 0),
                extent(LOGS, 0, "2026-11-22T00:00:00Z", 0),
                extent(METRICS, 5000, "2026-11-07T00:00:00Z", 5000));
        DataContinuity.Verdict verdict = rule.judge(before(), late);
        assertTrue(verdict.kept(), verdict.violations().toString());
        Golden.assertMatches(verdict.table(), "continuity/not-judged.txt");
    }
}
