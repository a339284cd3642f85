package dev.signozha.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

class UpdateSwitchTest {

    @Test
    void on_inCi_isRefusedLoudly_namingTheSwitchAndCi() {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> UpdateSwitch.GOLDEN.on(true, "true"));

        assertEquals(
                "-Dgolden.update=true refused: CI is set (CI=true). Files are rewritten only on a developer's"
                        + " machine, where the diff is reviewed before it is committed.",
                refused.getMessage());
        assertThrows(IllegalStateException.class, () -> UpdateSwitch.SCHEMA.on(true, "1"));
    }

    @Test
    void on_offTheCi_isWhatWasAskedFor() {
        assertTrue(UpdateSwitch.GOLDEN.on(true, null));
        assertTrue(UpdateSwitch.GOLDEN.on(true, ""));
        assertFalse(UpdateSwitch.GOLDEN.on(false, null));
        assertFalse(UpdateSwitch.GOLDEN.on(false, "true"), "comparing is always allowed in CI");
    }

    @Test
    void goldenSwitch_doesNotRewriteTheShippedSchema() {
        assumeFalse(Boolean.getBoolean("schema.update"), "run with the schema's own switch on");
        String before = System.getProperty("golden.update");
        System.setProperty("golden.update", "true");
        try {
            assertFalse(UpdateSwitch.SCHEMA.on(), "the schema has its own switch");
        } finally {
            if (before == null) {
                System.clearProperty("golden.update");
            } else {
                System.setProperty("golden.update", before);
            }
        }
    }
}
