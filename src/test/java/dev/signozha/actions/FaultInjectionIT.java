package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.cluster.kube.Fabric8KubeGateway;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.text.Style;
import dev.signozha.support.FaultDispatcher;
import dev.signozha.support.FaultDispatcher.Fault;
import dev.signozha.support.FaultDispatcher.Kind;
import dev.signozha.support.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API server misbehaving at each step of deploy, upgrade and cleanup, from a table: 500, 503, 429 with
 * Retry-After, 409, 410 on a watch, an answer too late for the client's timeout, and a connection reset before the
 * answer, once, twice or for good. A late answer and a reset are checked to be what the client saw (a timeout, a
 * reset), so each row tests what it names. Each run must converge (exit 0, after the client's retries) or stop with a clear error (exit
 * 6 or 7, naming what the API server answered); either way the lock is released and no Secret, ClickHouseInstallation or
 * PersistentVolumeClaim is gone that was not meant to go.
 */
class FaultInjectionIT {

    private static final String NS = "/namespaces/platform/";
    private static final String ZOOKEEPER_APPLY = "/apis/apps/v1" + NS + "statefulsets/signoz-ha-zookeeper\\?";
    private static final String CHI_APPLY = "/apis/clickhouse.altinity.com/v1" + NS + "clickhouseinstallations/";
    private static final String LEASES = "/apis/coordination.k8s.io/v1" + NS + "leases";
    private static final String STATE_CREATE = "/api/v1" + NS + "configmaps$";
    private static final String STATE_UPDATE = "/api/v1" + NS + "configmaps/signoz-ha-state$";
    private static final String STATEFULSET_WATCH = "/apis/apps/v1" + NS + "statefulsets\\?.*watch=true";
    private static final String POD_LIST = "/api/v1" + NS + "pods(\\?(?!.*watch=true).*)?$";
    private static final String PVC_LIST = "/api/v1" + NS + "persistentvolumeclaims(\\?.*)?$";
    private static final String CHI_DELETE =
            "/apis/clickhouse.altinity.com/v1" + NS + "clickhouseinstallations/stale-ch";
    private static final int FOREVER = Integer.MAX_VALUE;

    enum Operation {
        DEPLOY,
        UPGRADE,
        CLEANUP
    }

    /** One row: which run, which requests fail how, and whether the run can still succeed. */
    record Scenario(Operation operation, String step, Fault fault, boolean converges) {
        @Override
        public String toString() {
            String how = fault.kind() == Kind.STATUS
                    ? String.valueOf(fault.status())
                    : fault.kind().name().toLowerCase();
            return operation.name().toLowerCase() + " / " + step + " / " + how + " x"
                    + (fault.times() == FOREVER ? "always" : fault.times())
                    + (converges ? " -> converges" : " -> stops");
        }
    }

    static Stream<Scenario> scenarios() {
        List<Scenario> table = new ArrayList<>();
        Map<String, String> deploySteps = Map.of(
                "zookeeper apply",
                ZOOKEEPER_APPLY,
                "installation apply",
                CHI_APPLY,
                "statefulset watch",
                STATEFULSET_WATCH,
                "pod list",
                POD_LIST);
        deploySteps.forEach((step, path) -> {
            String method = path.equals(ZOOKEEPER_APPLY) || path.equals(CHI_APPLY) ? "PATCH" : "GET";
            table.add(new Scenario(Operation.DEPLOY, step, Fault.status(method, path, 500, 1), true));
            table.add(new Scenario(Operation.DEPLOY, step, Fault.status(method, path, 503, 2), true));
            table.add(new Scenario(Operation.DEPLOY, step, Fault.status(method, path, 429, 1), true));
            table.add(new Scenario(Operation.DEPLOY, step, Fault.of(method, path, Kind.TOO_LATE, 1), true));
            table.add(new Scenario(Operation.DEPLOY, step, Fault.of(method, path, Kind.DROPPED, 1), true));
            if (!path.equals(STATEFULSET_WATCH)) {
                table.add(new Scenario(Operation.DEPLOY, step, Fault.status(method, path, 500, FOREVER), false));
            }
        });
        table.add(new Scenario(
                Operation.DEPLOY, "zookeeper apply", Fault.status("PATCH", ZOOKEEPER_APPLY, 409, 1), true));
        table.add(new Scenario(
                Operation.DEPLOY, "statefulset watch", Fault.status("GET", STATEFULSET_WATCH, 410, 1), true));
        table.add(new Scenario(Operation.DEPLOY, "lock acquire", Fault.status("POST", LEASES + "$", 500, 1), true));
        table.add(new Scenario(Operation.DEPLOY, "lock acquire", Fault.status("POST", LEASES + "$", 429, 1), true));
        table.add(new Scenario(
                Operation.DEPLOY, "lock acquire", Fault.status("POST", LEASES + "$", 503, FOREVER), false));
        table.add(new Scenario(Operation.DEPLOY, "lock release", Fault.status("DELETE", LEASES + "/", 503, 1), true));
        table.add(new Scenario(Operation.DEPLOY, "state record", Fault.status("POST", STATE_CREATE, 500, 1), true));
        table.add(new Scenario(Operation.DEPLOY, "state record", Fault.status("POST", STATE_CREATE, 409, 1), true));
        table.add(new Scenario(
                Operation.DEPLOY, "state record", Fault.status("POST", STATE_CREATE, 500, FOREVER), false));
        table.add(new Scenario(
                Operation.UPGRADE, "zookeeper apply", Fault.status("PATCH", ZOOKEEPER_APPLY, 500, 1), true));
        table.add(new Scenario(
                Operation.UPGRADE, "zookeeper apply", Fault.status("PATCH", ZOOKEEPER_APPLY, 500, FOREVER), false));
        table.add(new Scenario(Operation.UPGRADE, "state record", Fault.status("PUT", STATE_UPDATE, 409, 1), true));
        table.add(new Scenario(Operation.UPGRADE, "state record", Fault.status("PUT", STATE_UPDATE, 503, 2), true));
        table.add(new Scenario(Operation.UPGRADE, "pod list", Fault.status("GET", POD_LIST, 503, 2), true));
        table.add(new Scenario(
                Operation.UPGRADE, "zookeeper apply", Fault.status("PATCH", ZOOKEEPER_APPLY, 429, 1), true));
        table.add(new Scenario(
                Operation.UPGRADE, "statefulset watch", Fault.status("GET", STATEFULSET_WATCH, 410, 1), true));
        table.add(
                new Scenario(Operation.UPGRADE, "state record", Fault.of("PUT", STATE_UPDATE, Kind.TOO_LATE, 1), true));
        table.add(new Scenario(Operation.UPGRADE, "pod list", Fault.of("GET", POD_LIST, Kind.DROPPED, 1), true));
        table.add(new Scenario(
                Operation.CLEANUP, "installation delete", Fault.status("DELETE", CHI_DELETE, 500, 1), true));
        table.add(new Scenario(
                Operation.CLEANUP, "installation delete", Fault.status("DELETE", CHI_DELETE, 429, 1), true));
        table.add(new Scenario(
                Operation.CLEANUP, "installation delete", Fault.of("DELETE", CHI_DELETE, Kind.TOO_LATE, 1), true));
        table.add(new Scenario(
                Operation.CLEANUP, "installation delete", Fault.status("DELETE", CHI_DELETE, 500, FOREVER), false));
        table.add(new Scenario(
                Operation.CLEANUP, "installation delete", Fault.of("DELETE", CHI_DELETE, Kind.DROPPED, 1), true));
        table.add(new Scenario(Operation.CLEANUP, "volume list", Fault.status("GET", PVC_LIST, 503, 2), true));
        table.add(new Scenario(Operation.CLEANUP, "volume list", Fault.status("GET", PVC_LIST, 500, FOREVER), false));
        table.add(new Scenario(Operation.CLEANUP, "state record", Fault.status("PUT", STATE_UPDATE, 409, 1), true));
        return table.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void apiServerFault_convergesOrStopsCleanly_andLosesNothing(Scenario scenario) throws Exception {
        FaultDispatcher faults = new FaultDispatcher(Duration.ofSeconds(3));
        try (SimulatedCluster world = new SimulatedCluster(Duration.ofMillis(20), faults, Duration.ofSeconds(1))) {
            prepare(scenario.operation(), world);
            List<String> volumesBefore = volumes(world);
            faults.arm(scenario.fault());
            Outcome outcome = run(scenario.operation(), world);
            int injected = faults.injected();
            faults.arm(Fault.status("NONE", "^$", 0, 0));
            assertTrue(injected > 0, "the fault never fired, so this row tests nothing: " + scenario);
            assertClientSawTheFault(scenario, world.clientFailures());
            if (scenario.converges()) {
                assertEquals(0, outcome.exitCode(), () -> scenario + "\n" + tail(outcome.text()));
            } else {
                assertTrue(
                        List.of(6, 7).contains(outcome.exitCode()),
                        () -> scenario + " exit " + outcome.exitCode() + "\n" + tail(outcome.text()));
                assertTrue(
                        Pattern.compile("\\b" + scenario.fault().status() + "\\b")
                                .matcher(outcome.failure())
                                .find(),
                        () -> "the stop names what the API server answered: " + outcome.failure());
            }
            assertTrue(world.leases().isEmpty(), "the lock is released: " + outcome.text());
            assertNotNull(
                    world.mock()
                            .client()
                            .secrets()
                            .inNamespace(SimulatedCluster.NAMESPACE)
                            .withName("clickhouse-credentials")
                            .get(),
                    "the Secret is kept");
            assertTrue(volumes(world).containsAll(volumesBefore), "no volume was deleted");
            if (scenario.operation() != Operation.DEPLOY || scenario.converges()) {
                assertNotNull(
                        world.mock()
                                .client()
                                .genericKubernetesResources(Fabric8KubeGateway.CHI)
                                .inNamespace(SimulatedCluster.NAMESPACE)
                                .withName("clickhouse-signoz-clickhouse-ha")
                                .get(),
                        "the installation in use is kept");
            }
        }
    }

    /** A reset and not a timeout, the row's own name: a dropped connection or an answer too late for the client. */
    private static final Map<Kind, Pattern> SEEN = Map.of(
            Kind.DROPPED,
                    Pattern.compile(
                            "Connection reset|Connection was closed|connection closed", Pattern.CASE_INSENSITIVE),
            Kind.TOO_LATE, Pattern.compile("timeout|timed out", Pattern.CASE_INSENSITIVE));

    /** A row is what it names only if the client saw that fault: checked on its own failures, not the run's outcome. */
    private static void assertClientSawTheFault(Scenario scenario, List<String> seen) {
        Kind kind = scenario.fault().kind();
        boolean watch = scenario.fault().path().pattern().equals(STATEFULSET_WATCH);
        if (kind == Kind.STATUS || kind == Kind.TOO_LATE && watch) {
            return; // an answer, however late: a watch has no request timeout, so its client waits for it
        }
        assertFalse(seen.isEmpty(), scenario + ": the client saw no connection failure");
        seen.forEach(failure ->
                assertTrue(SEEN.get(kind).matcher(failure).find(), scenario + ": seen by the client as " + failure));
    }

    /** An upgrade or cleanup starts from a deployed cluster; cleanup also finds an unused installation and its volume. */
    private static void prepare(Operation operation, SimulatedCluster world) throws Exception {
        if (operation == Operation.DEPLOY) {
            return;
        }
        SimulatedCluster.Run deployed = world.run(fast(SimulatedCluster.deploy()));
        assertEquals(0, deployed.exitCode(), deployed.all());
        if (operation == Operation.CLEANUP) {
            GenericKubernetesResource stale = new GenericKubernetesResource();
            stale.setApiVersion("clickhouse.altinity.com/v1");
            stale.setKind("ClickHouseInstallation");
            stale.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                    .withName("stale-ch")
                    .withNamespace(SimulatedCluster.NAMESPACE)
                    .build());
            stale.setAdditionalProperty(
                    "spec",
                    Map.of(
                            "configuration",
                            Map.of(
                                    "clusters",
                                    List.of(Map.of(
                                            "name", "prod", "layout", Map.of("shardsCount", 1, "replicasCount", 1))))));
            world.mock().client().resource(stale).create();
            world.mock()
                    .client()
                    .persistentVolumeClaims()
                    .inNamespace(SimulatedCluster.NAMESPACE)
                    .resource(new PersistentVolumeClaimBuilder()
                            .withNewMetadata()
                            .withName("data-stale-ch-0")
                            .addToLabels("clickhouse.altinity.com/chi", "stale-ch")
                            .endMetadata()
                            .withNewSpec()
                            .withAccessModes("ReadWriteOnce")
                            .withNewResources()
                            .addToRequests("storage", new Quantity("1Gi"))
                            .endResources()
                            .endSpec()
                            .build())
                    .create();
        }
    }

    /** How a run ended: its exit code, all it printed, and the message it stopped with (empty when it did not). */
    private record Outcome(int exitCode, String text, String failure) {

        static Outcome of(SimulatedCluster.Run run) {
            return new Outcome(
                    run.exitCode(),
                    run.all(),
                    run.failure() == null ? "" : run.failure().getMessage());
        }
    }

    private static Outcome run(Operation operation, SimulatedCluster world) throws Exception {
        switch (operation) {
            case DEPLOY -> {
                return Outcome.of(world.run(fast(SimulatedCluster.deploy())));
            }
            case UPGRADE -> {
                return Outcome.of(world.run(fast(SimulatedCluster.request(
                        DeployAction.Kind.UPGRADE,
                        InputFiles.readText(SimulatedCluster.PRODUCTION),
                        Optional.of("0.132.0")))));
            }
            default -> {
                StringWriter out = new StringWriter();
                try {
                    int code = new CleanupAction(Clock.systemUTC(), LeaseLock.Timing.system())
                            .run(
                                    // Named: the fake chart's collector reads a config file from a ConfigMap the
                                    // fake does not render, an address cleanup cannot read, so it deletes an
                                    // installation only when the operator names one no readable address reaches.
                                    new CleanupAction.Request(
                                            SimulatedCluster.NAMESPACE,
                                            Optional.empty(),
                                            Optional.of("stale-ch"),
                                            Optional.empty(),
                                            true,
                                            Duration.ZERO,
                                            CleanupAction.DEFAULT_TIMEOUT),
                                    world.session(),
                                    new PrintWriter(out, true),
                                    Style.PLAIN);
                    return new Outcome(code, out.toString(), "");
                } catch (SignozHaException e) {
                    return new Outcome(e.exitCode().code(), out + "\n" + e.getMessage(), e.getMessage());
                }
            }
        }
    }

    private static String tail(String text) {
        return text.substring(
                text.lastIndexOf("--- progress") < 0
                        ? Math.max(0, text.length() - 1500)
                        : text.lastIndexOf("--- progress"));
    }

    private static List<String> volumes(SimulatedCluster world) {
        return world
                .mock()
                .client()
                .persistentVolumeClaims()
                .inNamespace(SimulatedCluster.NAMESPACE)
                .list()
                .getItems()
                .stream()
                .map(claim -> claim.getMetadata().getName())
                .toList();
    }

    /** Phase timeouts short enough that a fault which never clears ends the run within seconds. */
    private static DeployAction.Request fast(DeployAction.Request request) {
        return request.toBuilder()
                .timeouts(SimulatedCluster.everyPhase(Duration.ofSeconds(8)))
                .build();
    }
}
