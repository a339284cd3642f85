package dev.signozha.commands;

import dev.signozha.actions.DeployAction;
import dev.signozha.actions.DeployPhase;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.plan.Disruption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** What every command that changes the cluster takes: confirmation, dry runs, the lock, how much may be disturbed. */
public final class ChangeOptions {

    @Option(
            names = {"-y", "--yes"},
            description = "Apply without asking. Without a terminal, a change needs it (exit 4 "
                    + "otherwise): nothing ever waits for an answer that cannot come.")
    boolean yes;

    @Option(
            names = "--dry-run",
            paramLabel = "MODE",
            converter = DryRunConverter.class,
            completionCandidates = Candidates.DryRunModes.class,
            description = "client: plan only, send nothing; server: the API server and helm validate every object, "
                    + "nothing is kept.")
    DeployAction.DryRun dryRun = DeployAction.DryRun.NONE;

    @Option(
            names = "--allow-disruption",
            paramLabel = "LEVEL",
            defaultValue = "scale-out",
            converter = DisruptionConverter.class,
            completionCandidates = Candidates.DisruptionLevels.class,
            description = "The most disruptive change to carry out: none, config-reload, rolling-restart, scale-out, "
                    + "destructive (fewer shards or replicas, smaller storage, a new storage class or ClickHouse host). "
                    + "Default: ${DEFAULT-VALUE}.")
    Disruption allowed;

    @Mixin
    LockWaitOption lockWait;

    @Option(
            names = "--lock-ttl",
            paramLabel = "DURATION",
            defaultValue = "5m",
            converter = DurationConverter.class,
            description = "How long the lock outlives a run that died without releasing it; renewed every third of it "
                    + "while the run lives (default: ${DEFAULT-VALUE}).")
    Duration lockTtl;

    @Option(
            names = "--force-unlock",
            description = "Remove another run's lock first (needs --reason; recorded in the "
                    + "state record). Only when that run is known to be dead.")
    boolean forceUnlock;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why --force-unlock is safe.")
    String reason;

    @Option(
            names = "--recover",
            description = "When a run of signoz-ha died during helm and left the release "
                    + "pending-install or pending-upgrade (the state record names the run; its lock expired), roll the release "
                    + "back to its last deployed revision under the lock, then go on. A release pending for any other reason "
                    + "is still refused.")
    boolean recover;

    @Option(
            names = "--phase-timeout",
            paramLabel = "PHASE=DURATION",
            description = "A phase's timeout, e.g. clickhouse=30m (phases: namespace, clickhouse-operator, zookeeper, "
                    + "clickhouse, signoz, migration, collectors, verification). Repeatable.")
    Map<String, String> phaseTimeouts = Map.of();

    Optional<String> forceUnlockReason() {
        if (!forceUnlock) {
            return Optional.empty();
        }
        return Optional.of(reason == null ? "" : reason);
    }

    Map<DeployPhase, Duration> timeouts() {
        Map<DeployPhase, Duration> timeouts = new EnumMap<>(DeployPhase.class);
        phaseTimeouts.forEach((phase, duration) -> {
            try {
                timeouts.put(DeployPhase.byLabel(phase), new DurationConverter().convert(duration));
            } catch (IllegalArgumentException | TypeConversionException e) {
                throw InvalidInputException.single("--phase-timeout", phase + "=" + duration + ": " + e.getMessage());
            }
        });
        return timeouts;
    }

    static final class DryRunConverter implements ITypeConverter<DeployAction.DryRun> {
        @Override
        public DeployAction.DryRun convert(String value) {
            return switch (value) {
                case "client" -> DeployAction.DryRun.CLIENT;
                case "server" -> DeployAction.DryRun.SERVER;
                default -> throw new TypeConversionException("'" + value + "' is not client or server");
            };
        }
    }

    static final class DisruptionConverter implements ITypeConverter<Disruption> {
        @Override
        public Disruption convert(String value) {
            try {
                return Disruption.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
