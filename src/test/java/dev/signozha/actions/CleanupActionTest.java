package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.inventory.SnapshotParser;
import dev.signozha.core.text.Style;
import dev.signozha.support.MockCluster;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** cleanup against the duplicate-install fixture in the mock API server. */
class CleanupActionTest {

    private static final String NAMESPACE = "platform";
    private static final String DUPLICATE = "signoz-clickhouse";
    private static final String IN_USE = "clickhouse-signoz-clickhouse-ha";

    private MockCluster cluster;
    private KubeSession session;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void seedTheDuplicate() throws Exception {
        cluster = new MockCluster();
        cluster.seed(SnapshotParser.parse("seed", Files.readString(Path.of(
                "src/test/resources/clusters/duplicate-install.yaml"))).all());
        session = new KubeSession(cluster.client(), "context:mock", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    /** The query service reads the installation the collectors write to: the other one is the unused duplicate. */
    private void repointQueryService() {
        cluster.client().apps().statefulSets().inNamespace(NAMESPACE).withName("signoz").edit(set -> {
            set.getSpec().getTemplate().getSpec().getContainers().forEach(container -> container.getEnv().stream()
                    .filter(env -> env.getName().equals("CLICKHOUSE_HOST")).forEach((EnvVar env) -> env.setValue(IN_USE)));
            return set;
        });
    }

    private int cleanup(Optional<String> installation, Optional<String> volumes, boolean yes) {
        return new CleanupAction(Clock.systemUTC(), LeaseLock.Timing.system()).run(new CleanupAction.Request(NAMESPACE,
                Optional.empty(), installation, volumes, yes, Duration.ZERO), session, new PrintWriter(out, true),
                Style.PLAIN);
    }

    /**
     * Installations not being deleted. The fixture's objects carry finalizers (the operator's, pvc-protection), so
     * the API server marks them deleted and keeps them until their controller lets go, as a real one does.
     */
    private List<String> installations() {
        return session.gateway().inventory(NAMESPACE).clickHouseInstallations().stream()
                .filter(chi -> chi.getMetadata().getDeletionTimestamp() == null)
                .map(chi -> chi.getMetadata().getName()).sorted().toList();
    }

    private long duplicateVolumes() {
        return session.gateway().inventory(NAMESPACE).persistentVolumeClaims().stream()
                .filter(pvc -> pvc.getMetadata().getDeletionTimestamp() == null)
                .filter(pvc -> DUPLICATE.equals(pvc.getMetadata().getLabels().get("clickhouse.altinity.com/chi"))).count();
    }

    @Test
    void dryRun_listsTheUnusedDuplicate_andDeletesNothing() {
        repointQueryService();
        assertEquals(0, cleanup(Optional.empty(), Optional.empty(), false));
        assertTrue(out.toString().contains("would delete ClickHouseInstallation/platform/signoz-clickhouse  "
                + "[DUPLICATE_CLICKHOUSE]"), out.toString());
        assertTrue(out.toString().contains("keeping 1 PersistentVolumeClaim(s) of signoz-clickhouse"), out.toString());
        assertTrue(out.toString().contains("Dry run: nothing was deleted."), out.toString());
        assertEquals(List.of(IN_USE, DUPLICATE), installations());
    }

    @Test
    void yes_deletesTheDuplicate_keepsItsVolumes_andRecordsWhatWentInTheState() {
        repointQueryService();
        assertEquals(0, cleanup(Optional.empty(), Optional.empty(), true));
        assertEquals(List.of(IN_USE), installations());
        assertEquals(1, duplicateVolumes(), "volumes are kept without --delete-volumes");
        assertTrue(out.toString().contains("deleted ClickHouseInstallation/platform/signoz-clickhouse"), out.toString());
        String detail = session.state(NAMESPACE, List.of()).read().orElseThrow().lastEntry().orElseThrow().detail();
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
        SignozHaException refused = assertThrows(SignozHaException.class,
                () -> cleanup(Optional.of(DUPLICATE), Optional.empty(), true));
        assertEquals(4, refused.exitCode().code());
        assertTrue(refused.getMessage().contains("ClickHouseInstallation/platform/signoz-clickhouse is in use: "
                + "StatefulSet/platform/signoz connect(s) to signoz-clickhouse"), refused.getMessage());
        assertEquals(List.of(IN_USE, DUPLICATE), installations());
    }

    @Test
    void deleteVolumes_namingTheInstallationInUse_isRefused() {
        repointQueryService();
        SignozHaException refused = assertThrows(SignozHaException.class,
                () -> cleanup(Optional.empty(), Optional.of(IN_USE), true));
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
}
