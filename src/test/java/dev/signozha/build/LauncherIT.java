package dev.signozha.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/signoz-ha on each JDK of the machine: Java 17 to 24 with the class-data-sharing archive, 25 and newer with
 * an AOT cache (for --version, the one without the cluster commands' classes), all built by mvn package; an archive
 * or cache that does not fit (here: garbage) is passed over without a word on stderr.
 */
class LauncherIT {

    private static final Path JAR = Project.path("target/signoz-ha.jar");

    @Test
    void eachJdk_startsTheToolFromItsOwnArchive() throws Exception {
        for (Path jdk : jdks()) {
            Path log = Files.createTempFile("launcher", ".log");
            Result result = run(Project.path("bin/signoz-ha"), jdk, "-Xlog:class+load:file=" + log);
            assertPrintedTheVersion(result, jdk);
            String loaded = Files.readString(log);
            assertTrue(
                    loaded.contains("dev.signozha.commands.Cli source: shared objects file"),
                    jdk + " did not use "
                            + (release(jdk) >= 25 ? "target/signoz-ha-offline.aot" : "target/signoz-ha.jsa"));
            Files.delete(log);
        }
    }

    @Test
    void eachJdk_archiveAndCacheThatDoNotFit_arePassedOverSilently(@TempDir Path copy) throws Exception {
        Path launcher = Files.createDirectories(copy.resolve("bin")).resolve("signoz-ha");
        Files.copy(Project.path("bin/signoz-ha"), launcher);
        launcher.toFile().setExecutable(true);
        Path target = Files.createDirectories(copy.resolve("target"));
        Files.createSymbolicLink(target.resolve("signoz-ha.jar"), JAR);
        FileTime newer = FileTime.from(Instant.now().plusSeconds(60));
        for (String archive : List.of("signoz-ha.jsa", "signoz-ha.aot", "signoz-ha-offline.aot")) {
            Files.writeString(target.resolve(archive), "not an archive");
            Files.setLastModifiedTime(target.resolve(archive), newer);
        }
        for (Path jdk : jdks()) {
            assertPrintedTheVersion(run(launcher, jdk, ""), jdk);
        }
    }

    /** The JDK running the tests (17, what the build needs) and every JDK 25 or newer under /usr/lib/jvm. */
    private static List<Path> jdks() throws IOException {
        List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        Path installed = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> homes = Files.list(installed)) {
                homes.filter(home -> release(home) >= 25).sorted().forEach(jdks::add);
            }
        }
        return jdks;
    }

    private static int release(Path jdk) {
        try (Stream<String> lines = Files.lines(jdk.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION=\""))
                    .map(line -> line.substring("JAVA_VERSION=\"".length()).split("[.\"]")[0])
                    .mapToInt(Integer::parseInt)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static Result run(Path launcher, Path jdk, String javaOptions) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--version");
        builder.environment().remove("JAVA");
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("SIGNOZ_HA_JAVA_OPTS", javaOptions);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(launcher + " on " + jdk + " did not end within 60 s");
        }
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    private record Result(int exitCode, String out, String err) {}

    /** --version's first line, and nothing on stderr: no warning about an archive or cache that did not fit. */
    private static void assertPrintedTheVersion(Result result, Path jdk) {
        assertEquals(0, result.exitCode(), jdk + ": " + result);
        assertEquals("", result.err(), jdk.toString());
        assertTrue(result.out().startsWith("signoz-ha 0.1.0\n"), jdk + ": " + result.out());
    }
}
