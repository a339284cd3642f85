package dev.signozha.commands;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckSpec;
import dev.signozha.core.plan.Disruption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates in the spelling the help documents (picocli would offer an enum's constant names, NONE,
 * CONFIG_RELOAD, which the help never shows), and the values a positional parameter takes.
 */
final class Candidates {

    private Candidates() {}

    /** --dry-run. */
    static final class DryRunModes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("client", "server").iterator();
        }
    }

    /** --allow-disruption: none, config-reload, rolling-restart, scale-out, destructive. */
    static final class DisruptionLevels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Disruption.values()).map(Disruption::cliName).iterator();
        }
    }

    /** runbook CODE: every finding code. */
    static final class RunbookCodes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CheckCatalog.all().stream().map(CheckSpec::code).iterator();
        }
    }

    /** snapshot -o: both are what kubectl get prints and doctor --snapshot reads. */
    static final class SnapshotFormats implements Iterable<String> {
        static final List<String> ALL = List.of("yaml", "json");

        @Override
        public Iterator<String> iterator() {
            return ALL.iterator();
        }
    }
}
