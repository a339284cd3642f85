package dev.signozha.core.plan;

import static dev.signozha.core.plan.Disruption.CONFIG_RELOAD;
import static dev.signozha.core.plan.Disruption.DESTRUCTIVE;
import static dev.signozha.core.plan.Disruption.NONE;
import static dev.signozha.core.plan.Disruption.ROLLING_RESTART;
import static dev.signozha.core.plan.Disruption.SCALE_OUT;
import static dev.signozha.core.plan.DisruptionRules.When.ADDED;
import static dev.signozha.core.plan.DisruptionRules.When.ANY;
import static dev.signozha.core.plan.DisruptionRules.When.DECREASE;
import static dev.signozha.core.plan.DisruptionRules.When.INCREASE;
import static dev.signozha.core.plan.DisruptionRules.When.REMOVED;

import java.util.List;
import java.util.OptionalInt;

/**
 * How disruptive each change is, as a table: the first rule whose scope (object kind, or
 * {@link #HELM_VALUES}) and path match, and whose direction fits, classifies the change. Directions
 * compare counts and quantities; a change whose direction is unknown (a value added or removed) only
 * matches {@link When#ANY}, which is why count and size rules end in a cautious ANY.
 *
 * <p>ClickHouse restarts follow clickhouse-operator's configurationRestartPolicy (settings/* and
 * zookeeper/* restart, users, profiles and quotas reload, with its listed exceptions) and its habit of
 * re-creating a host's StatefulSet when a volume claim template changes.
 */
public final class DisruptionRules {

    /** The scope of chart values changes. */
    public static final String HELM_VALUES = "HelmValues";

    private static final String ANY_KIND = "*";
    private static final String CHI = "ClickHouseInstallation";
    private static final String STS = "StatefulSet";
    private static final String VCT = "spec.templates.volumeClaimTemplates[*]";
    private static final String RELOADED_SETTING = "ClickHouse applies this server setting without a restart";

    /** A disruption with its reason, for what is not a single change (a deletion, a whole object). */
    public record Verdict(Disruption disruption, String reason) {}

    /** Which way a count or quantity must move, or whether the value must appear or go, for a rule to apply. */
    public enum When {
        ANY,
        INCREASE,
        DECREASE,
        ADDED,
        REMOVED
    }

    /** One row of the table. */
    public record Rule(String scope, PathPattern path, When when, Disruption disruption, String reason) {

        /** Whether this rule classifies {@code change} made to an object of {@code scope}. */
        public boolean matches(String kind, Change change) {
            if (!(scope.equals(ANY_KIND) || scope.equals(kind)) || !path.matches(change.path())) {
                return false;
            }
            if (when == ANY) {
                return true;
            }
            if (when == ADDED || when == REMOVED) {
                return when == ADDED ? change.added() : change.removed();
            }
            OptionalInt order = TreeValues.compare(change.before(), change.after());
            return order.isPresent() && order.getAsInt() == (when == INCREASE ? -1 : 1);
        }
    }

    /** The table, first match wins; every scope ends in a catch-all. */
    public static final List<Rule> RULES = List.of(
            rule(
                    CHI,
                    "spec.configuration.clusters[*].layout.shardsCount",
                    DECREASE,
                    DESTRUCTIVE,
                    "fewer shards: clickhouse-operator deletes the removed shards' hosts and their data"),
            rule(
                    CHI,
                    "spec.configuration.clusters[*].layout.shardsCount",
                    INCREASE,
                    SCALE_OUT,
                    "more shards: new hosts start empty; existing data is not rebalanced onto them"),
            rule(
                    CHI,
                    "spec.configuration.clusters[*].layout.replicasCount",
                    DECREASE,
                    DESTRUCTIVE,
                    "fewer replicas: the removed replicas' hosts and volumes are deleted; each shard keeps fewer copies"),
            rule(
                    CHI,
                    "spec.configuration.clusters[*].layout.replicasCount",
                    INCREASE,
                    SCALE_OUT,
                    "more replicas: new hosts join and fetch every replicated part from their peers"),
            rule(
                    CHI,
                    "spec.configuration.clusters[*].**",
                    ANY,
                    DESTRUCTIVE,
                    "cluster layout or name changed: clickhouse-operator deletes hosts that no longer fit it"),
            rule(
                    CHI,
                    "spec.configuration.zookeeper.**",
                    ANY,
                    ROLLING_RESTART,
                    "ZooKeeper nodes changed: clickhouse-operator restarts every host, one at a time, to use them"),
            rule(CHI, "spec.configuration.users.**", ANY, CONFIG_RELOAD, "ClickHouse reloads users without a restart"),
            rule(
                    CHI,
                    "spec.configuration.quotas.**",
                    ANY,
                    CONFIG_RELOAD,
                    "ClickHouse reloads quotas without a restart"),
            rule(
                    CHI,
                    "spec.configuration.profiles.default/background_*_pool_size",
                    ANY,
                    ROLLING_RESTART,
                    "server-wide pool sizes need a restart: hosts restart one at a time"),
            rule(
                    CHI,
                    "spec.configuration.profiles.default/max_*_for_server",
                    ANY,
                    ROLLING_RESTART,
                    "server-wide limits need a restart: hosts restart one at a time"),
            rule(
                    CHI,
                    "spec.configuration.profiles.**",
                    ANY,
                    CONFIG_RELOAD,
                    "ClickHouse reloads profiles without a restart"),
            rule(CHI, "spec.configuration.settings.logger**", ANY, CONFIG_RELOAD, RELOADED_SETTING),
            rule(CHI, "spec.configuration.settings.macros**", ANY, CONFIG_RELOAD, RELOADED_SETTING),
            rule(CHI, "spec.configuration.settings.max_server_memory_*", ANY, CONFIG_RELOAD, RELOADED_SETTING),
            rule(CHI, "spec.configuration.settings.max_*_to_drop", ANY, CONFIG_RELOAD, RELOADED_SETTING),
            rule(CHI, "spec.configuration.settings.max_concurrent_queries", ANY, CONFIG_RELOAD, RELOADED_SETTING),
            rule(CHI, "spec.configuration.settings.*_config", ANY, CONFIG_RELOAD, RELOADED_SETTING),
            rule(
                    CHI,
                    "spec.configuration.settings.**",
                    ANY,
                    ROLLING_RESTART,
                    "server settings need a restart: clickhouse-operator restarts hosts one at a time"),
            rule(
                    CHI,
                    "spec.configuration.files.**",
                    ANY,
                    ROLLING_RESTART,
                    "configuration files may need a restart: clickhouse-operator restarts hosts one at a time"),
            rule(
                    CHI,
                    VCT + ".spec.resources.requests.storage",
                    DECREASE,
                    DESTRUCTIVE,
                    "smaller volume: a claim cannot shrink; every host needs a new, empty volume"),
            rule(
                    CHI,
                    VCT + ".spec.resources.requests.storage",
                    INCREASE,
                    ROLLING_RESTART,
                    "larger volume: claims grow and each host's StatefulSet is re-created, restarting it "
                            + "(class must allow expansion)"),
            rule(
                    CHI,
                    VCT + ".spec.storageClassName",
                    ANY,
                    DESTRUCTIVE,
                    "new storage class: a claim cannot change class; every host needs a new, empty volume"),
            rule(CHI, VCT + ".reclaimPolicy", ANY, NONE, "decides only what happens to volumes when hosts are deleted"),
            rule(
                    CHI,
                    VCT + ".metadata.**",
                    ANY,
                    ROLLING_RESTART,
                    "claim labels: clickhouse-operator re-creates each host's StatefulSet, restarting it"),
            rule(
                    CHI,
                    VCT + ".**",
                    ANY,
                    DESTRUCTIVE,
                    "a claim's spec cannot change apart from growing: every host needs a new, empty volume"),
            rule(
                    CHI,
                    "spec.templates.serviceTemplates[*].generateName",
                    ANY,
                    DESTRUCTIVE,
                    "the ClickHouse host changes: the Service SigNoz connects to is replaced under a new name"),
            rule(
                    CHI,
                    "spec.templates.serviceTemplates[*].**",
                    ANY,
                    NONE,
                    "Service change: no pod restarts; clients reconnect through the updated Service"),
            rule(
                    CHI,
                    "spec.templates.podTemplates[*].**",
                    ANY,
                    ROLLING_RESTART,
                    "pod template change (image, resources, placement): hosts restart one at a time"),
            rule(
                    CHI,
                    "spec.defaults.templates.*VolumeClaimTemplate",
                    ANY,
                    DESTRUCTIVE,
                    "hosts move to another volume claim template: every host needs a new, empty volume"),
            rule(
                    CHI,
                    "spec.defaults.templates.serviceTemplate",
                    ANY,
                    DESTRUCTIVE,
                    "the Service SigNoz connects to (the ClickHouse host) would come from another template"),
            rule(
                    CHI,
                    "spec.defaults.**",
                    ANY,
                    ROLLING_RESTART,
                    "installation defaults change every host's StatefulSet: hosts restart one at a time"),
            rule(
                    CHI,
                    "metadata.**",
                    ANY,
                    ROLLING_RESTART,
                    "clickhouse-operator copies the installation's labels to every host's pods, restarting them"),
            rule(
                    CHI,
                    "**",
                    ANY,
                    ROLLING_RESTART,
                    "installation change: clickhouse-operator reconciles hosts one at a time"),
            rule(
                    STS,
                    "spec.replicas",
                    DECREASE,
                    DESTRUCTIVE,
                    "fewer ZooKeeper members: their data goes, and the statically listed ensemble can lose quorum"),
            rule(
                    STS,
                    "spec.replicas",
                    INCREASE,
                    SCALE_OUT,
                    "more ZooKeeper members: new members join and sync the tree from the leader"),
            rule(STS, "spec.replicas", ANY, DESTRUCTIVE, "ZooKeeper member count set or unset: quorum may change"),
            rule(
                    STS,
                    "spec.volumeClaimTemplates**",
                    ANY,
                    DESTRUCTIVE,
                    "volumeClaimTemplates are immutable: the StatefulSet must be re-created; existing claims stay as they are"),
            rule(STS, "spec.template.**", ANY, ROLLING_RESTART, "pod template change: members restart one at a time"),
            rule(STS, "spec.updateStrategy.**", ANY, NONE, "update policy only; no pod restarts"),
            rule(STS, "spec.persistentVolumeClaimRetentionPolicy.**", ANY, NONE, "claim retention policy only"),
            rule(STS, "spec.minReadySeconds", ANY, NONE, "rollout pacing only; no pod restarts"),
            rule(STS, "metadata.**", ANY, NONE, "labels and annotations of the StatefulSet only"),
            rule(
                    STS,
                    "**",
                    ANY,
                    DESTRUCTIVE,
                    "immutable StatefulSet field (selector, serviceName, podManagementPolicy): it must be re-created"),
            rule(
                    "ConfigMap",
                    "data.**",
                    ANY,
                    CONFIG_RELOAD,
                    "mounted files update in running pods (subPath mounts, like ZooKeeper's setup script, at the next restart)"),
            rule("ConfigMap", "binaryData.**", ANY, CONFIG_RELOAD, "mounted files update in running pods"),
            rule("Service", "**", ANY, NONE, "Service change: no pod restarts; traffic follows the new spec"),
            rule("PodDisruptionBudget", "**", ANY, NONE, "eviction budget only; no pod restarts"),
            rule(ANY_KIND, "metadata.**", ANY, NONE, "labels and annotations only"),
            rule(
                    HELM_VALUES,
                    "externalClickhouse.host",
                    ANY,
                    DESTRUCTIVE,
                    "SigNoz would read and write another ClickHouse host"),
            rule(
                    HELM_VALUES,
                    "clickhouse.fullnameOverride",
                    ANY,
                    DESTRUCTIVE,
                    "renames the bundled ClickHouse host: a new installation with new, empty volumes"),
            rule(
                    HELM_VALUES,
                    "clickhouse.enabled",
                    ANY,
                    DESTRUCTIVE,
                    "switches between bundled and external ClickHouse: the bundled installation is created or deleted"),
            rule(
                    HELM_VALUES,
                    "clickhouse.cluster",
                    ANY,
                    DESTRUCTIVE,
                    "SigNoz's tables would address another ClickHouse cluster"),
            rule(
                    HELM_VALUES,
                    "externalClickhouse.cluster",
                    ANY,
                    DESTRUCTIVE,
                    "SigNoz's tables would address another ClickHouse cluster"),
            rule(
                    HELM_VALUES,
                    "clickhouse.layout.*",
                    DECREASE,
                    DESTRUCTIVE,
                    "fewer shards or replicas: the removed hosts are deleted with their data"),
            rule(
                    HELM_VALUES,
                    "clickhouse.layout.*",
                    INCREASE,
                    SCALE_OUT,
                    "more shards or replicas: new hosts start and catch up"),
            rule(
                    HELM_VALUES,
                    "clickhouse.layout.**",
                    ANY,
                    DESTRUCTIVE,
                    "ClickHouse layout changed: hosts may be deleted"),
            rule(
                    HELM_VALUES,
                    "clickhouse.persistence.size",
                    DECREASE,
                    DESTRUCTIVE,
                    "smaller volume: a claim cannot shrink; every host needs a new, empty volume"),
            rule(
                    HELM_VALUES,
                    "clickhouse.persistence.size",
                    INCREASE,
                    ROLLING_RESTART,
                    "larger volume: each host's StatefulSet is re-created, restarting it; the class must allow expansion"),
            rule(
                    HELM_VALUES,
                    "clickhouse.persistence.**",
                    ANY,
                    DESTRUCTIVE,
                    "ClickHouse volumes change class or shape: every host needs a new, empty volume"),
            rule(
                    HELM_VALUES,
                    "clickhouse.zookeeper.replicaCount",
                    DECREASE,
                    DESTRUCTIVE,
                    "fewer ZooKeeper members: their data goes and the ensemble can lose quorum"),
            rule(HELM_VALUES, "clickhouse.zookeeper.replicaCount", INCREASE, SCALE_OUT, "more ZooKeeper members join"),
            rule(
                    HELM_VALUES,
                    "clickhouse.zookeeper.persistence.**",
                    ANY,
                    DESTRUCTIVE,
                    "ZooKeeper's volumeClaimTemplates are immutable: its StatefulSet must be re-created"),
            rule(
                    HELM_VALUES,
                    "clickhouse.zookeeper.podAntiAffinityPreset",
                    ANY,
                    ROLLING_RESTART,
                    "HA rule: ZooKeeper members on distinct nodes, so one node cannot take the quorum"),
            rule(
                    HELM_VALUES,
                    "clickhouse.zookeeper.pdb.**",
                    ANY,
                    NONE,
                    "HA rule: a disruption budget keeps a drain from taking ZooKeeper's quorum; no pod restarts"),
            rule(
                    HELM_VALUES,
                    "clickhouse.zookeeper.autopurge.**",
                    ANY,
                    ROLLING_RESTART,
                    "HA rule: ZooKeeper purges old snapshots, so its volume does not fill; members restart one at a time"),
            rule(
                    HELM_VALUES,
                    "**.resources.limits.memory",
                    ADDED,
                    ROLLING_RESTART,
                    "HA rule: a memory limit, so the node's OOM killer does not pick this pod first"),
            rule(
                    HELM_VALUES,
                    "signoz.persistence.**",
                    ANY,
                    DESTRUCTIVE,
                    "SigNoz's volume claims cannot change: helm fails, or its StatefulSet is re-created with an empty volume"),
            rule(
                    HELM_VALUES,
                    "global.storageClass",
                    ANY,
                    DESTRUCTIVE,
                    "class of the chart's volumes that name none (SigNoz's): a StatefulSet's claims cannot change, so helm fails"),
            rule(
                    HELM_VALUES,
                    "**.replicaCount",
                    INCREASE,
                    SCALE_OUT,
                    "more replicas: new pods start; running ones are untouched"),
            rule(
                    HELM_VALUES,
                    "**.replicaCount",
                    DECREASE,
                    ROLLING_RESTART,
                    "fewer replicas: surplus pods stop and their in-flight work is retried elsewhere"),
            rule(
                    HELM_VALUES,
                    "**",
                    REMOVED,
                    ROLLING_RESTART,
                    "set in the release's values, not by the topology: a deploy drops it (adopt lists it as not mapped)"),
            rule(HELM_VALUES, "**", ANY, ROLLING_RESTART, "chart value change: Helm rolls the workloads that use it"),
            rule(ANY_KIND, "**", ANY, ROLLING_RESTART, "change to another kind of object: assume its pods restart"));

    private DisruptionRules() {}

    /** The first matching rule's classification of one change to an object of {@code kind}. */
    public static ClassifiedChange classify(String kind, Change change) {
        for (Rule rule : RULES) {
            if (rule.matches(kind, change)) {
                return new ClassifiedChange(change, rule.disruption(), rule.reason());
            }
        }
        throw new IllegalStateException("no disruption rule for " + kind + " " + change.path());
    }

    /** Every change classified, in order. */
    public static List<ClassifiedChange> classify(String kind, List<Change> changes) {
        return changes.stream().map(change -> classify(kind, change)).toList();
    }

    /** How disruptive deleting an object of {@code kind} the tool no longer renders is. */
    public static Verdict deletion(String kind) {
        return switch (kind) {
            case CHI ->
                new Verdict(
                        DESTRUCTIVE, "deletes every ClickHouse host; volumes survive only with reclaimPolicy Retain");
            case "ClickHouseKeeperInstallation" ->
                new Verdict(
                        DESTRUCTIVE,
                        "deletes every Keeper server: replicated tables turn read-only until an ensemble holding their "
                                + "metadata serves again");
            case STS, "PersistentVolumeClaim" ->
                new Verdict(DESTRUCTIVE, "deletes pods that hold data, or their volumes");
            default -> new Verdict(NONE, "no longer rendered by signoz-ha");
        };
    }

    private static Rule rule(String scope, String glob, When when, Disruption disruption, String reason) {
        return new Rule(scope, PathPattern.of(glob), when, disruption, reason);
    }
}
