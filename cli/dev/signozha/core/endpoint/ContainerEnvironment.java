package dev.signozha.core.endpoint;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container's environment as the kubelet builds it: envFrom sources first (ConfigMaps with their prefix), then
 * env in order, each value's $(VAR) references expanded against what is defined before it; configMapKeyRef read
 * from the namespace's ConfigMaps. Values from Secrets and the downward API are not known here: they are
 * {@code opaque} (name → where the value comes from), and a reference to one stays as written.
 */
public record ContainerEnvironment(Map<String, String> values, Map<String, String> opaque) {

    public static ContainerEnvironment of(Container container, Map<String, ConfigMap> configMaps) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> opaque = new LinkedHashMap<>();
        for (EnvFromSource from : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            String prefix = Optional.ofNullable(from.getPrefix()).orElse("");
            if (from.getConfigMapRef() != null) {
                Optional.ofNullable(configMaps.get(from.getConfigMapRef().getName()))
                        .map(ConfigMap::getData)
                        .ifPresent(data -> data.forEach((key, value) -> values.put(prefix + key, value)));
            } else if (from.getSecretRef() != null) {
                opaque.put(
                        prefix + "*",
                        "every key of Secret " + from.getSecretRef().getName());
            }
        }
        for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            if (variable.getName() == null) {
                continue; // the API server refuses such a variable; a snapshot may still hold one
            }
            String expanded = KubeletExpansion.expand(
                    Optional.ofNullable(variable.getValue()).orElse(""), values);
            values.remove(variable.getName());
            opaque.remove(variable.getName());
            if (variable.getValueFrom() == null) {
                values.put(variable.getName(), expanded);
            } else {
                resolve(variable.getName(), variable.getValueFrom(), configMaps, values, opaque);
            }
        }
        return new ContainerEnvironment(values, opaque);
    }

    private static void resolve(
            String name,
            EnvVarSource source,
            Map<String, ConfigMap> configMaps,
            Map<String, String> values,
            Map<String, String> opaque) {
        ConfigMapKeySelector key = source.getConfigMapKeyRef();
        if (key == null) {
            opaque.put(
                    name,
                    source.getSecretKeyRef() != null
                            ? "Secret " + source.getSecretKeyRef().getName() + " key "
                                    + source.getSecretKeyRef().getKey()
                            : "the downward API");
            return;
        }
        Optional<String> value = Optional.ofNullable(configMaps.get(key.getName()))
                .map(ConfigMap::getData)
                .map(data -> data.get(key.getKey()));
        if (value.isPresent()) {
            values.put(name, value.get());
        } else {
            opaque.put(name, "ConfigMap " + key.getName() + " key " + key.getKey() + ", which this read does not hold");
        }
    }

    /** Command then args, each expanded against the whole environment, as the kubelet does. */
    public List<String> arguments(Container container) {
        List<String> arguments = new ArrayList<>();
        Optional.ofNullable(container.getCommand()).ifPresent(arguments::addAll);
        Optional.ofNullable(container.getArgs()).ifPresent(arguments::addAll);
        return arguments.stream()
                .map(argument -> KubeletExpansion.expand(argument, values))
                .toList();
    }

    /** Where the value a Secret or the downward API gives this variable comes from, if it is one of those. */
    public Optional<String> opaqueSource(String name) {
        return Optional.ofNullable(opaque.get(name))
                .or(() -> opaque.entrySet().stream()
                        .filter(entry -> entry.getKey().endsWith("*")
                                && name.startsWith(entry.getKey().replace("*", "")))
                        .map(Map.Entry::getValue)
                        .findFirst());
    }
}
