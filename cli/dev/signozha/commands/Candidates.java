package dev.signozha.commands;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckSpec;
import dev.signozha.core.plan.Disruption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Completion candidates in the spelling the help documents (picocli would offer an enum's constant names, NONE,
 * CONFIG_RELOAD, which the help never shows), and the values a positional parameter takes.
 */
final class Candidates {

    private Candidates() {
    }

    /** --dry-run. */
    static final class DryRunModes extends ArrayList<String> {
        DryRunModes() {
            super(List.of("client", "server"));
        }
    }

    /** --allow-disruption: none, config-reload, rolling-restart, scale-out, destructive. */
    static final class DisruptionLevels extends ArrayList<String> {
        DisruptionLevels() {
            super(Arrays.stream(Disruption.values()).map(Disruption::cliName).toList());
        }
    }

    /** runbook CODE: every finding code. */
    static final class RunbookCodes extends ArrayList<String> {
        RunbookCodes() {
            super(CheckCatalog.all().stream().map(CheckSpec::code).toList());
        }
    }

    /** snapshot -o: both are what kubectl get prints and doctor --snapshot reads. */
    static final class SnapshotFormats extends ArrayList<String> {
        SnapshotFormats() {
            super(List.of("yaml", "json"));
        }
    }
}
