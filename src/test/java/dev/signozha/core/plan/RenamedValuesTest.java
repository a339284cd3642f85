package dev.signozha.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.versions.ChartKnowledge;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenamedValuesTest {

    private static final String DROPPED = "set in the release's values, not by the topology: a deploy drops it";
    private static final ChartVersion LEGACY = ChartVersion.parse("0.112.1");
    private static final ChartVersion TARGET = ChartVersion.parse("0.131.0");

    private static ClassifiedChange removal(String path) {
        return new ClassifiedChange(new Change(path, BooleanNode.TRUE, null), Disruption.ROLLING_RESTART, DROPPED);
    }

    private static String reason(ClassifiedChange change, ChartVersion installed) {
        return RenamedValues.explain(List.of(change), installed, TARGET, ChartKnowledge.bundled())
                .get(0)
                .reason();
    }

    @Test
    void aKeyRenamedOnTheWay_isTheSameSettingUnderItsNewName() {
        assertEquals(
                "renamed in chart 0.113.0: the same setting, now under telemetryStoreMigrator",
                reason(removal("schemaMigrator.enableReplication"), LEGACY));
    }

    @Test
    void theMostSpecificEntryWins_aKeyNothingReplaces_saysSo() {
        assertEquals(
                "chart 0.113.0 no longer reads schemaMigrator.image (nothing replaces it)",
                reason(removal("schemaMigrator.image.tag"), LEGACY));
    }

    @Test
    void aRenameTheInstalledChartIsAlreadyPast_orAnUnrelatedKey_keepsItsReason() {
        assertEquals(DROPPED, reason(removal("schemaMigrator.enableReplication"), ChartVersion.parse("0.113.0")));
        assertEquals(DROPPED, reason(removal("schemaMigratorExtra.enabled"), LEGACY));
    }

    @Test
    void onlyARemovalIsExplained_notAChangedValue() {
        ClassifiedChange changed = new ClassifiedChange(
                new Change("schemaMigrator.name", TextNode.valueOf("a"), TextNode.valueOf("b")),
                Disruption.ROLLING_RESTART,
                "chart value change");
        assertEquals("chart value change", reason(changed, LEGACY));
    }
}
