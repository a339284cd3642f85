package dev.signozha.core.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.text.GoDuration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The schema migration as a Job signoz-ha runs itself, after ClickHouse has converged and before SigNoz: the
 * chart's own migration containers (image, arguments and environment as the chart renders them for the form),
 * without the chart's hook annotations, and with the password only ever as a reference to the Secret. It runs
 * once ({@code backoffLimit: 0}, {@code restartPolicy: Never}) so a failure stays readable in the failed
 * container's log instead of being retried away; the migrator retries inside its own timeout. Pure.
 */
public final class MigrationJob {

    /** The Job's name and component label; "migrator" in it is what the migration checks recognise. */
    public static final String NAME = "signoz-ha-schema-migrator";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * What the Job needs: where it runs, the image the chart uses for the form, the ClickHouse it migrates (the
     * topology's host, native port, cluster and whether tables are replicated), the user and the Secret key
     * holding the password, and the migrator's own retry budget.
     */
    public record Request(
            String namespace,
            String release,
            String chartVersion,
            MigratorForm form,
            String image,
            String host,
            int tcpPort,
            String cluster,
            boolean replicated,
            String user,
            String secretName,
            String secretKey,
            Duration timeout) {}

    private MigrationJob() {}

    public static ObjectNode render(Request request) {
        ObjectNode job = NODES.objectNode();
        job.put("apiVersion", "batch/v1");
        job.put("kind", "Job");
        ObjectNode metadata = job.putObject("metadata");
        metadata.put("name", NAME);
        metadata.put("namespace", request.namespace());
        metadata.set("labels", labels(request, true));
        ObjectNode spec = job.putObject("spec");
        spec.put("backoffLimit", 0);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").set("labels", labels(request, false));
        ObjectNode pod = template.putObject("spec");
        pod.put("restartPolicy", "Never");
        pod.put("automountServiceAccountToken", false);
        List<ObjectNode> steps = steps(request);
        ArrayNode init = pod.putArray("initContainers");
        steps.subList(0, steps.size() - 1).forEach(init::add);
        pod.putArray("containers").add(steps.get(steps.size() - 1));
        return job;
    }

    /**
     * The image the chart runs its migration with, from the chart's own rendering of its migration Job(s) (with
     * the Job turned on): the main container of the first Job named or labelled as a migrator; empty when none is rendered.
     */
    public static Optional<String> chartImage(List<JsonNode> renderedDocuments) {
        return renderedDocuments.stream()
                .filter(document -> "Job".equals(document.path("kind").asText()))
                .filter(document -> document.at("/metadata/name").asText().contains("migrator")
                        || document.at("/metadata/labels/app.kubernetes.io~1component")
                                .asText()
                                .contains("migrator"))
                .map(document -> document.at("/spec/template/spec/containers/0/image"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .findFirst();
    }

    private static ObjectNode labels(Request request, boolean withVersion) {
        ObjectNode labels = NODES.objectNode();
        labels.put("app.kubernetes.io/name", "signoz");
        labels.put("app.kubernetes.io/instance", request.release());
        labels.put("app.kubernetes.io/component", NAME);
        labels.put("app.kubernetes.io/managed-by", "signoz-ha");
        if (withVersion) {
            labels.put("signoz-ha.dev/chart-version", request.chartVersion());
        }
        return labels;
    }

    /** The containers in the order they run; the last is the Job's main container. */
    private static List<ObjectNode> steps(Request request) {
        return switch (request.form()) {
            case TELEMETRY_STORE_MIGRATOR ->
                List.of(
                        collectorStep(request, "ready", "migrate", "ready"),
                        collectorStep(request, "bootstrap", "migrate", "bootstrap"),
                        collectorStep(request, "sync", "migrate", "sync", "up"),
                        collectorStep(request, "async", "migrate", "async", "up"));
            case SCHEMA_MIGRATOR -> List.of(schemaStep(request, "sync"), schemaStep(request, "async"));
        };
    }

    private static ObjectNode collectorStep(Request request, String name, String... args) {
        ObjectNode container = container(name, request.image());
        ArrayNode env = credentials(request);
        env(
                env,
                "SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_DSN",
                "tcp://$(CLICKHOUSE_USER):$(CLICKHOUSE_PASSWORD)@$(CLICKHOUSE_HOST):$(CLICKHOUSE_PORT)");
        env(env, "SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_CLUSTER", "$(CLICKHOUSE_CLUSTER)");
        env(env, "SIGNOZ_OTEL_COLLECTOR_TIMEOUT", GoDuration.format(request.timeout()));
        env(env, "SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_REPLICATION", String.valueOf(request.replicated()));
        container.set("env", env);
        ArrayNode arguments = container.putArray("args");
        List.of(args).forEach(arguments::add);
        return container;
    }

    private static ObjectNode schemaStep(Request request, String mode) {
        ObjectNode container = container(mode, request.image());
        container.set("env", credentials(request));
        ArrayNode args = container.putArray("args");
        args.add(mode);
        args.add("--cluster-name");
        args.add("$(CLICKHOUSE_CLUSTER)");
        args.add("--dsn");
        args.add("tcp://$(CLICKHOUSE_USER):$(CLICKHOUSE_PASSWORD)@$(CLICKHOUSE_HOST):$(CLICKHOUSE_PORT)");
        if (request.replicated()) {
            args.add("--replication");
        }
        args.add("--up=");
        return container;
    }

    private static ObjectNode container(String name, String image) {
        ObjectNode container = NODES.objectNode();
        container.put("name", name);
        container.put("image", image);
        container.put("imagePullPolicy", "IfNotPresent");
        return container;
    }

    /** The chart's snippet.clickhouse-credentials, with the password always from the Secret. */
    private static ArrayNode credentials(Request request) {
        ArrayNode env = NODES.arrayNode();
        env(env, "CLICKHOUSE_HOST", request.host());
        env(env, "CLICKHOUSE_PORT", String.valueOf(request.tcpPort()));
        env(env, "CLICKHOUSE_CLUSTER", request.cluster());
        env(env, "CLICKHOUSE_USER", request.user());
        ObjectNode password = env.addObject();
        password.put("name", "CLICKHOUSE_PASSWORD");
        ObjectNode reference = password.putObject("valueFrom").putObject("secretKeyRef");
        reference.put("name", request.secretName());
        reference.put("key", request.secretKey());
        return env;
    }

    private static void env(ArrayNode env, String name, String value) {
        ObjectNode variable = env.addObject();
        variable.put("name", name);
        variable.put("value", value);
    }
}
