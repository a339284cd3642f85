package dev.signozha.core.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.topology.ChartVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradePathTest {

    private static final ChartKnowledge KNOWLEDGE = ChartKnowledge.bundled();

    private static List<String> charts(String from, String to) {
        return UpgradePath.between(ChartVersion.parse(from), ChartVersion.parse(to), KNOWLEDGE).steps().stream()
                .map(step -> step.chart().toString())
                .toList();
    }

    @Test
    void fromBeforeTheV086Stop_installsEveryStopInOrder_thenTheTarget() {
        assertEquals(
                List.of("0.83.2", "0.85.1", "0.88.3", "0.91.0", "0.113.0", "0.131.0"), charts("0.80.0", "0.131.0"));
    }

    @Test
    void pastTheLastStop_goesStraightToTheTarget() {
        UpgradePath path = UpgradePath.between(ChartVersion.parse("0.113.0"), ChartVersion.parse("0.131.0"), KNOWLEDGE);
        assertEquals(
                List.of("0.131.0"),
                path.steps().stream().map(s -> s.chart().toString()).toList());
        assertFalse(path.hasIntermediateStops());
        assertTrue(path.steps().get(0).stop().isEmpty());
    }

    @Test
    void aTargetThatIsItselfAStop_carriesItsReason_andIsNotRepeated() {
        UpgradePath path = UpgradePath.between(ChartVersion.parse("0.100.0"), ChartVersion.parse("0.113.0"), KNOWLEDGE);
        assertEquals(1, path.steps().size());
        assertEquals("v0.113.0", path.steps().get(0).stop().orElseThrow().app());
    }

    @Test
    void theInstalledChartBeingAStop_isNotInstalledAgain() {
        assertEquals(List.of("0.85.1", "0.88.3"), charts("0.83.2", "0.88.3"));
    }

    @Test
    void aDowngradeOrTheSameVersion_isOnlyTheTarget() {
        assertEquals(List.of("0.80.0"), charts("0.131.0", "0.80.0"));
        assertEquals(List.of("0.131.0"), charts("0.131.0", "0.131.0"));
    }

    @Test
    void describe_namesEachStopsSigNozRelease() {
        assertEquals(
                "0.90.0 → 0.91.0 (mandatory stop for SigNoz v0.94.0) → 0.113.0 (mandatory stop for SigNoz v0.113.0)"
                        + " → 0.120.0",
                UpgradePath.between(ChartVersion.parse("0.90.0"), ChartVersion.parse("0.120.0"), KNOWLEDGE)
                        .describe());
    }
}
