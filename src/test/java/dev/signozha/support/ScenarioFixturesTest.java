package dev.signozha.support;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.signozha.core.inventory.SnapshotParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenario fixtures on disk are what {@link ScenarioFixtures} builds (-Dgolden.update=true rewrites them). */
class ScenarioFixturesTest {

    @Test
    void scenarioSnapshots_matchTheirFiles_andParse() {
        for (Map.Entry<String, String> scenario : ScenarioFixtures.all().entrySet()) {
            assertFalse(SnapshotParser.parse(scenario.getKey(), scenario.getValue())
                    .pods()
                    .isEmpty());
            Golden.assertFile(
                    scenario.getValue(), Project.path("src/test/resources/clusters/" + scenario.getKey() + ".yaml"));
        }
    }
}
