package dev.signozha.checks;

import dev.signozha.core.endpoint.ClickHouseEndpoint;
import dev.signozha.core.endpoint.EndpointModel;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.text.GoDuration;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The schema migration Job: run with the real topology (the ch-ready init container's CLICKHOUSE_SHARDS /
 * CLICKHOUSE_REPLICAS, --cluster-name or the cluster env, replication on with replicas), and finished.
 */
final class MigrationChecks {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private MigrationChecks() {}

    static List<Check> all() {
        return List.of(Check.of(CheckCatalog.SCHEMA_MIGRATION_TOPOLOGY, MigrationChecks::migration));
    }

    private static Outcome migration(CheckContext context) {
        List<Job> jobs = context.view().local(context.view().inventory().jobs()).stream()
                .filter(MigrationChecks::isMigration)
                .toList();
        if (jobs.isEmpty()) {
            return Outcome.pass("no migration Job present");
        }
        if (context.intended().isEmpty()) {
            return Outcome.skip("no topology or ClickHouseInstallation to compare the migration with");
        }
        Intended intended = context.intended().get();
        List<Finding> findings = new ArrayList<>();
        for (Job job : jobs) {
            List<String> problems = new ArrayList<>();
            PodSpec pod = ClusterView.spec(job);
            for (Container container : ClusterView.containers(pod)) {
                topologyProblems(container, pod, context.view().configMapsByName(), intended, problems);
            }
            progressProblems(job, context.view().inventory().observedAt(), problems);
            if (!problems.isEmpty()) {
                findings.add(Finding.of(String.join("; ", problems), Inventory.id(job)));
            }
        }
        return Outcome.of(findings, jobs.size() + " migration Job(s) match the topology and finished");
    }

    /** Whether the Job is a schema migration (the migrator's name or component). */
    static boolean isMigration(Job job) {
        String component = Optional.ofNullable(ClusterView.label(job, "app.kubernetes.io/component"))
                .orElse("");
        return job.getMetadata().getName().contains("migrator") || component.contains("migrator");
    }

    private static void topologyProblems(
            Container container,
            PodSpec pod,
            Map<String, ConfigMap> configMaps,
            Intended intended,
            List<String> problems) {
        Map<String, String> env = ClusterView.plainEnv(container);
        compare(env.get("CLICKHOUSE_SHARDS"), intended.shards(), "shards", container, problems);
        compare(env.get("CLICKHOUSE_REPLICAS"), intended.replicas(), "replicas", container, problems);
        EndpointModel.of(container, pod, configMaps).stream()
                .map(ClickHouseEndpoint::cluster)
                .filter(Objects::nonNull)
                .filter(cluster -> !cluster.equals(intended.cluster()))
                .distinct()
                .forEach(cluster -> problems.add(container.getName() + " migrates cluster '" + cluster
                        + "', the intended cluster is '" + intended.cluster() + "'"));
        if (intended.replicated() && replicationOff(container, env)) {
            problems.add(container.getName() + " runs with replication off against " + intended.replicas()
                    + " replicas per shard (tables would be created unreplicated)");
        }
    }

    private static void compare(String stated, int actual, String what, Container container, List<String> problems) {
        if (stated != null && !stated.equals(String.valueOf(actual))) {
            problems.add(container.getName() + " expects " + stated + " " + what + ", the cluster has " + actual);
        }
    }

    /** Charts >= 0.113 say it in env (default on); the old schema migrator needs --replication (default off). */
    private static boolean replicationOff(Container container, Map<String, String> env) {
        String flag = env.get("SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_REPLICATION");
        if (flag != null) {
            return !Boolean.parseBoolean(flag);
        }
        List<String> args = Optional.ofNullable(container.getArgs()).orElse(List.of());
        boolean oldMigrator = args.contains("sync") || args.contains("async");
        return oldMigrator && args.stream().noneMatch(a -> a.equals("--replication") || a.equals("--replication=true"));
    }

    private static void progressProblems(Job job, Instant now, List<String> problems) {
        List<JobCondition> conditions =
                Optional.ofNullable(job.getStatus()).map(s -> s.getConditions()).orElse(List.of());
        if (conditions.stream().anyMatch(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus()))) {
            problems.add("the Job failed");
            return;
        }
        boolean complete =
                conditions.stream().anyMatch(c -> "Complete".equals(c.getType()) && "True".equals(c.getStatus()));
        String started = job.getStatus() == null ? null : job.getStatus().getStartTime();
        if (!complete && started != null) {
            Duration running = Duration.between(Instant.parse(started), now);
            Duration timeout = timeout(job);
            if (running.compareTo(timeout) > 0) {
                problems.add("running for " + running.toMinutes() + "m, past its " + timeout.toMinutes() + "m timeout");
            }
        }
    }

    private static Duration timeout(Job job) {
        for (Container container : ClusterView.containers(ClusterView.spec(job))) {
            String value = ClusterView.plainEnv(container).get("SIGNOZ_OTEL_COLLECTOR_TIMEOUT");
            if (value != null) {
                return GoDuration.parse(value).filter(d -> !d.isZero()).orElse(DEFAULT_TIMEOUT);
            }
        }
        return DEFAULT_TIMEOUT;
    }
}
