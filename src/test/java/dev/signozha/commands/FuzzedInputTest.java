package dev.signozha.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.CliRun;
import dev.signozha.support.HealthyFixture;
import dev.signozha.support.YamlMutator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed topology files (mutations of the three examples) and malformed snapshots (mutations of a small slice
 * of the healthy fixture), run through the real command line. A file that is certainly invalid exits 2; every file
 * ends in 0, 2 or 3, within a bound, with located errors, never an internal error or a stack trace. Seeds are
 * fixed, so a failure names a case that reproduces. The fast loop runs the first rounds of mutations (280 files);
 * {@link FuzzedInputIT} runs the same sequence in full (1,520).
 */
class FuzzedInputTest {

    /** Mutations of every kind (ten) per round. */
    private static final int KINDS = 10;

    private static final List<String> EXAMPLES =
            List.of("examples/production-2x2.yaml", "examples/bundled-2x2.yaml", "examples/dev.yaml");
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    /** Rounds of mutations of each topology example. */
    int topologyRounds() {
        return 6;
    }

    /** Rounds of mutations of the snapshot. */
    int snapshotRounds() {
        return 10;
    }

    @TestFactory
    Stream<DynamicTest> topologyFiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (int example = 0; example < EXAMPLES.size(); example++) {
            String seed = Files.readString(Path.of(EXAMPLES.get(example)));
            List<YamlMutator.Mutation> mutations = new YamlMutator(seed, 1000 + example).mutations(topologyRounds());
            for (int i = 0; i < mutations.size(); i++) {
                YamlMutator.Mutation mutation = mutations.get(i);
                String name = Path.of(EXAMPLES.get(example)).getFileName() + " #" + i + " " + mutation.name();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Path file = write("topology", name, mutation.text());
                    CliRun run = assertTimeoutPreemptively(
                            BOUND, () -> CliRun.of("plan", "--offline", "-f", file.toString()));
                    assertHandled(name, file, run, mutation.certainlyInvalid());
                }));
            }
        }
        assertEquals(EXAMPLES.size() * topologyRounds() * KINDS, tests.size(), "topology cases");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> snapshotFiles() {
        String seed = snapshotSeed();
        List<YamlMutator.Mutation> mutations = new YamlMutator(seed, 2000).mutations(snapshotRounds());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < mutations.size(); i++) {
            YamlMutator.Mutation mutation = mutations.get(i);
            String name = "snapshot #" + i + " " + mutation.name();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Path file = write("snapshot", name, mutation.text());
                CliRun run = assertTimeoutPreemptively(
                        BOUND, () -> CliRun.of("doctor", "--snapshot", file.toString(), "-o", "json"));
                // Kubernetes objects ignore unknown fields and most values are free text, so only the
                // structural mutations are certainly invalid here.
                boolean structural = mutation.name().startsWith("alias-bomb")
                        || mutation.name().startsWith("bad-indent")
                        || mutation.name().startsWith("control-byte");
                assertHandled(name, file, run, structural);
            }));
        }
        assertEquals(snapshotRounds() * KINDS, tests.size(), "snapshot cases");
        return tests.stream();
    }

    private static void assertHandled(String name, Path file, CliRun run, boolean certainlyInvalid) {
        String context = name + "\n" + run.err();
        assertNotEquals(1, run.exitCode(), () -> "internal error: " + context);
        assertTrue(List.of(0, 2, 3).contains(run.exitCode()), () -> "exit " + run.exitCode() + ": " + context);
        assertFalse(
                run.err().contains("internal error")
                        || run.err().contains("\tat ")
                        || run.err().contains("Exception"),
                () -> "stack trace or internal error: " + context);
        if (certainlyInvalid) {
            assertTrue(run.exitCode() == 2, () -> "a certainly invalid file must exit 2: " + context);
        }
        if (run.exitCode() == 2) {
            run.err()
                    .lines()
                    .filter(line -> line.startsWith("error: "))
                    .forEach(line -> assertTrue(
                            line.startsWith("error: " + file + ":") || line.startsWith("error: " + file + " "),
                            () -> "error not located in the file: " + line + "\n" + context));
            assertTrue(
                    run.err().lines().anyMatch(line -> line.startsWith("error: ")), () -> "no error line: " + context);
        }
    }

    /** A compact snapshot: a node, the installation, the ZooKeeper StatefulSet, a collector and a ClickHouse pod. */
    private static String snapshotSeed() {
        var fixture = HealthyFixture.inventory();
        List<HasMetadata> items = new ArrayList<>();
        items.add(fixture.nodes().get(0));
        items.addAll(fixture.clickHouseInstallations());
        items.addAll(HealthyFixture.copies(
                fixture.statefulSets(), s -> s.getMetadata().getName().equals("signoz-ha-zookeeper")));
        items.addAll(HealthyFixture.copies(
                fixture.deployments(), d -> d.getMetadata().getName().equals("signoz-otel-collector")));
        items.add(fixture.pods().get(0));
        return Serialization.asYaml(new KubernetesListBuilder().withItems(items).build());
    }

    private static Path write(String kind, String name, String text) {
        try {
            return Files.writeString(dir.resolve(kind + "-" + Integer.toHexString(name.hashCode()) + ".yaml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
