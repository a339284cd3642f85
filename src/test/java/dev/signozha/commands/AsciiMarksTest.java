package dev.signozha.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.CliRun;
import dev.signozha.support.Golden;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Under a locale whose charset is not UTF-8 (LANG=C: Java 17 reports ANSI_X3.4-1968) the reports carry ASCII marks,
 * so an error line never prints as '?' next to a pass. The UTF-8 goldens of the same inputs are in DoctorFixturesTest
 * and OfflinePlannerTest.
 */
class AsciiMarksTest {

    private String saved;

    @BeforeEach
    void posixLocale() {
        saved = System.getProperty("stdout.encoding");
        System.setProperty("stdout.encoding", "ANSI_X3.4-1968");
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty("stdout.encoding");
        } else {
            System.setProperty("stdout.encoding", saved);
        }
    }

    @Test
    void doctor_posixLocale_asciiMarks() {
        CliRun run = CliRun.of("doctor", "--snapshot", "src/test/resources/clusters/duplicate-install.yaml");
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.out().chars().allMatch(c -> c < 128), run.out());
        Golden.assertMatches(run.out(), "doctor/duplicate-install.ascii.txt");
    }

    @Test
    void offlinePlan_posixLocale_asciiMarks() {
        CliRun run = CliRun.of(
                "plan", "--offline", "-f", "src/test/resources/topologies/unplaceable-node-anti-affinity.yaml");
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.out().chars().allMatch(c -> c < 128), run.out());
        Golden.assertMatches(run.out(), "plan/unplaceable-node-anti-affinity.ascii.txt");
    }
}
