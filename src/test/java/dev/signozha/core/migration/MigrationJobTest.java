package dev.signozha.core.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.topology.ChartVersion;
import dev.signozha.core.versions.ChartKnowledge;
import dev.signozha.core.yaml.CanonicalYaml;
import dev.signozha.core.yaml.SourcedTree;
import dev.signozha.core.yaml.YamlReader;
import dev.signozha.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tool's migration Job against the Jobs the real SigNoz chart renders for the same ClickHouse (fixtures in
 * src/test/resources/migration, rendered by helm from the chart's own templates): same image, same commands in the
 * same order, same environment, with the password from the same Secret; only the hook annotations are gone.
 */
class MigrationJobTest {

    private static final String IMAGE_0_131 = "docker.io/signoz/signoz-otel-collector:v0.144.5";
    private static final String IMAGE_0_112 = "docker.io/signoz/signoz-schema-migrator:v0.142.1";

    @Test
    void telemetryStoreForm_runsTheChartsFourStepsWithTheChartsEnvironment() throws IOException {
        JsonNode chart = chartJobs("chart-telemetrystore-migrator-0.131.0.yaml").get(0);
        JsonNode ours = MigrationJob.render(request(MigratorForm.TELEMETRY_STORE_MIGRATOR, IMAGE_0_131));

        assertEquals(steps(chart), steps(ours));
        for (int i = 0; i < 4; i++) {
            JsonNode chartContainer = containers(chart).get(i);
            JsonNode ourContainer = containers(ours).get(i);
            assertEquals(chartContainer.get("image"), ourContainer.get("image"));
            Map<String, JsonNode> chartEnv = env(chartContainer);
            Map<String, JsonNode> ourEnv = env(ourContainer);
            for (String name : List.of(
                    "CLICKHOUSE_HOST",
                    "CLICKHOUSE_PORT",
                    "CLICKHOUSE_CLUSTER",
                    "CLICKHOUSE_USER",
                    "CLICKHOUSE_PASSWORD",
                    "SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_DSN",
                    "SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_CLUSTER",
                    "SIGNOZ_OTEL_COLLECTOR_TIMEOUT",
                    "SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_REPLICATION")) {
                assertEquals(chartEnv.get(name), ourEnv.get(name), name);
            }
        }
    }

    @Test
    void schemaMigratorForm_runsSyncThenAsyncInOneJob_withTheChartsArguments() throws IOException {
        List<JsonNode> chart = chartJobs("chart-schema-migrator-0.112.1.yaml");
        JsonNode ours = MigrationJob.render(request(MigratorForm.SCHEMA_MIGRATOR, IMAGE_0_112));

        List<JsonNode> steps = containers(ours);
        assertEquals(
                List.of("sync", "async"),
                steps.stream().map(c -> c.get("name").asText()).toList());
        for (int i = 0; i < 2; i++) {
            JsonNode chartMigrator = mainContainer(chart.get(i));
            assertEquals(chartMigrator.get("image"), steps.get(i).get("image"));
            // The chart writes host:port into the DSN; the Job refers to the same values through the environment.
            List<String> chartArgs = texts(chartMigrator.get("args")).stream()
                    .map(arg -> arg.replace("prod-clickhouse:9000", "$(CLICKHOUSE_HOST):$(CLICKHOUSE_PORT)"))
                    .toList();
            assertEquals(chartArgs, texts(steps.get(i).get("args")));
            Map<String, JsonNode> chartEnv = env(chartMigrator);
            env(steps.get(i)).forEach((name, value) -> assertEquals(chartEnv.get(name), value, name));
        }
    }

    @Test
    void replicationOff_dropsTheFlagAndSaysFalse() {
        JsonNode schema = MigrationJob.render(unreplicated(MigratorForm.SCHEMA_MIGRATOR, IMAGE_0_112));
        assertFalse(texts(containers(schema).get(0).get("args")).contains("--replication"));
        JsonNode store = MigrationJob.render(unreplicated(MigratorForm.TELEMETRY_STORE_MIGRATOR, IMAGE_0_131));
        assertEquals(
                "false",
                env(containers(store).get(0))
                        .get("SIGNOZ_OTEL_COLLECTOR_CLICKHOUSE_REPLICATION")
                        .get("value")
                        .asText());
    }

    @Test
    void job_runsOnce_withoutHooks_andNeverHoldsAPassword() {
        JsonNode job = MigrationJob.render(request(MigratorForm.TELEMETRY_STORE_MIGRATOR, IMAGE_0_131));
        assertEquals(0, job.at("/spec/backoffLimit").asInt());
        assertEquals("Never", job.at("/spec/template/spec/restartPolicy").asText());
        assertTrue(job.at("/metadata/annotations").isMissingNode(), "no helm or Argo CD hook annotations");
        assertEquals(
                "signoz-ha",
                job.at("/metadata/labels/app.kubernetes.io~1managed-by").asText());
        String text = CanonicalYaml.yaml(job);
        assertFalse(text.contains("password:"), text);
        for (JsonNode container : containers(job)) {
            JsonNode password = env(container).get("CLICKHOUSE_PASSWORD");
            assertTrue(password.get("value") == null, "the password is never a literal");
            assertEquals(
                    "clickhouse-admin",
                    password.at("/valueFrom/secretKeyRef/name").asText());
        }
    }

    @Test
    void form_followsTheVersionKnowledge() {
        ChartKnowledge knowledge = ChartKnowledge.bundled();
        assertEquals(MigratorForm.SCHEMA_MIGRATOR, MigratorForm.of(ChartVersion.parse("0.112.1"), knowledge));
        assertEquals(MigratorForm.TELEMETRY_STORE_MIGRATOR, MigratorForm.of(ChartVersion.parse("0.113.0"), knowledge));
        assertEquals(MigratorForm.TELEMETRY_STORE_MIGRATOR, MigratorForm.of(ChartVersion.parse("0.131.0"), knowledge));
        assertEquals("telemetryStoreMigrator", MigratorForm.TELEMETRY_STORE_MIGRATOR.valuesKey());
    }

    private static MigrationJob.Request request(MigratorForm form, String image) {
        return new MigrationJob.Request(
                "platform",
                "signoz",
                "0.131.0",
                form,
                image,
                "prod-clickhouse",
                9000,
                "prod",
                true,
                "admin",
                "clickhouse-admin",
                "password",
                Duration.ofMinutes(10));
    }

    private static MigrationJob.Request unreplicated(MigratorForm form, String image) {
        MigrationJob.Request replicated = request(form, image);
        return new MigrationJob.Request(
                replicated.namespace(),
                replicated.release(),
                replicated.chartVersion(),
                form,
                image,
                replicated.host(),
                replicated.tcpPort(),
                replicated.cluster(),
                false,
                replicated.user(),
                replicated.secretName(),
                replicated.secretKey(),
                replicated.timeout());
    }

    private static List<JsonNode> chartJobs(String file) throws IOException {
        String text = Files.readString(Project.path("src/test/resources/migration/" + file));
        return YamlReader.readAll(file, text).stream()
                .map(SourcedTree::root)
                .filter(root -> root != null && "Job".equals(root.path("kind").asText()))
                .toList();
    }

    private static List<JsonNode> containers(JsonNode job) {
        List<JsonNode> all = new ArrayList<>();
        job.at("/spec/template/spec/initContainers").forEach(all::add);
        job.at("/spec/template/spec/containers").forEach(all::add);
        return all;
    }

    private static JsonNode mainContainer(JsonNode job) {
        return job.at("/spec/template/spec/containers").get(0);
    }

    private static List<List<String>> steps(JsonNode job) {
        return containers(job).stream()
                .map(container -> {
                    List<String> step =
                            new ArrayList<>(List.of(container.get("name").asText()));
                    step.addAll(texts(container.get("args")));
                    return step;
                })
                .toList();
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        container.path("env").forEach(variable -> env.put(variable.get("name").asText(), variable));
        return env;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
