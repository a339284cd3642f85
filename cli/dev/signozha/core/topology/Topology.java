package dev.signozha.core.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The topology file (apiVersion signoz-ha/v1, kind Topology): the single input every command renders from.
 * Fields are nullable as read from a file; after {@link TopologyLoader} has applied the profile every
 * field is set except the optional ones (storage classes, capacity, ingress host and class).
 * The JSON Schema published as schema/topology.schema.json is generated from these records.
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
public record Topology(
        @JsonProperty(required = true) @JsonPropertyDescription("Always signoz-ha/v1.")
        String apiVersion,

        @JsonProperty(required = true) @JsonPropertyDescription("Always Topology.")
        String kind,

        @JsonProperty(required = true) Metadata metadata,
        @JsonProperty(required = true) Spec spec) {

    public static final String API_VERSION = "signoz-ha/v1";
    public static final String KIND = "Topology";

    /** This topology with another chart version, as {@code upgrade --chart-version} asks for. */
    public Topology withChartVersion(String version) {
        Chart chart = new Chart(spec.chart().repository(), spec.chart().name(), version);
        return new Topology(
                apiVersion,
                kind,
                metadata,
                new Spec(
                        spec.profile(),
                        spec.namespace(),
                        spec.release(),
                        chart,
                        spec.clickhouse(),
                        spec.zookeeper(),
                        spec.otelCollector(),
                        spec.signoz(),
                        spec.ingress(),
                        spec.capacity(),
                        spec.backup()));
    }

    /** Identifies the topology; its name labels every object the tool creates. */
    public record Metadata(
            @JsonProperty(required = true)
            @ValueFormat(Format.DNS_1123_LABEL)
            @JsonPropertyDescription("Topology name, used in the signoz-ha/topology label.")
            String name) {}

    /** What to install, and how big. */
    @JsonPropertyOrder({
        "profile",
        "namespace",
        "release",
        "chart",
        "clickhouse",
        "zookeeper",
        "otelCollector",
        "signoz",
        "ingress",
        "capacity",
        "backup"
    })
    public record Spec(
            @JsonPropertyDescription("dev | staging | production: defaults for everything the file leaves out.")
            Profile profile,

            @JsonProperty(required = true)
            @ValueFormat(Format.DNS_1123_LABEL)
            @JsonPropertyDescription("Namespace of the SigNoz release and its ClickHouse.")
            String namespace,

            @ValueFormat(Format.DNS_1035_LABEL) @JsonPropertyDescription("Helm release name of the SigNoz chart.")
            String release,

            Chart chart,
            ClickHouse clickhouse,
            ZooKeeper zookeeper,
            Workload otelCollector,
            Workload signoz,
            Ingress ingress,

            @JsonPropertyDescription("Declared nodes, so plan can check placement without a cluster.")
            Capacity capacity,

            @JsonPropertyDescription("Where upgrade puts the ClickHouse backup it takes before a risky path.")
            Backup backup) {}

    /**
     * Where the ClickHouse backup taken before a risky upgrade goes (ClickHouse's native BACKUP ... ON CLUSTER):
     * an S3 location or a disk of the ClickHouse servers; exactly one.
     */
    @JsonPropertyOrder({"s3", "disk"})
    public record Backup(
            S3Backup s3,

            @ValueFormat(Format.IDENTIFIER)
            @JsonPropertyDescription("A disk of the ClickHouse servers' storage configuration allowed for backups "
                    + "(backups.allowed_disk).")
            String disk) {}

    /** An S3 (or S3-compatible) location; credentials from a Secret, or the servers' own when left out. */
    @JsonPropertyOrder({"url", "accessKeyId", "secretAccessKey"})
    public record S3Backup(
            @JsonProperty(required = true)
            @JsonPropertyDescription("Endpoint and path the backups go under, e.g. "
                    + "https://my-bucket.s3.eu-west-1.amazonaws.com/signoz-backups; each backup gets its own folder.")
            String url,

            @JsonPropertyDescription("Secret key holding the access key id.")
            SecretRef accessKeyId,

            @JsonPropertyDescription("Secret key holding the secret access key.")
            SecretRef secretAccessKey) {}

    /** The SigNoz Helm chart to install. */
    public record Chart(
            @JsonPropertyDescription("Chart repository URL.")
            String repository,

            @JsonPropertyDescription("Chart name in that repository.")
            String name,

            @ValueFormat(Format.SEMVER)
            @JsonPropertyDescription("Chart version; >= 0.113 uses telemetryStoreMigrator, <= 0.112 schemaMigrator.")
            String version) {}

    /** The ClickHouse cluster every component connects to. */
    @JsonPropertyOrder({
        "mode",
        "host",
        "cluster",
        "shards",
        "replicas",
        "image",
        "antiAffinity",
        "topologyKey",
        "storage",
        "resources",
        "user",
        "passwordSecret"
    })
    public record ClickHouse(
            @JsonPropertyDescription(
                    "external: the tool owns the ClickHouseInstallation | bundled: the chart's subchart | existing:"
                            + " another release's, which the tool neither renders nor changes (host names its Service).")
            ClickHouseMode mode,

            @ValueFormat(Format.DNS_1035_LABEL)
            @JsonPropertyDescription("The ONE service name every component connects to.")
            String host,

            @ValueFormat(Format.IDENTIFIER) @JsonPropertyDescription("ClickHouse cluster name (remote_servers).")
            String cluster,

            @Bounds(min = 1, max = 64) Integer shards,

            @Bounds(min = 1, max = 16) @JsonPropertyDescription("Replicas per shard.")
            Integer replicas,

            @ValueFormat(Format.IMAGE) @JsonPropertyDescription("ClickHouse server image, repository:tag.")
            String image,

            @JsonPropertyDescription(
                    "shard: replicas of a shard on different nodes | node: one ClickHouse pod per node | none.")
            AntiAffinity antiAffinity,

            @JsonPropertyDescription("Node label that defines a failure domain for anti-affinity.")
            String topologyKey,

            Storage storage,
            Resources resources,

            @ValueFormat(Format.IDENTIFIER) @JsonPropertyDescription("ClickHouse user the components log in as.")
            String user,

            @JsonPropertyDescription("Secret holding that user's password; inline passwords are refused.")
            SecretRef passwordSecret) {}

    /** The coordination ensemble ClickHouse replication depends on: ZooKeeper, or ClickHouse Keeper. */
    @JsonPropertyOrder({"kind", "replicas", "image", "storage", "resources"})
    public record ZooKeeper(
            @JsonPropertyDescription("zookeeper (when left out) | keeper: ClickHouse Keeper as a "
                    + "ClickHouseKeeperInstallation, external mode only, clickhouse-operator 0.24.0 or later.")
            Coordination kind,

            @Bounds(min = 1, max = 9) Integer replicas,

            @ValueFormat(Format.IMAGE)
            @JsonPropertyDescription("ZooKeeper or Keeper image, repository:tag (external mode); Keeper's defaults to "
                    + "clickhouse/clickhouse-keeper with the ClickHouse image's tag.")
            String image,

            Storage storage,
            Resources resources) {

        /** Whether the ensemble is ClickHouse Keeper; a file that leaves kind out means ZooKeeper. */
        @JsonIgnore
        public boolean isKeeper() {
            return kind == Coordination.KEEPER;
        }
    }

    /** A workload sized by replica count only. */
    public record Workload(@Bounds(min = 1, max = 100) Integer replicas) {}

    /** Ingress for the SigNoz UI. */
    public record Ingress(
            Boolean enabled,

            @JsonPropertyDescription("IngressClass name, e.g. alb or nginx.")
            String className,

            @ValueFormat(Format.DNS_1123_SUBDOMAIN) @JsonPropertyDescription("Host name the UI is served on.")
            String host) {}

    /** Declared nodes. */
    public record Capacity(List<NodePool> nodePools) {}

    /** A group of identical nodes. */
    @JsonPropertyOrder({"name", "count", "cpu", "memory", "pods", "zones"})
    public record NodePool(
            @JsonProperty(required = true) @ValueFormat(Format.DNS_1123_LABEL)
            String name,

            @JsonProperty(required = true) @Bounds(min = 1, max = 10000)
            Integer count,

            @JsonProperty(required = true) @JsonPropertyDescription("Allocatable CPU per node.")
            KubeQuantity cpu,

            @JsonProperty(required = true) @JsonPropertyDescription("Allocatable memory per node.")
            KubeQuantity memory,

            @Bounds(min = 1, max = 1000) @JsonPropertyDescription("Allocatable pods per node (default 110).")
            Integer pods,

            @JsonPropertyDescription("Zones the nodes are spread over, round robin.")
            List<String> zones) {}

    /** A persistent volume request. */
    public record Storage(
            @JsonPropertyDescription("Volume size, e.g. 1Ti.")
            KubeQuantity size,

            @JsonPropertyDescription("StorageClass; the cluster default when left out.")
            String storageClass) {}

    /** Container resources. */
    public record Resources(ResourceList requests, ResourceList limits) {}

    /** CPU and memory amounts. */
    public record ResourceList(KubeQuantity cpu, KubeQuantity memory) {}

    /** A key in a Kubernetes Secret. */
    public record SecretRef(
            @JsonProperty(required = true) @ValueFormat(Format.DNS_1123_SUBDOMAIN)
            String name,

            @JsonProperty(required = true) String key) {}
}
