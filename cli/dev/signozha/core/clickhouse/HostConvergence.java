package dev.signozha.core.clickhouse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a ClickHouse cluster has converged after its image changed: every host of the cluster answers, reports
 * the target version ({@code SELECT version()}), has no read-only replica, an empty replication queue and every
 * table's delay under the bound. Judged from one look at each host; the schema migration waits for it, since its
 * DDL runs ON CLUSTER and a host still on the old version rejects what the new migrator writes (SigNoz/charts#895).
 */
public record HostConvergence(boolean converged, String progress, List<String> lagging) {

    /** What the cluster must reach: its name and size in system.clusters, the image tag, the delay bound. */
    public record Target(String cluster, int hosts, String imageTag, Duration maxDelay) {}

    /** Judges one look inside the cluster: no answer, or no such cluster in system.clusters, is not converged. */
    public static HostConvergence judge(Target target, ClickHouseObservation observation) {
        if (!observation.answered()) {
            return notYet(target, "ClickHouse does not answer: " + observation.seedError());
        }
        if (!observation.clusterNames().contains(target.cluster())) {
            return notYet(target, "system.clusters has no cluster '" + target.cluster() + "' yet");
        }
        return judge(target, observation.hosts());
    }

    private static HostConvergence notYet(Target target, String why) {
        return new HostConvergence(false, "0/" + target.hosts() + " hosts seen", List.of(why));
    }

    /** Judges {@code hosts}, one observation per host system.clusters lists for the target's cluster. */
    public static HostConvergence judge(Target target, List<HostObservation> hosts) {
        String version = versionOf(target.imageTag());
        List<String> lagging = new ArrayList<>();
        if (hosts.size() < target.hosts()) {
            lagging.add("system.clusters lists " + hosts.size() + " of the " + target.hosts() + " hosts of cluster '"
                    + target.cluster() + "'");
        }
        int atVersion = 0;
        for (HostObservation host : hosts) {
            List<String> problems = problems(host, version, target.maxDelay());
            if (host.reachable() && runs(host.version(), version)) {
                atVersion++;
            }
            problems.forEach(problem -> lagging.add(host.host().endpoint() + " " + problem));
        }
        String progress = atVersion + "/" + target.hosts() + " hosts at " + version
                + (lagging.isEmpty() ? ", replication caught up" : "");
        return new HostConvergence(lagging.isEmpty(), progress, List.copyOf(lagging));
    }

    private static List<String> problems(HostObservation host, String version, Duration maxDelay) {
        if (!host.reachable()) {
            return List.of("does not answer: " + host.error());
        }
        List<String> problems = new ArrayList<>();
        if (!runs(host.version(), version)) {
            problems.add("runs " + host.version() + ", not " + version);
        }
        List<String> readonly = host.replicas().stream()
                .filter(ReplicaState::readonly)
                .map(ReplicaState::name)
                .toList();
        if (!readonly.isEmpty()) {
            problems.add("has " + readonly.size() + " read-only replica(s): " + shortList(readonly));
        }
        long queued =
                host.replicas().stream().mapToLong(ReplicaState::queueSize).sum();
        if (queued > 0) {
            problems.add("has " + queued + " replication queue entr" + (queued == 1 ? "y" : "ies") + " left: "
                    + shortList(host.replicas().stream()
                            .filter(replica -> replica.queueSize() > 0)
                            .map(replica -> replica.name() + " (" + replica.queueSize() + ")")
                            .toList()));
        }
        host.replicas().stream()
                .filter(replica -> replica.absoluteDelaySeconds() > maxDelay.toSeconds())
                .map(replica -> replica.name() + " is " + replica.absoluteDelaySeconds() + " s behind (bound "
                        + maxDelay.toSeconds() + " s)")
                .forEach(problems::add);
        return problems;
    }

    /**
     * The version an image tag stands for: {@code 25.12.5} for {@code 25.12.5}, {@code 24.1.2-alpine} or
     * {@code 25.5.6.14-alpine}; the tag itself when it does not start with a number.
     */
    static String versionOf(String imageTag) {
        String tag = imageTag.toLowerCase(Locale.ROOT).replaceFirst("^v", "");
        int suffix = tag.indexOf('-');
        return suffix > 0 ? tag.substring(0, suffix) : tag;
    }

    /** {@code 25.12.5.44} runs {@code 25.12.5}; {@code 25.12.50.1} does not. */
    static boolean runs(String reported, String version) {
        return reported != null && (reported.equals(version) || reported.startsWith(version + "."));
    }

    private static String shortList(List<String> items) {
        int shown = Math.min(items.size(), 3);
        return String.join(", ", items.subList(0, shown)) + (items.size() > shown ? ", ..." : "");
    }
}
