package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckContext;
import dev.signozha.checks.CheckRunner;
import dev.signozha.checks.ClusterView;
import dev.signozha.checks.DoctorChecks;
import dev.signozha.checks.Finding;
import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.inventory.SnapshotParser;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.text.Style;
import dev.signozha.support.FinalizerControllers;
import dev.signozha.support.MockCluster;
import dev.signozha.support.MutableClock;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** cleanup against the duplicate-install fixture in the mock API server. */
class CleanupActionTest {

    private static final String NAMESPACE = "platform";
    private static final String DUPLICATE = "signoz-clickhouse";
    private static final String IN_USE = "clickhouse-signoz-clickhouse-ha";
    private static final String FAILED_MIGRATION = "Job/platform/signoz-schema-migrator-sync";
    private static final String EVICTED = "Pod/platform/signoz-otel-collector-w86kbph49l-evict";
    /** Look-alikes of the leftovers that cleanup must keep: running, completed, not a migration, not evicted. */
    private static final List<String> KEPT = List.of(
            "Job/platform/signoz-schema-migrator-async",
            "Job/platform/signoz-telemetrystore-migrator",
            "Job/platform/nightly-backup",
            "Pod/platform/signoz-otel-collector-w86kbph49l-live",
            "Pod/platform/signoz-0");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-06T10:00:00Z"));
    private MockCluster cluster;
    private KubeSession session;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void seedTheDuplicate() throws Exception {
        cluster = new MockCluster();
        seed("duplicate-install.yaml");
        session = new KubeSession(cluster.client(), "context:mock", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private void seed(String fixture) throws IOException {
        cluster.seed(SnapshotParser.parse(fixture, Files.readString(Path.of("src/test/resources/clusters", fixture)))
                .all());
    }

    /** A failed migration Job and an evicted pod, with look-alikes to keep (see the fixture's comment). */
    private void seedLeftovers() throws IOException {
        seed("cleanup-leftovers.yaml");
    }

    /**
     * The query service reads the installation the collectors write to (its CLICKHOUSE_HOST and its DSN): the other
     * one is the unused duplicate.
     */
    private void repointQueryService() {
        cluster.client()
                .apps()
                .statefulSets()
                .inNamespace(NAMESPACE)
                .withName("signoz")
                .edit(set -> {
                    set.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .forEach(container -> container.getEnv().stream()
                                    .filter(env -> env.getValue() != null)
                                    .forEach((EnvVar env) -> env.setValue(
                                            env.getValue().replaceAll("\\b" + DUPLICATE + "\\b", IN_USE))));
                    return set;
                });
    }

    /** Cleanup, with the operator and the PVC protection controller letting go of deleted objects between polls. */
    private int cleanup(Optional<String> installation, Optional<String> volumes, boolean yes) {
        return cleanup(
                installation, volumes, yes, new FinalizerControllers(cluster.client(), NAMESPACE)::releaseDeleted);
    }

    /** Cleanup whose waiting runs {@code betweenPolls} and moves a test clock on, instead of sleeping. */
    private int cleanup(Optional<String> installation, Optional<String> volumes, boolean yes, Runnable betweenPolls) {
        LeaseLock.Timing system = LeaseLock.Timing.system();
        LeaseLock.Timing timing = new LeaseLock.Timing(
                clock,
                pause -> {
                    betweenPolls.run();
                    clock.advance(pause);
                },
                system.renewals());
        return new CleanupAction(Clock.systemUTC(), timing)
                .run(
                        new CleanupAction.Request(
                                NAMESPACE, Optional.empty(), installation, volumes, yes, Duration.ZERO, TIMEOUT),
                        session,
                        new PrintWriter(out, true),
                        Style.PLAIN);
    }

    /**
     * Installations not being deleted. The fixture's objects carry finalizers (the operator's, pvc-protection), so
     * the API server marks them deleted and keeps them until their controller lets go, as a real one does.
     */
    private List<String> installations() {
        return session.gateway().inventory(NAMESPACE).clickHouseInstallations().stream()
                .filter(chi -> chi.getMetadata().getDeletionTimestamp() == null)
                .map(chi -> chi.getMetadata().getName())
                .sorted()
                .toList();
    }

    private long duplicateVolumes() {
        return session.gateway().inventory(NAMESPACE).persistentVolumeClaims().stream()
                .filter(pvc -> pvc.getMetadata().getDeletionTimestamp() == null)
                .filter(pvc -> DUPLICATE.equals(pvc.getMetadata().getLabels().get("clickhouse.altinity.com/chi")))
                .count();
    }

    /** Every object of the namespace by id, with its resourceVersion: any write or deletion changes this. */
    private Map<String, String> objects() {
        return session.gateway().inventory(NAMESPACE).all().stream()
                .filter(object -> NAMESPACE.equals(object.getMetadata().getNamespace()))
                .collect(Collectors.toMap(
                        Inventory::id,
                        (HasMetadata object) -> object.getMetadata().getResourceVersion(),
                        (first, second) -> first,
                        TreeMap::new));
    }

    private Optional<StateRecord> stateRecord() {
        return session.state(NAMESPACE, List.of()).read();
    }

    /** What the plan printed: "id [FINDING]" for each line starting with {@code verb} ("would delete", "delete"). */
    private List<String> listed(String verb) {
        return out.toString()
                .lines()
                .filter(line -> line.startsWith("  " + verb + " "))
                .map(line -> line.replaceFirst("^  " + verb + " (\\S+)  \\[(\\w+)].*$", "$1 [$2]"))
                .toList();
    }

    private static Set<String> removed(Map<String, String> before, Map<String, String> after) {
        Set<String> removed = new TreeSet<>(before.keySet());
        removed.removeAll(after.keySet());
        return removed;
    }

    @Test
    void dryRun_listsTheUnusedDuplicate_andDeletesNothing() {
        repointQueryService();
        Map<String, String> before = objects();
        assertEquals(0, cleanup(Optional.empty(), Optional.empty(), false));
        assertTrue(
                out.toString()
                        .contains("would delete ClickHouseInstallation/platform/signoz-clickhouse  "
                                + "[DUPLICATE_CLICKHOUSE]"),
                out.toString());
        assertTrue(out.toString().contains("keeping 1 PersistentVolumeClaim(s) of signoz-clickhouse"), out.toString());
        assertTrue(out.toString().contains("Dry run: nothing was deleted."), out.toString());
        assertEquals(List.of(IN_USE, DUPLICATE), installations());
        assertEquals(before, objects(), "no object written or deleted, PersistentVolumeClaims included");
        assertEquals(Optional.empty(), stateRecord(), "no signoz-ha-state record written");
    }

    @Test
    void dryRun_listsTheFailedMigrationJobAndTheEvictedPod_only_andWritesNothing() throws IOException {
        seedLeftovers();
        Map<String, String> before = objects();
        assertTrue(before.keySet().containsAll(KEPT), "the look-alikes are there to be kept: " + before.keySet());
        assertEquals(0, cleanup(Optional.empty(), Optional.empty(), false));
        assertEquals(
                List.of(FAILED_MIGRATION + " [SCHEMA_MIGRATION_TOPOLOGY]", EVICTED + " [POD_EVICTIONS]"),
                listed("would delete"),
                out.toString());
        assertTrue(
                out.toString().contains("Dry run: nothing was deleted. Pass --yes to delete the 2 object(s) above."),
                out.toString());
        assertEquals(before, objects(), "no object written or deleted, PersistentVolumeClaims included");
        assertEquals(Optional.empty(), stateRecord(), "no signoz-ha-state record written");
    }

    @Test
    void yes_deletesExactlyTheFailedMigrationJobAndTheEvictedPod_andRecordsThem() throws IOException {
        seedLeftovers();
        Map<String, String> before = objects();
        assertEquals(0, cleanup(Optional.empty(), Optional.empty(), true));
        assertEquals(
                List.of(FAILED_MIGRATION + " [SCHEMA_MIGRATION_TOPOLOGY]", EVICTED + " [POD_EVICTIONS]"),
                listed("delete"),
                out.toString());
        Map<String, String> after = objects();
        assertEquals(Set.of(FAILED_MIGRATION, EVICTED), removed(before, after), out.toString());
        assertTrue(after.keySet().containsAll(KEPT), "look-alikes kept: " + after.keySet());
        HistoryEntry entry = stateRecord().orElseThrow().lastEntry().orElseThrow();
        assertEquals("cleanup", entry.command());
        assertEquals(HistoryEntry.SUCCEEDED, entry.outcome());
        assertEquals("deleted: " + FAILED_MIGRATION + ", " + EVICTED, entry.detail());
        assertTrue(session.gateway().inventory(NAMESPACE).leases().isEmpty(), "lock released");
    }

    @Test
    void yes_deletesTheDuplicate_keepsItsVolumes_andRecordsWhatWentInTheState() {
        repointQueryService();
        assertEquals(0, cleanup(Optional.empty(), Optional.empty(), true));
        assertEquals(List.of(IN_USE), installations());
        assertEquals(1, duplicateVolumes(), "volumes are kept without --delete-volumes");
        assertTrue(
                out.toString().contains("deleted ClickHouseInstallation/platform/signoz-clickhouse"), out.toString());
        assertTrue(out.toString().contains("All 1 object(s) are gone."), out.toString());
        String detail = session.state(NAMESPACE, List.of())
                .read()
                .orElseThrow()
                .lastEntry()
                .orElseThrow()
                .detail();
        assertTrue(detail.contains("ClickHouseInstallation/platform/signoz-clickhouse"), detail);
        assertTrue(session.gateway().inventory(NAMESPACE).leases().isEmpty(), "lock released");
    }

    @Test
    void deleteVolumes_namingTheDuplicate_deletesItsVolumesToo() {
        repointQueryService();
        assertEquals(0, cleanup(Optional.empty(), Optional.of(DUPLICATE), true));
        assertEquals(0, duplicateVolumes());
    }

    @Test
    void theInstallationInUse_isRefused_andNothingIsDeleted() {
        SignozHaException refused =
                assertThrows(SignozHaException.class, () -> cleanup(Optional.of(DUPLICATE), Optional.empty(), true));
        assertEquals(4, refused.exitCode().code());
        assertTrue(
                refused.getMessage()
                        .contains("ClickHouseInstallation/platform/signoz-clickhouse is in use: "
                                + "StatefulSet/platform/signoz (env CLICKHOUSE_HOST), StatefulSet/platform/signoz (env "
                                + "SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN) connect(s) to signoz-clickhouse"),
                refused.getMessage());
        assertEquals(List.of(IN_USE, DUPLICATE), installations());
    }

    @Test
    void deleteVolumes_namingTheInstallationInUse_isRefused() {
        repointQueryService();
        SignozHaException refused =
                assertThrows(SignozHaException.class, () -> cleanup(Optional.empty(), Optional.of(IN_USE), true));
        assertEquals(4, refused.exitCode().code());
        assertEquals(List.of(IN_USE, DUPLICATE), installations());
        assertFalse(out.toString().contains("deleted "), out.toString());
    }

    @Test
    void bothInUse_neitherIsTheDuplicate_soNothingIsListed() {
        assertEquals(0, cleanup(Optional.empty(), Optional.empty(), true));
        assertTrue(out.toString().contains("Nothing to clean up."), out.toString());
        assertEquals(List.of(IN_USE, DUPLICATE), installations());
    }

    /** Both clickhouse-operators of the fixture scaled to zero: nothing removes an installation's finalizer. */
    private void stopTheOperators() {
        for (Deployment operator :
                cluster.client().apps().deployments().inAnyNamespace().list().getItems()) {
            if (operator.getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getImage()
                    .contains("clickhouse-operator")) {
                operator.getSpec().setReplicas(0);
                Deployment scaled = cluster.client().resource(operator).update();
                scaled.setStatus(new DeploymentStatus());
                cluster.client().resource(scaled).updateStatus();
            }
        }
    }

    private static final String HELD = "ClickHouseInstallation/platform/signoz-clickhouse is terminating since ";
    private static final String CAUSE = ", held by finalizer(s) finalizer.clickhouseinstallation.altinity.com: "
            + "clickhouse-operator Deployment/platform/clickhouse-operator is not running (0 of 0 replicas ready), and "
            + "only it removes that finalizer; start it again";

    @Test
    void operatorDown_theDeletedInstallationStaysTerminating_cleanupWaitsBoundedAndNamesTheFinalizerAndCause() {
        repointQueryService();
        stopTheOperators();
        Instant start = clock.instant();
        SignozHaException held = assertThrows(
                SignozHaException.class, () -> cleanup(Optional.empty(), Optional.empty(), true, () -> {}));
        assertEquals(7, held.exitCode().code());
        assertTrue(held.getMessage().startsWith("1 object(s) still there after 30s:\n  " + HELD), held.getMessage());
        assertTrue(held.getMessage().contains(CAUSE), held.getMessage());
        Duration waited = Duration.between(start, clock.instant());
        assertTrue(waited.compareTo(TIMEOUT) >= 0 && waited.compareTo(TIMEOUT.plusSeconds(1)) <= 0, waited.toString());
    }

    @Test
    void aTerminatingInstallation_doctorAndCleanupSayTheSame_andCleanupDoesNotSayNothingToCleanUp() {
        repointQueryService();
        stopTheOperators();
        assertThrows(SignozHaException.class, () -> cleanup(Optional.empty(), Optional.empty(), true, () -> {}));
        out.getBuffer().setLength(0);

        assertEquals(0, cleanup(Optional.empty(), Optional.empty(), false));
        String line = out.toString()
                .lines()
                .filter(l -> l.startsWith("  still terminating: "))
                .findFirst()
                .orElseThrow()
                .substring("  still terminating: ".length());
        assertTrue(line.startsWith(HELD) && line.endsWith(CAUSE), line);
        assertTrue(
                out.toString().contains("Nothing to delete; 1 installation(s) already being deleted:"), out.toString());
        assertFalse(out.toString().contains("Nothing to clean up."), out.toString());

        ClusterView view = new ClusterView(session.gateway().inventory(NAMESPACE), NAMESPACE);
        List<String> doctor =
                CheckRunner.run(DoctorChecks.kubernetes(), new CheckContext(view, Optional.empty())).results().stream()
                        .filter(result -> result.spec() == CheckCatalog.DUPLICATE_CLICKHOUSE)
                        .flatMap(result -> result.findings().stream())
                        .map(Finding::detail)
                        .toList();
        assertTrue(doctor.contains(line + "; signoz-ha cleanup waits for it and reports the same"), doctor.toString());

        assertEquals(0, cleanup(Optional.empty(), Optional.empty(), true));
        assertTrue(out.toString().contains("All 1 object(s) are gone."), out.toString());
        assertEquals(List.of(IN_USE), installations());
    }
}
