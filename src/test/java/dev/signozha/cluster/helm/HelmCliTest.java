package dev.signozha.cluster.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact helm command lines, and how helm's answers become results or errors. No helm binary needed. */
class HelmCliTest {

    private static final String V3 = "v3.18.0+gcc58e3f";
    private static final String V4 = "v4.1.4+g05fa379";
    private static final String V3_12 = "v3.12.3+g3a31588";
    private static final ChartReference SIGNOZ = ChartReference.remote("signoz", "https://charts.signoz.io", "0.82.0");
    private static final Path BASE = Path.of("/work/values/base.yaml");
    private static final Path HA = Path.of("/work/values/ha.yaml");

    private final RecordingProcessRunner runner = new RecordingProcessRunner();
    private final HelmCli helm = new HelmCli(runner, HelmSettings.defaults());

    @Test
    void version_helmAnswers_returnsTheShortVersionTrimmed() {
        runner.ok(V3 + "\n");

        assertEquals(V3, helm.version());
        assertEquals(List.of(List.of("helm", "version", "--short")), runner.argvs());
        assertEquals(HelmSettings.DEFAULT_QUERY_TIMEOUT, runner.last().timeout());
        assertEquals(Map.of(), runner.last().env());
    }

    @Test
    void status_releaseExists_isTheNewestHistoryEntry() throws IOException {
        runner.ok("[" + lastEntry(fixture("history-v3.json")) + "]");

        Optional<HelmRelease> release = helm.status("platform", "signoz");

        assertEquals(
                Optional.of(new HelmRelease("signoz", "platform", 3, "deployed", "signoz-0.81.0", "v0.81.0")), release);
        assertEquals(
                List.of("helm", "history", "signoz", "--namespace", "platform", "--max", "1", "--output", "json"),
                runner.last().argv());
    }

    @Test
    void status_releaseMissing_isEmpty() {
        runner.fails(1, "Error: release: not found\n");

        assertEquals(Optional.empty(), helm.status("platform", "signoz"));
    }

    @Test
    void suppliedValues_releaseExists_parsesTheJsonMapping() {
        runner.ok("{\"otelCollector\":{\"replicaCount\":3}}\n");

        assertEquals(
                3,
                helm.suppliedValues("platform", "signoz")
                        .orElseThrow()
                        .at("/otelCollector/replicaCount")
                        .asInt());
        assertEquals(
                List.of("helm", "get", "values", "signoz", "--namespace", "platform", "--output", "json"),
                runner.last().argv());
    }

    @Test
    void suppliedValues_ofARevision_asksHelmForThatRevision() {
        runner.ok("{\"otelCollector\":{\"replicaCount\":3}}\n");

        assertEquals(
                3,
                helm.suppliedValues("platform", "signoz", 4)
                        .orElseThrow()
                        .at("/otelCollector/replicaCount")
                        .asInt());
        assertEquals(
                List.of(
                        "helm",
                        "get",
                        "values",
                        "signoz",
                        "--namespace",
                        "platform",
                        "--output",
                        "json",
                        "--revision",
                        "4"),
                runner.last().argv());
    }

    @Test
    void computedValues_asksHelmForEveryValue_withTheChartsDefaults() {
        runner.ok("{\"clickhouse\":{\"cluster\":\"cluster\"}}\n");

        assertEquals(
                "cluster",
                helm.computedValues("platform", "signoz")
                        .orElseThrow()
                        .at("/clickhouse/cluster")
                        .asText());
        assertEquals(
                List.of("helm", "get", "values", "signoz", "--namespace", "platform", "--output", "json", "--all"),
                runner.last().argv());
    }

    @Test
    void suppliedValues_noneSupplied_isAnEmptyMapping() {
        runner.ok("null\n");

        assertEquals(0, helm.suppliedValues("platform", "signoz").orElseThrow().size());
    }

    @Test
    void suppliedValues_releaseMissing_isEmpty() {
        runner.fails(1, "Error: release: not found\n");

        assertEquals(Optional.empty(), helm.suppliedValues("platform", "signoz"));
    }

    @Test
    void suppliedValues_notJson_failsWithoutQuotingTheValues() {
        runner.ok("clickhouse: {password: Planted-S3cret}\n");

        HelmException error = assertThrows(HelmException.class, () -> helm.suppliedValues("platform", "signoz"));
        assertFalse(error.getMessage().contains("Planted-S3cret"), error.getMessage());
    }

    @Test
    void history_helm3Output_parsesEveryField() throws IOException {
        runner.ok(fixture("history-v3.json"));

        List<HelmRevision> history = helm.history("platform", "signoz");

        assertEquals(
                List.of(
                        new HelmRevision(
                                1,
                                "superseded",
                                "signoz-0.81.0",
                                "v0.81.0",
                                Optional.of(Instant.parse("2025-05-01T10:15:13.500Z")),
                                "Install complete"),
                        new HelmRevision(
                                2,
                                "failed",
                                "signoz-0.82.0",
                                "v0.82.0",
                                Optional.of(Instant.parse("2025-05-02T10:15:13.123456789Z")),
                                "Upgrade \"signoz\" failed: context deadline exceeded"),
                        new HelmRevision(
                                3,
                                "deployed",
                                "signoz-0.81.0",
                                "v0.81.0",
                                Optional.of(Instant.parse("2025-05-02T10:20:00Z")),
                                "Rollback to 1")),
                history);
        assertEquals(
                List.of("helm", "history", "signoz", "--namespace", "platform", "--output", "json"),
                runner.last().argv());
    }

    @Test
    void history_entryWithoutUpdatedTime_hasNoTime() throws IOException {
        runner.ok(fixture("history-without-updated.json"));

        assertEquals(
                List.of(new HelmRevision(
                        1, "deployed", "signoz-0.82.0", "v0.82.0", Optional.empty(), "Install complete")),
                helm.history("platform", "signoz"));
    }

    @Test
    void history_releaseMissing_isEmpty() {
        runner.fails(1, "Error: release: not found\n");

        assertEquals(List.of(), helm.history("platform", "signoz"));
    }

    @Test
    void history_outputNotJson_failsWithoutQuotingTheOutput() {
        runner.ok("clickhouse:\n  password: Planted-S3cret\n");

        HelmException e = assertThrows(HelmException.class, () -> helm.history("platform", "signoz"));

        assertEquals("helm history signoz -n platform printed output signoz-ha cannot read: not JSON", e.getMessage());
    }

    @Test
    void history_entryWithoutRevision_isUnreadable() {
        runner.ok("[{\"status\":\"deployed\"}]");

        HelmException e = assertThrows(HelmException.class, () -> helm.history("platform", "signoz"));

        assertTrue(e.getMessage().endsWith("cannot read: an entry has no revision number"), e.getMessage());
    }

    @Test
    void upgradeInstall_noDryRun_passesChartValuesAndTimeoutButNoWaitAtomicOrNamespaceCreation() {
        runner.ok("");

        helm.upgradeInstall(new UpgradeRequest(
                "signoz", "platform", SIGNOZ, List.of(BASE, HA), Duration.ofMinutes(10), HelmDryRun.NONE));

        assertEquals(
                List.of(List.of(
                        "helm",
                        "upgrade",
                        "--install",
                        "signoz",
                        "signoz",
                        "--repo",
                        "https://charts.signoz.io",
                        "--version",
                        "0.82.0",
                        "--namespace",
                        "platform",
                        "--values",
                        "/work/values/base.yaml",
                        "--values",
                        "/work/values/ha.yaml",
                        "--timeout",
                        "10m")),
                runner.argvs());
        assertEquals(Duration.ofMinutes(12), runner.last().timeout(), "helm's --timeout plus the grace");
    }

    static Stream<Arguments> dryRunDialects() {
        return Stream.of(
                Arguments.of("Helm 3.18, client", V3, HelmDryRun.CLIENT, "--dry-run=client"),
                Arguments.of("Helm 3.18, server", V3, HelmDryRun.SERVER, "--dry-run=server"),
                Arguments.of("Helm 4, client", V4, HelmDryRun.CLIENT, "--dry-run=client"),
                Arguments.of("Helm 4, server", V4, HelmDryRun.SERVER, "--dry-run=server"),
                Arguments.of("Helm 3.12 (boolean flag), client", V3_12, HelmDryRun.CLIENT, "--dry-run"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dryRunDialects")
    void upgradeInstall_dryRun_usesTheFlagOfTheDetectedDialect(
            String name, String version, HelmDryRun mode, String flag) {
        runner.ok(version + "\n").ok("");

        helm.upgradeInstall(
                new UpgradeRequest("signoz", "platform", SIGNOZ, List.of(BASE), Duration.ofSeconds(90), mode));

        assertEquals(
                List.of(
                        List.of("helm", "version", "--short"),
                        List.of(
                                "helm",
                                "upgrade",
                                "--install",
                                "signoz",
                                "signoz",
                                "--repo",
                                "https://charts.signoz.io",
                                "--version",
                                "0.82.0",
                                "--namespace",
                                "platform",
                                "--values",
                                "/work/values/base.yaml",
                                "--timeout",
                                "1m30s",
                                flag)),
                runner.argvs());
    }

    @Test
    void upgradeInstall_serverDryRunOnHelm3_12_isRefusedBeforeRunningHelm() {
        runner.ok(V3_12);

        SignozHaException e = assertThrows(
                SignozHaException.class,
                () -> helm.upgradeInstall(new UpgradeRequest(
                        "signoz", "platform", SIGNOZ, List.of(BASE), Duration.ofMinutes(5), HelmDryRun.SERVER)));

        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(
                "helm v3.12.3 has no server-side dry run (--dry-run=server needs Helm 3.13+ or 4)", e.getMessage());
        assertEquals(1, runner.calls().size(), "only helm version ran");
    }

    @Test
    void upgradeInstall_twoDryRuns_detectTheVersionOnce() {
        runner.ok(V4).ok("").ok("");
        UpgradeRequest request = new UpgradeRequest(
                "signoz", "platform", SIGNOZ, List.of(BASE), Duration.ofMinutes(5), HelmDryRun.CLIENT);

        helm.upgradeInstall(request);
        helm.upgradeInstall(request);

        assertEquals(3, runner.calls().size());
    }

    @Test
    void upgradeInstall_kubeconfigAndContext_pointHelmAtTheSameCluster() {
        HelmCli targeted = new HelmCli(runner, HelmSettings.forCluster(Path.of("/home/op/.kube/prod"), "prod-eks"));
        runner.ok("");

        targeted.upgradeInstall(
                new UpgradeRequest("signoz", "platform", SIGNOZ, List.of(), Duration.ofMinutes(5), HelmDryRun.NONE));

        assertEquals(
                List.of(
                        "helm",
                        "upgrade",
                        "--install",
                        "signoz",
                        "signoz",
                        "--repo",
                        "https://charts.signoz.io",
                        "--version",
                        "0.82.0",
                        "--namespace",
                        "platform",
                        "--timeout",
                        "5m",
                        "--kubeconfig",
                        "/home/op/.kube/prod",
                        "--kube-context",
                        "prod-eks"),
                runner.last().argv());
    }

    @Test
    void upgradeInstall_helmFails_throwsHelmExceptionWithStderrsFirstLine() {
        runner.fails(
                1,
                "Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress\n"
                        + "helm.go:86: [debug] another operation (install/upgrade/rollback) is in progress\n");

        HelmException e = assertThrows(
                HelmException.class,
                () -> helm.upgradeInstall(new UpgradeRequest(
                        "signoz", "platform", SIGNOZ, List.of(BASE), Duration.ofMinutes(10), HelmDryRun.NONE)));

        assertEquals(
                "helm upgrade --install signoz -n platform failed (exit 1): Error: UPGRADE FAILED: another operation"
                        + " (install/upgrade/rollback) is in progress",
                e.getMessage());
        assertEquals(
                "Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress", e.helmError());
        assertEquals(ExitCode.INTERNAL_ERROR, e.exitCode());
        assertFalse(e.timedOut());
    }

    @Test
    void upgradeInstall_hookFailure_keepsTheCauseOnTheLinesAfterTheFirst() {
        runner.fails(
                1,
                "Error: UPGRADE FAILED: pre-upgrade hooks failed: 1 error occurred:\n"
                        + "\t* job signoz-schema-migrator-upgrade failed: BackoffLimitExceeded\n\n");

        HelmException e = assertThrows(
                HelmException.class,
                () -> helm.upgradeInstall(new UpgradeRequest(
                        "signoz", "platform", SIGNOZ, List.of(BASE), Duration.ofMinutes(10), HelmDryRun.NONE)));

        assertEquals(
                "helm upgrade --install signoz -n platform failed (exit 1): Error: UPGRADE FAILED: pre-upgrade "
                        + "hooks failed: 1 error occurred:\n\t* job signoz-schema-migrator-upgrade failed: BackoffLimitExceeded",
                e.getMessage());
    }

    @Test
    void upgradeInstall_warningBeforeTheError_reportsTheErrorLine() {
        runner.fails(
                1,
                "WARNING: Kubernetes configuration file is group-readable. This is insecure. Location: /k\n"
                        + "Error: Kubernetes cluster unreachable: Get \"https://10.0.0.1:6443/version\": dial tcp: i/o timeout\n");

        HelmException e = assertThrows(
                HelmException.class,
                () -> helm.upgradeInstall(new UpgradeRequest(
                        "signoz", "platform", SIGNOZ, List.of(BASE), Duration.ofMinutes(10), HelmDryRun.NONE)));

        assertEquals(
                "Error: Kubernetes cluster unreachable: Get \"https://10.0.0.1:6443/version\": dial tcp: i/o timeout",
                e.helmError());
    }

    @Test
    void upgradeInstall_helmFailsSilently_saysHelmPrintedNoError() {
        runner.fails(2, "");

        HelmException e = assertThrows(
                HelmException.class,
                () -> helm.upgradeInstall(new UpgradeRequest(
                        "signoz", "platform", SIGNOZ, List.of(BASE), Duration.ofMinutes(10), HelmDryRun.NONE)));

        assertEquals(
                "helm upgrade --install signoz -n platform failed (exit 2): helm printed no error", e.getMessage());
    }

    @Test
    void upgradeInstall_processTimesOut_namesTheTimeLimit() {
        runner.timesOut();

        HelmException e = assertThrows(
                HelmException.class,
                () -> helm.upgradeInstall(new UpgradeRequest(
                        "signoz", "platform", SIGNOZ, List.of(BASE), Duration.ofMinutes(10), HelmDryRun.NONE)));

        assertEquals("helm upgrade --install signoz -n platform timed out after 12m and was stopped", e.getMessage());
        assertTrue(e.timedOut());
    }

    @Test
    void history_processTimesOut_namesTheQueryTimeout() {
        runner.timesOut();

        HelmException e = assertThrows(HelmException.class, () -> helm.history("platform", "signoz"));

        assertEquals("helm history signoz -n platform timed out after 1m and was stopped", e.getMessage());
    }

    @Test
    void version_helmMissing_isBadInputNamingTheRequirement() {
        runner.cannotStart();

        SignozHaException e = assertThrows(SignozHaException.class, helm::version);

        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("helm not found on PATH (signoz-ha deploy needs Helm 3.13+ or 4)", e.getMessage());
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void version_configuredBinaryMissing_namesThatBinary() {
        HelmCli custom = new HelmCli(runner, HelmSettings.defaults().withBinary("/opt/helm4/helm"));
        runner.cannotStart();

        SignozHaException e = assertThrows(SignozHaException.class, custom::version);

        assertEquals("/opt/helm4/helm cannot be run (signoz-ha deploy needs Helm 3.13+ or 4)", e.getMessage());
    }

    @Test
    void upgradeInstall_valuesHoldAPassword_passesOnlyThePathAndNeverQuotesOutput(@TempDir Path dir)
            throws IOException {
        String password = "Planted-S3cret-4711";
        Path values = Files.writeString(dir.resolve("values.yaml"), "clickhouse:\n  password: " + password + "\n");
        // A dry run prints the rendered manifests, Secrets included; a failure may follow.
        runner.ok(V3)
                .reply(new ProcessResult(
                        1,
                        "kind: Secret\nstringData:\n  password: " + password + "\n",
                        "Error: UPGRADE FAILED: unable to build kubernetes objects\n",
                        false));

        HelmException e = assertThrows(
                HelmException.class,
                () -> helm.upgradeInstall(new UpgradeRequest(
                        "signoz", "platform", SIGNOZ, List.of(values), Duration.ofMinutes(5), HelmDryRun.CLIENT)));

        assertTrue(runner.last().argv().contains(values.toString()));
        assertFalse(String.join(" ", runner.last().argv()).contains(password));
        assertFalse(e.getMessage().contains(password), e.getMessage());
    }

    @Test
    void upgradeInstall_relativeValuesFile_isPassedAsAnAbsolutePath() {
        runner.ok("");

        helm.upgradeInstall(new UpgradeRequest(
                "signoz", "platform", SIGNOZ, List.of(Path.of("values.yaml")), Duration.ofMinutes(5), HelmDryRun.NONE));

        assertTrue(runner.last()
                .argv()
                .contains(Path.of("values.yaml").toAbsolutePath().toString()));
    }

    @Test
    void rollback_toRevision_passesRevisionNamespaceAndTimeoutButNoWait() {
        HelmCli targeted = new HelmCli(runner, HelmSettings.forCluster(null, "prod-eks"));
        runner.ok("Rollback was a success! Happy Helming!\n");

        targeted.rollback("platform", "signoz", 3, Duration.ofMinutes(5));

        assertEquals(
                List.of(List.of(
                        "helm",
                        "rollback",
                        "signoz",
                        "3",
                        "--namespace",
                        "platform",
                        "--timeout",
                        "5m",
                        "--kube-context",
                        "prod-eks")),
                runner.argvs());
        assertEquals(Duration.ofMinutes(7), runner.last().timeout());
    }

    @Test
    void rollback_helmFails_throwsHelmExceptionWithStderrsFirstLine() {
        runner.fails(1, "Error: release has no 7 version\n");

        HelmException e =
                assertThrows(HelmException.class, () -> helm.rollback("platform", "signoz", 7, Duration.ofMinutes(5)));

        assertEquals(
                "helm rollback signoz 7 -n platform failed (exit 1): Error: release has no 7 version", e.getMessage());
    }

    @Test
    void rollback_revisionZero_isRejected() {
        assertThrows(
                IllegalArgumentException.class, () -> helm.rollback("platform", "signoz", 0, Duration.ofMinutes(5)));
        assertEquals(List.of(), runner.calls());
    }

    @Test
    void template_localChart_rendersOfflineWithoutClusterFlags() {
        HelmCli targeted = new HelmCli(runner, HelmSettings.forCluster(Path.of("/home/op/.kube/prod"), "prod-eks"));
        Path chart = Project.path("src/test/resources/charts/tiny");
        runner.ok("---\nkind: ConfigMap\n");

        String manifests = targeted.template("platform", "sig", ChartReference.local(chart), List.of(BASE));

        assertEquals("---\nkind: ConfigMap\n", manifests);
        assertEquals(
                List.of(
                        "helm",
                        "template",
                        "sig",
                        chart.toString(),
                        "--namespace",
                        "platform",
                        "--values",
                        "/work/values/base.yaml"),
                runner.last().argv());
    }

    @Test
    void anyCommand_settingsEnv_isPassedToHelm() {
        HelmCli isolated = new HelmCli(runner, HelmSettings.defaults().withEnv(Map.of("HELM_CACHE_HOME", "/tmp/c")));
        runner.ok(V3);

        isolated.version();

        assertEquals(Map.of("HELM_CACHE_HOME", "/tmp/c"), runner.last().env());
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("a release that reads as a flag", "--set=x", "platform", "0.82.0"),
                Arguments.of("an upper-case namespace", "signoz", "Platform", "0.82.0"),
                Arguments.of("a release longer than 53 characters", "s".repeat(54), "platform", "0.82.0"),
                Arguments.of("a version that reads as a flag", "signoz", "platform", "--devel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void upgradeRequest_argumentHelmCouldMisread_isRejected(
            String name, String release, String namespace, String version) {
        assertThrows(
                IllegalArgumentException.class,
                () -> new UpgradeRequest(
                        release,
                        namespace,
                        ChartReference.remote("signoz", "https://charts.signoz.io", version),
                        List.of(),
                        Duration.ofMinutes(5),
                        HelmDryRun.NONE));
    }

    @Test
    void upgradeRequest_zeroTimeout_isRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new UpgradeRequest("signoz", "platform", SIGNOZ, List.of(), Duration.ZERO, HelmDryRun.NONE));
    }

    private static String fixture(String name) throws IOException {
        return Files.readString(Project.path("src/test/resources/helm/" + name));
    }

    /** The newest entry of a history fixture, as helm history --max 1 prints it. */
    private static String lastEntry(String history) {
        List<String> entries = new ArrayList<>(
                List.of(history.strip().replaceAll("^\\[|\\]$", "").split("(?<=\\}),")));
        return entries.get(entries.size() - 1);
    }
}
