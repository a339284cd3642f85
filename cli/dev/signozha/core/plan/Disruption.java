package dev.signozha.core.plan;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much a change disturbs a running install, ordered from harmless to data-losing. Commands refuse
 * to carry out a plan whose disruption exceeds {@code --allow-disruption}.
 */
public enum Disruption {
    /** Nothing restarts: labels, budgets, Services, new objects. */
    NONE,
    /** A running process re-reads its configuration (ClickHouse users and profiles, mounted files). */
    CONFIG_RELOAD,
    /** Pods restart one at a time; the install stays available if it is HA. */
    ROLLING_RESTART,
    /** Pods or hosts are added: more shards, replicas or members, which start empty and catch up. */
    SCALE_OUT,
    /** Data or identity is lost or replaced: fewer shards or replicas, smaller storage, a new class or host. */
    DESTRUCTIVE;

    /** The spelling on the command line and in plans: {@code none}, {@code rolling-restart}... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether this is more disruptive than {@code limit}. */
    public boolean exceeds(Disruption limit) {
        return compareTo(limit) > 0;
    }

    /** The most disruptive of some, {@link #NONE} for none. */
    public static Disruption max(Collection<Disruption> disruptions) {
        return disruptions.stream().max(Disruption::compareTo).orElse(NONE);
    }

    /** The most disruptive of some. */
    public static Disruption max(Disruption first, Disruption... rest) {
        Disruption max = first;
        for (Disruption other : rest) {
            max = other.compareTo(max) > 0 ? other : max;
        }
        return max;
    }

    /** Reads the command-line form (case-insensitive; underscores accepted) or says which forms exist. */
    public static Disruption parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Disruption disruption : values()) {
            if (disruption.cliName().equals(wanted)) {
                return disruption;
            }
        }
        throw new IllegalArgumentException("unknown disruption level '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Disruption::cliName).collect(Collectors.joining(", ")));
    }
}
