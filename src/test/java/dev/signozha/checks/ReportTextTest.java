package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signozha.core.text.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    private static CheckResult skipped(CheckSpec spec, String note) {
        return new CheckResult(spec, CheckResult.Status.SKIP, List.of(), note, spec.severity());
    }

    @Test
    void skips_aSharedReasonIsSaidOnceBelow_aReasonOfOneCheckStaysUnderIt() {
        String noClickHouse = "--no-clickhouse";
        CheckReport report = new CheckReport(
                "snapshot:x",
                List.of(
                        skipped(CheckCatalog.CLICKHOUSE_HOST_DOWN, noClickHouse),
                        skipped(CheckCatalog.REPLICATION_LAG, noClickHouse),
                        skipped(
                                CheckCatalog.CLICKHOUSE_TOPOLOGY_MISMATCH,
                                "no topology to compare system.clusters with")));
        String text = ReportText.render(report, "", Style.PLAIN);
        assertEquals("""

                clickhouse health
                -----------------
                - every host in system.clusters answers [CLICKHOUSE_HOST_DOWN]
                - replicas keep up: delay and queue within the thresholds [REPLICATION_LAG]
                - system.clusters defines the topology's cluster with its shards and replicas [CLICKHOUSE_TOPOLOGY_MISMATCH]
                    skipped: no topology to compare system.clusters with

                - skipped (2 checks): --no-clickhouse

                ✔ 0 error(s), 0 warning(s), 0 passed, 3 skipped
                """, text);
    }
}
