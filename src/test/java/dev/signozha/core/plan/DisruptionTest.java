package dev.signozha.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DisruptionTest {

    @Test
    void values_areOrderedFromHarmlessToDestructive() {
        assertEquals(
                List.of(
                        Disruption.NONE,
                        Disruption.CONFIG_RELOAD,
                        Disruption.ROLLING_RESTART,
                        Disruption.SCALE_OUT,
                        Disruption.DESTRUCTIVE),
                List.of(Disruption.values()));
    }

    @Test
    void max_ofSeveral_isTheMostDisruptive() {
        assertEquals(
                Disruption.SCALE_OUT,
                Disruption.max(List.of(Disruption.CONFIG_RELOAD, Disruption.SCALE_OUT, Disruption.NONE)));
        assertEquals(
                Disruption.DESTRUCTIVE, Disruption.max(Disruption.NONE, Disruption.DESTRUCTIVE, Disruption.SCALE_OUT));
    }

    @Test
    void max_ofNone_isNone() {
        assertEquals(Disruption.NONE, Disruption.max(List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Disruption.class)
    void parse_cliName_roundTrips(Disruption disruption) {
        assertEquals(disruption, Disruption.parse(disruption.cliName()));
        assertEquals(disruption, Disruption.parse(disruption.name()));
    }

    @Test
    void parse_cliForms_areKebabCase() {
        assertEquals(Disruption.ROLLING_RESTART, Disruption.parse("rolling-restart"));
        assertEquals(Disruption.CONFIG_RELOAD, Disruption.parse(" Config-Reload "));
        assertEquals("scale-out", Disruption.SCALE_OUT.cliName());
    }

    @Test
    void parse_unknownLevel_namesEveryLevel() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Disruption.parse("restart"));
        assertEquals(
                "unknown disruption level 'restart'; expected one of none, config-reload, rolling-restart, "
                        + "scale-out, destructive",
                error.getMessage());
    }

    @Test
    void exceeds_comparesAgainstTheAllowedLevel() {
        assertTrue(Disruption.DESTRUCTIVE.exceeds(Disruption.ROLLING_RESTART));
        assertFalse(Disruption.ROLLING_RESTART.exceeds(Disruption.ROLLING_RESTART));
        assertFalse(Disruption.NONE.exceeds(Disruption.CONFIG_RELOAD));
    }
}
