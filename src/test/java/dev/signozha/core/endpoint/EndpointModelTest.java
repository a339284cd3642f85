package dev.signozha.core.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.inventory.SnapshotParser;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each place a component takes a ClickHouse address from, read from objects as the API returns them. */
class EndpointModelTest {

    private static String workload(String kind, String name, String containers, String volumes) {
        String template = "      template:\n        spec:\n          containers:\n" + containers
                + (volumes.isEmpty() ? "" : "          volumes:\n" + volumes);
        String spec = kind.equals("CronJob")
                ? "  spec:\n    schedule: '0 3 * * *'\n    jobTemplate:\n      spec:\n"
                        + template.replaceAll("(?m)^", "    ")
                : "  spec:\n" + template.replaceAll("(?m)^    ", "  ");
        String apiVersion = kind.equals("Job") || kind.equals("CronJob") ? "batch/v1" : "apps/v1";
        return "- apiVersion: " + apiVersion + "\n  kind: " + kind + "\n  metadata:\n    name: " + name
                + "\n    namespace: platform\n" + spec;
    }

    private static String container(String name, String env, String args, String mounts) {
        return "          - name: " + name + "\n            image: signoz/app:1\n"
                + (env.isEmpty() ? "" : "            env:\n" + env)
                + (args.isEmpty() ? "" : "            args: " + args + "\n")
                + (mounts.isEmpty() ? "" : "            volumeMounts:\n" + mounts);
    }

    /** The container with an envFrom list (YAML items at column 0) before its env. */
    private static String withEnvFrom(String container, String envFrom) {
        return container.replace(
                "            env:\n",
                "            envFrom:\n" + envFrom.replaceAll("(?m)^(?=.)", "            ") + "            env:\n");
    }

    private static String env(String name, String value) {
        return "            - name: " + name + "\n              value: '" + value + "'\n";
    }

    private static String configMap(String name, String key, String value) {
        return "- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: " + name + "\n    namespace: platform\n"
                + "  data:\n    " + key + ": |\n" + value.replaceAll("(?m)^", "      ") + "\n";
    }

    private static List<EndpointModel.Component> model(String... items) {
        return EndpointModel.of(
                SnapshotParser.parse("test", "apiVersion: v1\nkind: List\nitems:\n" + String.join("", items)),
                "platform");
    }

    private static String endpoints(List<EndpointModel.Component> components) {
        return components.stream()
                .flatMap(c ->
                        c.endpoints().stream().map(e -> c.id() + " " + e.source() + " → " + e + " " + e.protocol()))
                .collect(Collectors.joining("\n"));
    }

    private static String unreadable(List<EndpointModel.Component> components) {
        return components.stream()
                .flatMap(c -> c.unreadable().stream().map(u -> c.id() + " " + u))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void environment_hostPortCluster_dsnsWithTheirCluster_andReferencesExpandedInOrder() {
        String containers = container(
                "signoz",
                env("CLICKHOUSE_HOST", "ch")
                        + env("CLICKHOUSE_PORT", "9001")
                        + env("CLICKHOUSE_CLUSTER", "prod")
                        + env("H", "ch2.platform")
                        + env(
                                "SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN",
                                "tcp://$(H):9000/?password=$(CLICKHOUSE_PASSWORD)")
                        + env("SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_CLUSTER", "other")
                        + env("ClickHouseUrl", "$(LATER):9000")
                        + env("LATER", "never-seen"),
                "",
                "");
        assertEquals("""
                StatefulSet/platform/signoz env CLICKHOUSE_HOST → ch:9001 cluster prod native
                StatefulSet/platform/signoz env SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN → ch2.platform:9000 cluster other native""", endpoints(model(workload("StatefulSet", "signoz", containers, ""))));
        assertEquals(
                "StatefulSet/platform/signoz env ClickHouseUrl ($(LATER):9000): the host depends on a variable "
                        + "that has no value here",
                unreadable(model(workload("StatefulSet", "signoz", containers, ""))));
    }

    @Test
    void arguments_dsnAndClusterFlags_expandedWithTheWholeEnvironment() {
        String containers = container(
                        "sync",
                        env("CLICKHOUSE_CLUSTER", "prod"),
                        "[sync, --cluster-name=$(CLICKHOUSE_CLUSTER), --dsn, 'tcp://$(U):$(P)@$(HOST):9000']",
                        "")
                .replace("            env:\n", "            env:\n" + env("HOST", "ch") + env("U", "admin"));
        assertEquals(
                "Job/platform/migrator argument --dsn → ch:9000 cluster prod native",
                endpoints(model(workload("Job", "migrator", containers, ""))));
        assertEquals(
                "CronJob/platform/backup argument --clickhouse-dsn → ch:9000 cluster c2 native",
                endpoints(model(workload(
                        "CronJob",
                        "backup",
                        container("b", "", "[--clickhouse-dsn, 'tcp://ch:9000', --clickhouse-cluster, c2]", ""),
                        ""))));
    }

    @Test
    void configMaps_keyReferences_andEnvFromWithPrefix_laterEnvWins() {
        String containers = withEnvFrom(
                container("signoz", """
                            - name: CLICKHOUSE_HOST
                              valueFrom:
                                configMapKeyRef: {name: endpoint, key: host}
                            - name: SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_DSN
                              valueFrom:
                                configMapKeyRef: {name: absent, key: dsn}
                """, "", ""),
                "- configMapRef: {name: store}\n  prefix: SIGNOZ_TELEMETRYSTORE_\n"
                        + "- configMapRef: {name: store}\n");
        List<EndpointModel.Component> components = model(
                workload("Deployment", "signoz", containers, ""),
                configMap("endpoint", "host", "ch-from-key"),
                configMap("store", "CLICKHOUSE_DSN", "tcp://ch-from-envfrom:9000"));
        assertEquals("""
                Deployment/platform/signoz env CLICKHOUSE_HOST → ch-from-key:9000 native
                Deployment/platform/signoz env SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN → ch-from-envfrom:9000 native
                Deployment/platform/signoz env CLICKHOUSE_DSN → ch-from-envfrom:9000 native""", endpoints(components));
        assertEquals(
                "Deployment/platform/signoz env SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_DSN (from ConfigMap absent key dsn, "
                        + "which this read does not hold): signoz-ha does not read that value",
                unreadable(components));
    }

    @Test
    void secrets_hideTheAddress_soItIsUnreadable_butAPasswordInASecretIsNot() {
        String containers = withEnvFrom(container("signoz", """
                            - name: CLICKHOUSE_PASSWORD
                              valueFrom:
                                secretKeyRef: {name: creds, key: password}
                            - name: SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN
                              valueFrom:
                                secretKeyRef: {name: dsn, key: dsn}
                            - name: CLICKHOUSE_HOST
                              valueFrom:
                                fieldRef: {fieldPath: status.hostIP}
                            - name: ClickHouseUrl
                              value: 'tcp://admin:$(CLICKHOUSE_PASSWORD)@ch:9000'
                """, "", ""), "- secretRef: {name: more}\n");
        List<EndpointModel.Component> components = model(workload("StatefulSet", "signoz", containers, ""));
        assertEquals("StatefulSet/platform/signoz env ClickHouseUrl → ch:9000 native", endpoints(components));
        assertEquals("""
                StatefulSet/platform/signoz env CLICKHOUSE_HOST (from the downward API): signoz-ha does not read that value
                StatefulSet/platform/signoz env SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN (from Secret dsn key dsn): signoz-ha does not read that value
                StatefulSet/platform/signoz envFrom (every key of Secret more): its variables are not read, and may set \
                the ClickHouse address""", unreadable(components));
    }

    @Test
    void envFromASecret_onAComponentWithoutClickHouseSettings_isNotAnEndpoint() {
        String containers = withEnvFrom(container("web", env("PORT", "80"), "", ""), "- secretRef: {name: web}\n");
        assertEquals(List.of(), model(workload("Deployment", "web", containers, "")));
    }

    private static final String COLLECTOR_CONFIG = """
            receivers: {otlp: {}}
            exporters:
              clickhousetraces:
                datasource: tcp://${env:CLICKHOUSE_USER}:${env:CLICKHOUSE_PASSWORD}@${env:CLICKHOUSE_HOST}:${env:CLICKHOUSE_PORT}/t
              clickhouselogsexporter/archive:
                dsn: tcp://${ARCHIVE}:9000/l
                cluster_name: ${env:CLUSTER}
              signozclickhousemetrics:
                dsn: tcp://ch:9000/?x=$${NOT_EXPANDED}
                cluster: c3
              metadataexporter:
                dsn: clickhouse://${env:UNDEFINED}:9000/m
              clickhouse:
                endpoint: http://ch-http:8123
              otlp:
                endpoint: otel-gateway:4317
              sentry:
                dsn: https://key@sentry.example.com/1
            """;

    private static String collector(String args, String mounts, String volumes) {
        return workload(
                "Deployment",
                "collector",
                container(
                        "collector",
                        env("CLICKHOUSE_HOST", "ch")
                                + env("CLICKHOUSE_PORT", "9000") + env("ARCHIVE", "ch-archive") + env("CLUSTER", "c2")
                                + """
                            - name: CLICKHOUSE_PASSWORD
                              valueFrom:
                                secretKeyRef: {name: creds, key: password}
                """,
                        args,
                        mounts),
                volumes);
    }

    @Test
    void collectorConfig_everyClickHouseExporter_throughTheMountedConfigMap_withCollectorExpansion() {
        List<EndpointModel.Component> components = model(
                collector(
                        "['--config=/conf/otel-collector-config.yaml']",
                        "            - {name: config, mountPath: /conf}\n",
                        "          - name: config\n            configMap: {name: otel}\n"),
                configMap("otel", "otel-collector-config.yaml", COLLECTOR_CONFIG));
        assertEquals("""
                Deployment/platform/collector env CLICKHOUSE_HOST → ch:9000 native
                Deployment/platform/collector exporter clickhousetraces in ConfigMap otel → ch:9000 native
                Deployment/platform/collector exporter clickhouselogsexporter/archive in ConfigMap otel → ch-archive:9000 cluster c2 native
                Deployment/platform/collector exporter signozclickhousemetrics in ConfigMap otel → ch:9000 cluster c3 native
                Deployment/platform/collector exporter clickhouse in ConfigMap otel → ch-http:8123 http""", endpoints(components));
        assertEquals(
                "Deployment/platform/collector exporter metadataexporter in ConfigMap otel "
                        + "(clickhouse://:9000/m): \":9000\" is not a host[:port]",
                unreadable(components));
    }

    @Test
    void collectorConfig_throughSubPathAndItems_andASeparateConfigFlag() {
        List<EndpointModel.Component> components = model(
                collector(
                        "[--config, /etc/otel/collector.yaml]",
                        "            - {name: custom, mountPath: /etc/otel/collector.yaml, subPath: collector.yaml}\n"
                                + "            - {name: other, mountPath: /etc}\n",
                        "          - name: custom\n            configMap:\n              name: custom\n              items:\n"
                                + "              - {key: config.yaml, path: collector.yaml}\n"
                                + "          - name: other\n            emptyDir: {}\n"),
                configMap(
                        "custom",
                        "config.yaml",
                        "exporters:\n  clickhousetraces:\n    datasource: tcp://ch-sub:9000\n"));
        assertTrue(
                endpoints(components).contains("exporter clickhousetraces in ConfigMap custom → ch-sub:9000"),
                endpoints(components));
        assertEquals("", unreadable(components));
    }

    @Test
    void collectorConfig_thatCannotBeRead_isUnreadable_withTheReason() {
        String mount = "            - {name: config, mountPath: /conf}\n";
        String volume = "          - name: config\n            configMap: {name: otel}\n";
        assertEquals(
                "Deployment/platform/collector config file /conf/c.yaml (ConfigMap otel key c.yaml): this read holds "
                        + "no such ConfigMap key",
                unreadable(model(collector("['--config=/conf/c.yaml']", mount, volume))));
        assertEquals(
                "Deployment/platform/collector config file /secret/c.yaml (volume s): the file is not in a "
                        + "ConfigMap volume, so its exporters cannot be read",
                unreadable(model(collector(
                        "['--config=/secret/c.yaml']",
                        "            - {name: s, mountPath: /secret}\n",
                        "          - name: s\n            secret: {secretName: s}\n"))));
        assertEquals(
                "Deployment/platform/collector config file /nowhere/c.yaml (no volume): the file is not in a "
                        + "ConfigMap volume, so its exporters cannot be read",
                unreadable(model(collector("['--config=/nowhere/c.yaml']", mount, volume))));
        assertEquals(
                "Deployment/platform/collector config file yaml:exporters::x (yaml:exporters::x): not a file path; "
                        + "signoz-ha reads only files",
                unreadable(model(collector("['--config=yaml:exporters::x']", mount, volume))));
        assertTrue(
                unreadable(model(
                                collector("['--config=file:/conf/c.yaml']", mount, volume),
                                configMap("otel", "c.yaml", "exporters: [unclosed")))
                        .startsWith(
                                "Deployment/platform/collector config in ConfigMap otel key c.yaml (ConfigMap otel key c.yaml): not YAML"));
        assertEquals(
                "Deployment/platform/collector config file /conf/c.yaml (ConfigMap otel key (none: not in items)): "
                        + "this read holds no such ConfigMap key",
                unreadable(model(
                        collector(
                                "['--config=/conf/c.yaml']",
                                mount,
                                "          - name: config\n            configMap:\n              name: otel\n              items:\n"
                                        + "              - {key: other, path: other.yaml}\n"),
                        configMap("otel", "c.yaml", "a: 1"))));
    }

    @Test
    void everyWorkloadKind_initContainersToo_onlyInTheNamespace() {
        String host = container("c", env("CLICKHOUSE_HOST", "ch"), "", "");
        String init = host.replace(
                "          - name: c",
                "          - name: main\n            image: x\n" + "          initContainers:\n          - name: c");
        List<EndpointModel.Component> components = model(
                workload("StatefulSet", "s", host, ""),
                workload("Deployment", "d", init, ""),
                workload("DaemonSet", "ds", host, ""),
                workload("Job", "j", host, ""),
                workload("CronJob", "cj", host, ""),
                workload("Deployment", "elsewhere", host, "").replace("namespace: platform", "namespace: other"),
                workload("Deployment", "no-clickhouse", container("c", env("X", "1"), "", ""), ""));
        assertEquals(
                List.of(
                        "StatefulSet/platform/s",
                        "Deployment/platform/d",
                        "DaemonSet/platform/ds",
                        "Job/platform/j",
                        "CronJob/platform/cj"),
                components.stream().map(EndpointModel.Component::id).toList());
    }

    @Test
    void endpoint_serviceNamesInEveryClusterDnsForm_addressesAndOutsideNamesAreNotServices() {
        for (String host : List.of(
                "ch",
                "ch.platform",
                "ch.platform.svc",
                "ch.platform.svc.cluster.local",
                "ch.platform.svc.corp.example")) {
            ClickHouseEndpoint endpoint = new ClickHouseEndpoint("env", host, 9000, "native", null);
            assertTrue(endpoint.isService(), host);
            assertEquals("ch", endpoint.serviceName());
            assertEquals(host.equals("ch") ? "own" : "platform", endpoint.namespaceOr("own"));
        }
        for (String host : List.of("10.0.0.7", "fd00::7", "ch.example.com")) {
            assertFalse(new ClickHouseEndpoint("env", host, 9000, "native", null).isService(), host);
        }
        assertTrue(new ClickHouseEndpoint("env", "10.0.0.7", 9000, "native", null).isAddress());
        assertFalse(new ClickHouseEndpoint("env", "ch.example.com", 9000, "native", null).isAddress());
        assertEquals("ch:9000 cluster prod", new ClickHouseEndpoint("env", "ch", 9000, "native", "prod").toString());
        assertEquals("ch:9000", new ClickHouseEndpoint("env", "ch", 9000, "native", null).toString());
    }
}
