package dev.signozha.cluster.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckContext;
import dev.signozha.checks.CheckResult;
import dev.signozha.checks.CheckRunner;
import dev.signozha.checks.CheckSpec;
import dev.signozha.checks.ClickHouseEvidence;
import dev.signozha.checks.DoctorChecks;
import dev.signozha.checks.Finding;
import dev.signozha.checks.Intended;
import dev.signozha.core.clickhouse.Thresholds;
import dev.signozha.support.Project;
import dev.signozha.support.clickhouse.ChDb;
import dev.signozha.support.clickhouse.ChDbHttpFront;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DISK_USAGE and REPLICATION_ENGINE_MISMATCH on a modern engine (chDB 26.7, through the product's driver and the
 * HTTP front): the disks are real directories whose fill level ClickHouse itself computes; each is given a
 * keep_free_space_bytes that leaves the wanted share of it in use, as an operator's reserve would. Disks added to
 * the engine stay for the JVM, so one test builds the warning and then the error.
 */
class ClickHouseStorageChDbIT {

    private static final String USER = "default";
    private static final Pattern USED = Pattern.compile("is (\\d+)% used");

    private static ChDb engine;
    private static ChDbHttpFront front;

    @BeforeAll
    static void start() {
        engine = ChDb.require();
        engine.loadSignozSchema();
        front = ChDbHttpFront.start(engine, USER, "");
    }

    @AfterAll
    static void stop() {
        if (front != null) {
            front.close();
        }
    }

    /** A disk of the engine at {@code usedPercent} of its size less the space it keeps free. */
    private static Path disk(String name, double usedPercent) throws IOException {
        FileStore store = Files.getFileStore(Project.path("target"));
        long total = store.getTotalSpace();
        long used = total - store.getUsableSpace();
        return engine.addLocalDisk(name, Math.max(0, total - Math.round(used / (usedPercent / 100))));
    }

    private static CheckResult check(CheckSpec spec, int replicas) {
        Intended intended = new Intended(
                "test", "local", "local", "local-clickhouse", ChDb.CLUSTER, 1, replicas, 3, null, null, null, false);
        ClickHouseEvidence evidence = ClickHouseEvidence.of(
                new ClickHouseInspector(
                                new DirectHosts(
                                        front.host(), front.port(), new DriverConnections(new Credentials(USER, ""))),
                                Clock.systemUTC())
                        .inspect(ChDb.CLUSTER),
                Thresholds.DEFAULTS);
        return CheckRunner.run(
                        DoctorChecks.all().stream()
                                .filter(c -> c.spec() == spec)
                                .toList(),
                        new CheckContext(Optional.empty(), Optional.of(intended), evidence))
                .results()
                .get(0);
    }

    private static int usedPercent(Finding finding) {
        Matcher used = USED.matcher(finding.detail());
        assertTrue(used.find(), finding.detail());
        return Integer.parseInt(used.group(1));
    }

    @Test
    void aDiskPast80Percent_isAWarning_andOnePast90_makesItAnError() throws IOException {
        Path nearlyFullPath = disk("nearly_full", 85);
        CheckResult warning = check(CheckCatalog.DISK_USAGE, 2);
        assertTrue(warning.isWarning() && !warning.isError(), warning.findings().toString());
        assertEquals(1, warning.findings().size(), warning.findings().toString());
        Finding nearlyFull = warning.findings().get(0);
        assertTrue(
                nearlyFull.detail().startsWith("localhost:49000: disk nearly_full (" + nearlyFullPath + "/) is "),
                nearlyFull.detail());
        assertTrue(usedPercent(nearlyFull) >= 83 && usedPercent(nearlyFull) <= 87, nearlyFull.detail());
        assertEquals(List.of("ClickHouse/127.0.0.1:" + front.port()), nearlyFull.objects());

        disk("full", 96);
        CheckResult error = check(CheckCatalog.DISK_USAGE, 2);
        assertTrue(error.isError(), error.findings().toString());
        assertEquals(
                List.of("full", "nearly_full"),
                error.findings().stream()
                        .map(f -> f.detail().replaceAll(".*: disk (\\w+) .*", "$1"))
                        .toList());
    }

    @Test
    void signozsMergeTreeTablesWithTwoReplicas_areAnEngineMismatch() {
        CheckResult result = check(CheckCatalog.REPLICATION_ENGINE_MISMATCH, 2);
        assertTrue(result.isError());
        assertEquals(
                List.of("localhost:49000: 6 SigNoz table(s) are not replicated although the cluster has 2 replicas "
                        + "per shard, so each replica holds different data: signoz_logs.logs_v2 (MergeTree), "
                        + "signoz_logs.schema_migrations_v2 (ReplacingMergeTree), signoz_metrics.samples_v4 (MergeTree), "
                        + "signoz_metrics.schema_migrations_v2 (ReplacingMergeTree), signoz_traces.schema_migrations_v2 "
                        + "(ReplacingMergeTree) and 1 more"),
                result.findings().stream().map(Finding::detail).toList());
        assertEquals(
                CheckResult.Status.SKIP,
                check(CheckCatalog.REPLICATION_ENGINE_MISMATCH, 1).status());
    }
}
