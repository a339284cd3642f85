package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.inventory.SnapshotParser;
import dev.signozha.core.text.Style;
import dev.signozha.support.MockCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cleanup against each endpoint form's fixture seeded into the mock API server: the installation one place
 * (an env value, a DSN, a ConfigMap, an exporter config, an argument, a CronJob) reaches is never deleted, and
 * naming it is a refusal. The baseline, where nothing reaches it, shows the same cluster would lose it otherwise.
 */
class EndpointFormsCleanupIT {

    private static final String NAMESPACE = "platform";
    private static final String STALE = "signoz-clickhouse";
    private static final String STALE_ID = "ClickHouseInstallation/platform/" + STALE;

    private MockCluster cluster;
    private KubeSession session;
    private final StringWriter out = new StringWriter();

    private void seed(String form) throws Exception {
        cluster = new MockCluster();
        Path file = Path.of(EndpointFormsTest.snapshot(form));
        cluster.seed(
                SnapshotParser.parse(file.toString(), Files.readString(file)).all());
        session = new KubeSession(cluster.client(), "context:mock", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private int cleanup(Optional<String> installation, boolean yes) {
        return new CleanupAction(Clock.systemUTC(), LeaseLock.Timing.system())
                .run(
                        new CleanupAction.Request(
                                NAMESPACE,
                                Optional.empty(),
                                installation,
                                Optional.empty(),
                                yes,
                                Duration.ZERO,
                                Duration.ZERO),
                        session,
                        new PrintWriter(out, true),
                        Style.PLAIN);
    }

    private Map<String, String> objects() {
        return session.gateway().inventory(NAMESPACE).all().stream()
                .filter(object -> NAMESPACE.equals(object.getMetadata().getNamespace()))
                .collect(Collectors.toMap(
                        Inventory::id,
                        (HasMetadata object) -> object.getMetadata().getResourceVersion(),
                        (first, second) -> first,
                        TreeMap::new));
    }

    @Test
    void baseline_nothingReachesTheStaleInstallation_soCleanupWouldDeleteIt() throws Exception {
        seed("baseline");
        assertEquals(0, cleanup(Optional.empty(), false));
        assertTrue(out.toString().contains("would delete " + STALE_ID), out.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signozha.actions.EndpointFormsTest#forms")
    void theInstallationOnePlaceReaches_isKept_andNamingItIsRefused(String form, String component, String source)
            throws Exception {
        seed(form);
        Map<String, String> before = objects();
        assertEquals(0, cleanup(Optional.empty(), true));
        assertFalse(out.toString().contains(STALE_ID), out.toString());
        SignozHaException refused = assertThrows(SignozHaException.class, () -> cleanup(Optional.of(STALE), true));
        assertEquals(4, refused.exitCode().code());
        assertTrue(refused.getMessage().contains(STALE_ID + " is in use: "), refused.getMessage());
        assertTrue(refused.getMessage().contains(component + " (" + source + ")"), refused.getMessage());
        assertTrue(objects().containsKey(STALE_ID));
        assertEquals(before.get(STALE_ID), objects().get(STALE_ID), "the installation was not written either");
    }

    @Test
    void anAddressInASecret_mayReachAnyInstallation_soCleanupRefusesUnlessTheInstallationIsNamed() throws Exception {
        seed("dsn-from-secret");
        Map<String, String> before = objects();
        SignozHaException refused = assertThrows(SignozHaException.class, () -> cleanup(Optional.empty(), true));
        assertEquals(4, refused.exitCode().code());
        assertTrue(
                refused.getMessage()
                        .contains(
                                STALE_ID + " may be in use: StatefulSet/platform/signoz: env "
                                        + "SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN (from Secret signoz-telemetrystore-dsn key dsn)"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("--installation " + STALE), refused.getMessage());
        assertEquals(before, objects(), "nothing deleted or written");

        out.getBuffer().setLength(0);
        assertEquals(0, cleanup(Optional.of(STALE), false));
        assertTrue(out.toString().contains("would delete " + STALE_ID), out.toString());
        assertTrue(
                out.toString().contains("although signoz-ha cannot read StatefulSet/platform/signoz"), out.toString());
    }
}
