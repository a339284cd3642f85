package dev.signozha.core.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.versions.ChartKnowledge.Stop;
import org.junit.jupiter.api.Test;

class ChartKnowledgeTest {

    private final ChartKnowledge knowledge = ChartKnowledge.bundled();

    @Test
    void everyStop_saysWhyAndWhereTheGuideIs_andStopsAreOrdered() {
        assertFalse(knowledge.stops().isEmpty());
        ChartVersion previous = null;
        for (Stop stop : knowledge.stops()) {
            assertFalse(stop.why().isBlank(), stop.chart());
            assertTrue(stop.guide().startsWith("https://signoz.io/docs/operate/migration/"), stop.guide());
            assertTrue(previous == null || previous.compareTo(stop.version()) < 0, "ordered: " + stop.chart());
            previous = stop.version();
        }
    }

    @Test
    void theV094Stop_needsClickHouse2556_whichTheChartsFromThereOnShip() {
        Stop stop = knowledge.stops().stream()
                .filter(s -> s.app().equals("v0.94.0"))
                .findFirst()
                .orElseThrow();
        assertEquals("25.5.6", stop.clickhouseAtLeast());
        assertEquals(
                "25.5.6", knowledge.shippedWith(stop.version()).orElseThrow().clickhouse());
    }

    @Test
    void shippedWith_findsTheRangeAChartFallsIn() {
        assertEquals(
                "24.1.2-alpine",
                knowledge
                        .shippedWith(ChartVersion.parse("0.90.0"))
                        .orElseThrow()
                        .clickhouse());
        assertEquals(
                "schemaMigrator",
                knowledge
                        .shippedWith(ChartVersion.parse("0.112.1"))
                        .orElseThrow()
                        .migrator());
        assertEquals(
                "telemetryStoreMigrator",
                knowledge
                        .shippedWith(ChartVersion.parse("0.113.0"))
                        .orElseThrow()
                        .migrator());
        assertEquals(
                "25.12.5",
                knowledge
                        .shippedWith(ChartVersion.parse("0.131.0"))
                        .orElseThrow()
                        .clickhouse());
        assertTrue(knowledge.shippedWith(ChartVersion.parse("0.50.0")).isEmpty());
    }

    @Test
    void theReplicationDefaultChange_isRecordedWithTheMigratorRename() {
        assertTrue(knowledge.defaults().stream()
                .anyMatch(d -> d.key().equals("telemetryStoreMigrator.enableReplication")
                        && d.since().equals("0.113.0")));
        assertTrue(knowledge.renames().stream()
                .anyMatch(r -> r.from().equals("schemaMigrator") && "telemetryStoreMigrator".equals(r.to())));
    }
}
