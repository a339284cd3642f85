package dev.signozha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No output of the tool may carry a password: not the SigNoz chart's published default, not a value
 * someone wrote inline by mistake. Every command, every format, every example.
 */
class SecretHygieneTest {

    /** The SigNoz chart's default clickhouse.password (a published, well-known value). */
    static final String CHART_DEFAULT_PASSWORD = "27ff0399-0d3a-4bd8-919d-17c2181e6fb9";

    static final String PLANTED = "Planted-S3cret-4711";

    @Test
    void everyCommandAndFormat_onEveryExample_emitsNoPassword(@TempDir Path out) throws Exception {
        List<String> outputs = new ArrayList<>();
        for (Path example : Examples.all()) {
            String file = Examples.relative(example);
            for (String format : List.of("text", "json", "yaml")) {
                outputs.add(
                        CliRun.of("plan", "--offline", "-f", file, "-o", format).all());
            }
            Path dir = out.resolve(Examples.stem(example));
            outputs.add(CliRun.of("render", "-f", file, "--output-dir", dir.toString())
                    .all());
            if (!Files.exists(dir)) {
                continue; // render refuses bundled mode and writes nothing
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path written : files.filter(Files::isRegularFile).toList()) {
                    outputs.add(Files.readString(written, StandardCharsets.UTF_8));
                }
            }
        }
        for (String output : outputs) {
            assertFalse(output.contains(CHART_DEFAULT_PASSWORD), "the chart's default password leaked");
        }
    }

    @Test
    void inlinePasswords_inAnyShape_areRefusedWithoutEchoingThem(@TempDir Path dir) throws Exception {
        String base = Files.readString(Path.of("examples/production-2x2.yaml"));
        List<String> variants = List.of(
                base.replace("    user: admin\n", "    user: admin\n    password: " + PLANTED + "\n"),
                base.replace(
                        "passwordSecret: {name: clickhouse-credentials, key: password}", "passwordSecret: " + PLANTED),
                base.replace("  signoz: {replicas: 1}\n", "  signoz: {replicas: 1, adminPassword: " + PLANTED + "}\n"),
                base.replace("    user: admin\n", "    user: admin\n    clickhouseToken: \"" + PLANTED + "\"\n"));
        for (int i = 0; i < variants.size(); i++) {
            Path file = Files.writeString(dir.resolve("variant-" + i + ".yaml"), variants.get(i));
            for (String format : List.of("text", "json")) {
                CliRun run = CliRun.of("plan", "--offline", "-f", file.toString(), "-o", format);
                assertEquals(2, run.exitCode(), run.all());
                assertFalse(run.all().contains(PLANTED), "variant " + i + " echoed the password: " + run.all());
            }
        }
    }

    @Test
    void doctor_onAClusterUsingTheDefaultPassword_reportsItWithoutPrintingIt() {
        for (String format : List.of("text", "json", "yaml")) {
            CliRun run = CliRun.of(
                    "doctor", "--snapshot", "src/test/resources/clusters/default-password.yaml", "-o", format);
            assertEquals(3, run.exitCode());
            assertFalse(run.all().contains(CHART_DEFAULT_PASSWORD), format + " output printed the default password");
            assertTrue(run.out().contains("DEFAULT_CLICKHOUSE_PASSWORD"));
        }
    }
}
