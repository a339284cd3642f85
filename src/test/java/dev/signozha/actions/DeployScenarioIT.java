package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.render.TemplateSource;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.StateRecord;
import dev.signozha.support.EditedTemplates;
import dev.signozha.support.ReadinessController;
import dev.signozha.support.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole deploys against the simulated cluster: the mock API server, the readiness controller, the fake chart. */
class DeployScenarioIT {

    private SimulatedCluster world;

    @BeforeEach
    void start() {
        world = new SimulatedCluster(Duration.ofMillis(30));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void freshDeploy_runsEveryPhaseInOrder_verifies_andRecordsTheState() throws Exception {
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy());
        assertEquals(0, run.exitCode(), run.all());
        List<String> phases = run.progress()
                .lines()
                .filter(line -> line.matches(".*\\[\\d/8] [a-z-]+: .*"))
                .map(line -> line.replaceAll(".*\\[\\d/8] ([a-z-]+): .*", "$1"))
                .distinct()
                .toList();
        assertEquals(
                List.of(
                        "namespace",
                        "clickhouse-operator",
                        "zookeeper",
                        "clickhouse",
                        "signoz",
                        "migration",
                        "collectors",
                        "verification"),
                phases,
                run.progress());
        StateRecord state = world.stateRecord().orElseThrow();
        assertEquals("0.131.0", state.chartVersion());
        assertEquals(HistoryEntry.SUCCEEDED, state.lastEntry().orElseThrow().outcome());
        assertTrue(world.helm().calls().contains("upgrade --install altinity-clickhouse-operator 0.25.6 NONE"));
        assertTrue(run.out().contains("+ clickhouse-operator 0.25.6: helm upgrade --install"), run.out());
        assertFalse(run.all().contains(SimulatedCluster.PASSWORD));
    }

    @Test
    void progress_printsEachPhaseEndOnce_andCountsHelmsRunInThePhaseTime() throws Exception {
        world.helm().upgradesTake(Duration.ofMillis(1100));
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy());
        assertEquals(0, run.exitCode(), run.all());
        List<String> lines = run.progress()
                .lines()
                .map(line -> line.replaceFirst("^\\S+ ", "").replaceFirst(" \\([0-9hms.]+\\)$", ""))
                .toList();
        for (int i = 1; i < lines.size(); i++) {
            assertFalse(
                    lines.get(i).equals(lines.get(i - 1)), "printed twice: " + lines.get(i) + "\n" + run.progress());
        }
        String signoz = run.progress()
                .lines()
                .filter(line -> line.contains("[5/8] signoz: "))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertTrue(signoz.matches(".* \\([1-9]\\d*s\\)"), "helm's 1.1 s is the phase's time: " + signoz);
    }

    @Test
    void redeploy_withNothingChanged_reportsNoChangesAndAppliesNothing() throws Exception {
        assertEquals(0, world.run(SimulatedCluster.deploy()).exitCode());
        List<String> helmCalls = world.helm().calls();
        List<String> before = versions();
        SimulatedCluster.Run again = world.run(SimulatedCluster.deploy());
        assertEquals(0, again.exitCode(), again.all());
        assertTrue(
                again.out().contains("No changes: the cluster already matches topology prod. Nothing was applied."),
                again.out());
        assertTrue(again.out().contains("0 to create, 0 to update, 0 to delete"), again.out());
        assertEquals(helmCalls, world.helm().calls(), "helm is not called");
        assertEquals("", again.progress(), "no phase ran");
        assertEquals(before, versions(), "no object was written");
    }

    @Test
    void deploy_verifiedWithoutClickHouse_saysSo_inTheOutputAndTheStateRecord() throws Exception {
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(
                run.out().contains("; verified without ClickHouse (simulated cluster: no ClickHouse to query)."),
                run.out());
        assertTrue(run.progress().contains("warning(s), verified without ClickHouse"), run.progress());
        assertEquals(
                "verified without ClickHouse (simulated cluster: no ClickHouse to query)",
                world.stateRecord().orElseThrow().lastEntry().orElseThrow().detail());
    }

    @Test
    void deploy_whoseVerificationCannotReachClickHouse_fails_exit7() throws Exception {
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy().toBuilder()
                .timeout(DeployPhase.VERIFICATION, Duration.ofSeconds(1))
                .safety(DeployAction.Safety.STRICT)
                .build());
        assertEquals(7, run.exitCode(), run.all());
        assertTrue(
                run.failure().getMessage().contains("verification still fails after 1s"),
                run.failure().getMessage());
        assertTrue(
                run.failure().getMessage().contains("ClickHouse could not be asked"),
                run.failure().getMessage());
        assertTrue(run.progress().contains("failing: ClickHouse did not answer"), run.progress());
        StateRecord state = world.stateRecord().orElseThrow();
        assertEquals(HistoryEntry.FAILED, state.lastEntry().orElseThrow().outcome());
        assertTrue(state.neverApplied(), "a deploy not verified is not recorded as applied");
    }

    /**
     * A stop this soon after the cluster said why (the phase's timeout is 20 s) comes from the finding, not the
     * timeout: ten times and more what the stop takes on a loaded machine. That the waiter wakes on the watch event
     * rather than its heartbeat is PhaseWaiterTest's to show, by order of events, not here by the clock.
     */
    private static final Duration STOP_ON_THE_FINDING = PhaseWaiter.HEARTBEAT;

    /** A workload made stuck, how, and what the deploy must say: in which phase, with which finding, about what. */
    record Stuck(
            String cause,
            Consumer<ReadinessController> make,
            String workload,
            String phase,
            String code,
            String object) {

        @Override
        public String toString() {
            return cause + " -> " + code;
        }
    }

    static Stream<Stuck> stuckWorkloads() {
        return Stream.of(
                new Stuck(
                        "ImagePullBackOff",
                        controller -> controller.stick("signoz-ha-zookeeper", "ImagePullBackOff"),
                        "signoz-ha-zookeeper",
                        "[3/8] zookeeper",
                        "IMAGE_PULL_FAILED",
                        "Pod/platform/signoz-ha-zookeeper-0"),
                new Stuck(
                        "FailedScheduling, anti-affinity",
                        controller -> controller.leaveUnschedulable(
                                "signoz-ha-zookeeper",
                                "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules."),
                        "signoz-ha-zookeeper",
                        "[3/8] zookeeper",
                        "ANTI_AFFINITY_UNSCHEDULABLE",
                        "Pod/platform/signoz-ha-zookeeper-0"),
                new Stuck(
                        "FailedScheduling, capacity",
                        controller -> controller.leaveUnschedulable(
                                "signoz", "0/3 nodes are available: 3 Insufficient memory."),
                        "signoz",
                        "[5/8] signoz",
                        "INSUFFICIENT_CAPACITY",
                        "Pod/platform/signoz-0"),
                new Stuck(
                        "failed migration Job",
                        controller -> controller.fail("signoz-telemetrystore-migrator"),
                        "signoz-telemetrystore-migrator",
                        "[6/8] migration",
                        "SCHEMA_MIGRATION_TOPOLOGY",
                        "Job/platform/signoz-telemetrystore-migrator"),
                new Stuck(
                        "CrashLoopBackOff",
                        controller -> controller.stick("signoz-otel-collector", "CrashLoopBackOff"),
                        "signoz-otel-collector",
                        "[7/8] collectors",
                        "POD_EVICTIONS",
                        "Pod/platform/signoz-otel-collector-4mthhzlfn7-8tsf2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stuckWorkloads")
    void stuckPhase_failsAtOnceWithTheFinding_notAtItsTimeout(Stuck stuck) throws Exception {
        stuck.make().accept(world.controller());
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy());
        Duration stop = world.controller().sinceStuck(stuck.workload());
        assertEquals(7, run.exitCode(), run.all());
        String message = run.failure().getMessage();
        assertTrue(
                message.contains(stuck.phase() + " is stuck: " + stuck.code() + " " + stuck.object() + ": "), message);
        assertTrue(message.contains("signoz-ha runbook " + stuck.code()), message);
        assertTrue(run.progress().contains(stuck.phase() + ": stuck: " + stuck.code()), run.progress());
        assertTrue(
                stop.compareTo(STOP_ON_THE_FINDING) < 0,
                "stopped " + stop + " after " + stuck.workload() + " got stuck: not on the finding\n" + run.all());
        StateRecord state = world.stateRecord().orElseThrow();
        assertEquals(HistoryEntry.FAILED, state.lastEntry().orElseThrow().outcome());
        assertTrue(state.neverApplied(), "a failed deploy is not recorded as applied");
        assertTrue(world.leases().isEmpty(), "lock released");
    }

    private List<String> versions() {
        return world.session().gateway().ownedObjects(SimulatedCluster.NAMESPACE).stream()
                .map(object -> object.path("metadata").path("name").asText() + "@"
                        + object.path("metadata").path("resourceVersion").asText())
                .sorted()
                .toList();
    }

    @Test
    void withoutYes_andNobodyToAsk_isRefusedBeforeAnythingChanges() throws Exception {
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy(DeployAction.DryRun.NONE, false));
        assertEquals(4, run.exitCode(), run.all());
        assertTrue(run.failure().getMessage().contains("no terminal to confirm on and no --yes"));
        assertFalse(run.all().contains("Going ahead despite"), "a refused run does not go ahead:\n" + run.all());
        assertTrue(world.helm().calls().isEmpty());
        assertTrue(versions().isEmpty());
    }

    @Test
    void clientDryRun_printsThePlan_andSendsNothing() throws Exception {
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy(DeployAction.DryRun.CLIENT, true));
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("6 to create"), run.out());
        assertTrue(run.out().contains("Dry run (client): nothing was sent to the cluster."), run.out());
        assertTrue(world.helm().calls().isEmpty());
        assertTrue(versions().isEmpty());
    }

    @Test
    void missingPasswordSecret_isAPlanError_exit3_withTheCommandThatCreatesIt() throws Exception {
        world.mock()
                .client()
                .secrets()
                .inNamespace(SimulatedCluster.NAMESPACE)
                .withName("clickhouse-credentials")
                .delete();
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy());
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(
                run.failure()
                        .getMessage()
                        .contains("Secret platform/clickhouse-credentials with key password does " + "not exist"),
                run.failure().getMessage());
        assertTrue(
                run.failure()
                        .getMessage()
                        .contains("kubectl create secret generic clickhouse-credentials -n platform "
                                + "--from-literal=password='<password>'"),
                run.failure().getMessage());
        assertTrue(run.out().contains("Plan errors\n  error: Secret platform/clickhouse-credentials"), run.out());
        assertTrue(world.helm().calls().isEmpty());
    }

    @Test
    void freshCluster_planListsTheNamespaceAndOperatorSetup_andAMissingOperatorIsNoError() throws Exception {
        world.mock().client().namespaces().withName(SimulatedCluster.NAMESPACE).delete();
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy(DeployAction.DryRun.CLIENT, true));
        assertTrue(
                run.out()
                        .contains("Cluster setup\n  + Namespace/platform: created\n  + clickhouse-operator 0.25.6: "
                                + "helm upgrade --install altinity-clickhouse-operator"),
                run.out());
        assertTrue(
                run.out().contains("skipped: deploy installs clickhouse-operator 0.25.6 first (Cluster setup)"),
                run.out());
        assertFalse(run.out().contains("Going ahead despite"), "OPERATOR_MISSING is no preflight error: " + run.out());
    }

    @Test
    void redeploy_deletesTheToolsObjectsNoLongerRendered_andNothingElse() throws Exception {
        assertEquals(0, world.run(SimulatedCluster.deploy()).exitCode());
        configMap("signoz-ha-retired", Map.of(ResourceNames.MANAGED_BY_LABEL, ResourceNames.MANAGED_BY_VALUE));
        configMap("someone-elses", Map.of());
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("- ConfigMap/platform/signoz-ha-retired"), run.out());
        assertTrue(
                run.progress().contains("deleted ConfigMap/platform/signoz-ha-retired (no longer rendered)"),
                run.progress());
        assertNull(configMaps().withName("signoz-ha-retired").get(), "the tool's retired object is gone");
        assertNotNull(configMaps().withName("someone-elses").get(), "an object the tool does not own stays");
        assertTrue(
                world.run(SimulatedCluster.deploy()).out().contains("No changes"), "the plan was carried out in full");
    }

    @Test
    void redeploy_afterTheRenderDroppedAField_removesIt_andThenHasNothingToDo() throws Exception {
        TemplateSource withExtraScript = new EditedTemplates(
                "manifests/external/zookeeper.yaml",
                text -> text.replace("data:\n  setup.sh: |", "data:\n  retired.sh: echo retired\n  setup.sh: |"));
        assertEquals(
                0,
                world.run(SimulatedCluster.deploy(), IngestionProbe.none(), withExtraScript)
                        .exitCode());
        assertTrue(scripts().containsKey("retired.sh"));
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("~ ConfigMap/platform/signoz-ha-zookeeper-scripts"), run.out());
        assertTrue(run.out().contains("data.retired.sh: \"echo retired\" → "), run.out());
        assertFalse(scripts().containsKey("retired.sh"), "server-side apply removed what signoz-ha no longer renders");
        assertTrue(world.run(SimulatedCluster.deploy()).out().contains("No changes"));
    }

    @Test
    void redeploy_ofAManifestsOnlyChange_appliesTheManifests_andLeavesTheHelmReleaseAlone() throws Exception {
        TemplateSource withExtraScript = new EditedTemplates(
                "manifests/external/zookeeper.yaml",
                text -> text.replace("data:\n  setup.sh: |", "data:\n  extra.sh: echo extra\n  setup.sh: |"));
        assertEquals(0, world.run(SimulatedCluster.deploy()).exitCode());
        List<String> helmCalls = world.helm().calls();
        int revisions =
                world.helm().history(SimulatedCluster.NAMESPACE, "signoz").size();
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy(), IngestionProbe.none(), withExtraScript);
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("~ ConfigMap/platform/signoz-ha-zookeeper-scripts"), run.out());
        assertTrue(
                run.out()
                        .contains("Helm release: unchanged (chart and values as last deployed; helm upgrade does "
                                + "not run)"),
                run.out());
        assertTrue(scripts().containsKey("extra.sh"), "the manifest change is applied");
        assertEquals(helmCalls, world.helm().calls(), "no helm upgrade: the chart's hooks do not run again");
        assertEquals(
                revisions,
                world.helm().history(SimulatedCluster.NAMESPACE, "signoz").size(),
                "no new revision");
        assertTrue(run.progress().contains("Helm release signoz unchanged"), run.progress());
    }

    private Map<String, String> scripts() {
        return configMaps().withName("signoz-ha-zookeeper-scripts").get().getData();
    }

    private NonNamespaceOperation<ConfigMap, ConfigMapList, Resource<ConfigMap>> configMaps() {
        return world.mock().client().configMaps().inNamespace(SimulatedCluster.NAMESPACE);
    }

    private void configMap(String name, Map<String, String> labels) {
        configMaps()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withLabels(labels)
                        .endMetadata()
                        .addToData("key", "value")
                        .build())
                .create();
    }

    @Test
    void serverDryRun_needsNoConfirmation_letsTheServerAndHelmValidate_andKeepsNothing() throws Exception {
        SimulatedCluster.Run run = world.run(SimulatedCluster.deploy(DeployAction.DryRun.SERVER, false));
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(
                run.out()
                        .contains("Dry run (server): the API server and helm accepted every object; nothing was kept."),
                run.out());
        assertTrue(
                run.progress()
                        .contains("skipping ClickHouseInstallation/platform/clickhouse-signoz-clickhouse-ha: its "
                                + "CRD comes with clickhouse-operator"),
                run.progress());
        assertEquals(
                List.of("upgrade --install signoz 0.131.0 SERVER"), world.helm().calls());
        assertTrue(versions().isEmpty(), "nothing kept");
        assertTrue(world.leases().isEmpty(), "no lock taken");
    }
}
