package dev.signozha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.Project;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Offline paths must not pay for the Kubernetes client or a JDBC driver: checked in a fresh JVM with -verbose:class. */
class OfflineStartupIT {

    @Test
    void offlinePlan_loadsNoKubernetesClientOrJdbcClasses() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(
                        java.toString(),
                        "-verbose:class",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.signozha.Main",
                        "plan",
                        "--offline",
                        "-f",
                        "examples/production-2x2.yaml"))
                .directory(Project.root().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("dev.signozha.core.plan.OfflinePlanner"), "the plan ran in this JVM");
        assertFalse(output.contains("io.fabric8.kubernetes.client"), "Kubernetes client classes were loaded");
        // picocli's built-in converters touch java.sql types; what must stay unloaded is a JDBC driver.
        assertFalse(
                output.contains("com.clickhouse") || output.contains("ru.yandex.clickhouse"),
                "a JDBC driver was loaded");
    }
}
