package dev.signozha.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ClickHouse exporters of an OpenTelemetry collector: the file each {@code --config} argument names, found
 * through the container's volume mounts (subPath, items) in its ConfigMap, and in it every exporter whose type
 * starts with clickhouse or signozclickhouse, and SigNoz's metadataexporter (named instances type/name too),
 * with ${env:VAR} and ${VAR} expanded as the collector does (an undefined variable is empty, $$ is $).
 */
final class CollectorConfig {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern COLLECTOR_VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)}");
    private static final List<String> ADDRESS_FIELDS = List.of("datasource", "dsn", "endpoint");

    private CollectorConfig() {}

    /** The config files the arguments name ("--config=PATH", "--config PATH", "file:PATH"). */
    static List<String> configPaths(List<String> arguments) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.startsWith("--config=")) {
                paths.add(argument.substring("--config=".length()));
            } else if (argument.equals("--config") && i + 1 < arguments.size()) {
                paths.add(arguments.get(i + 1));
            }
        }
        return paths.stream().map(path -> path.replaceFirst("^file:", "")).toList();
    }

    /** Adds the exporters' endpoints (or why they cannot be read) of the config file at {@code path}. */
    static void read(
            String path,
            Container container,
            PodSpec pod,
            Map<String, ConfigMap> configMaps,
            ContainerEnvironment env,
            EndpointSink sink) {
        String source = "config file " + path;
        if (!path.startsWith("/")) {
            sink.unreadable(new UnreadableEndpoint(source, path, "not a file path; signoz-ha reads only files"));
            return;
        }
        Optional<VolumeMount> mount = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
                .filter(m -> m.getMountPath() != null)
                .filter(m -> path.equals(m.getMountPath())
                        || path.startsWith(m.getMountPath().replaceFirst("/?$", "/")))
                .max(Comparator.comparingInt(m -> m.getMountPath().length()));
        Optional<Volume> volume = mount.flatMap(m -> Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                .filter(v -> Objects.equals(v.getName(), m.getName()))
                .findFirst());
        if (volume.isEmpty() || volume.get().getConfigMap() == null) {
            sink.unreadable(new UnreadableEndpoint(
                    source,
                    volume.map(v -> "volume " + v.getName()).orElse("no volume"),
                    "the file is not in a ConfigMap volume, so its exporters cannot be read"));
            return;
        }
        ConfigMapVolumeSource configMap = volume.get().getConfigMap();
        String key = key(inVolume(path, mount.get()), configMap);
        String where = "ConfigMap " + configMap.getName() + " key " + key;
        Optional<String> text = Optional.ofNullable(configMaps.get(configMap.getName()))
                .map(ConfigMap::getData)
                .map(data -> data.get(key));
        if (text.isEmpty()) {
            sink.unreadable(new UnreadableEndpoint(source, where, "this read holds no such ConfigMap key"));
            return;
        }
        exporters(text.get(), where, env, sink);
    }

    private static String inVolume(String path, VolumeMount mount) {
        String relative = path.substring(mount.getMountPath().length()).replaceFirst("^/", "");
        String subPath = Optional.ofNullable(mount.getSubPath()).orElse("");
        return subPath.isEmpty() ? relative : relative.isEmpty() ? subPath : subPath + "/" + relative;
    }

    private static String key(String inVolume, ConfigMapVolumeSource configMap) {
        return Optional.ofNullable(configMap.getItems()).orElse(List.of()).stream()
                .filter(item -> item.getPath().equals(inVolume))
                .map(KeyToPath::getKey)
                .findFirst()
                .orElse(
                        configMap.getItems() == null || configMap.getItems().isEmpty()
                                ? inVolume
                                : "(none: not in items)");
    }

    private static void exporters(String text, String where, ContainerEnvironment env, EndpointSink sink) {
        JsonNode exporters;
        try {
            exporters = YAML.readTree(text).path("exporters");
        } catch (IOException e) {
            sink.unreadable(new UnreadableEndpoint(
                    "config in " + where,
                    where,
                    "not YAML: " + e.getMessage().lines().findFirst().orElse("")));
            return;
        }
        for (Map.Entry<String, JsonNode> exporter : exporters.properties()) {
            String type = exporter.getKey().split("/")[0];
            if (!writesToClickHouse(type)) {
                continue;
            }
            for (String field : ADDRESS_FIELDS) {
                JsonNode value = exporter.getValue().path(field);
                if (value.isTextual()) {
                    String cluster = firstText(exporter.getValue(), "cluster_name", "cluster");
                    sink.address(
                            "exporter " + exporter.getKey() + " in " + where.replaceFirst(" key .*", ""),
                            expand(value.asText(), env),
                            cluster == null ? null : expand(cluster, env));
                }
            }
        }
    }

    /** clickhouse*, signozclickhouse* and SigNoz's metadataexporter, which writes to ClickHouse too. */
    private static boolean writesToClickHouse(String type) {
        return type.startsWith("clickhouse") || type.startsWith("signozclickhouse") || type.equals("metadataexporter");
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.path(field).isTextual()) {
                return node.path(field).asText();
            }
        }
        return null;
    }

    /** ${env:VAR} and ${VAR} replaced by the value (empty when undefined); a Secret's value stays as written. */
    static String expand(String text, ContainerEnvironment env) {
        Matcher matcher = COLLECTOR_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = name == null
                    ? "$"
                    : env.values().containsKey(name)
                            ? env.values().get(name)
                            : env.opaqueSource(name).isPresent() ? matcher.group() : "";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(out).toString();
    }
}
